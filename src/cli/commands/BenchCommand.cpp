#include "Arguments.h"
#include "Commands.h"

#include "CliBundle.h"
#include "services/SearchService.h"
#include "sim/Benchmark.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace mlaprep::cli {

int runBench(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--items", "--reviews-per-item" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli bench [--json] [--items N] [--reviews-per-item N]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    BenchOptions options;
    try {
        options.items = std::stoi(arguments->value("--items").value_or("100000"));
        options.reviewsPerItem = std::stoi(arguments->value("--reviews-per-item").value_or("20"));
    } catch (const std::exception&) {
        std::cerr << "error: --items and --reviews-per-item take whole numbers\n";
        return ExitUsage;
    }
    if (options.items < 1 || options.reviewsPerItem < 1) {
        std::cerr << "error: --items and --reviews-per-item must be at least 1\n";
        return ExitUsage;
    }
    options.directory
        = std::filesystem::temp_directory_path() / ("mlaprep-bench-" + std::to_string(getpid()));
    const bool json = arguments->flag("--json");
    // Progress goes to stderr so that --json keeps stdout to the one object.
    options.log = [](const std::string& line) { std::cerr << line << '\n'; };
    auto figures = runBenchmark(options);
    if (!figures) {
        for (const auto& problem : figures.problems()) {
            std::cerr << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    const BenchFigures& f = figures.value();
    // Search runs over the real bundle (the synthetic store has no text).
    SearchBenchFigures search;
    if (auto loaded = loadBundleForCommand(std::nullopt)) {
        options.log("timing search over " + loaded->bundle.id + "…");
        auto timed = benchmarkSearch(loaded->bundle, options.directory.string() + "-search");
        if (timed.ok()) {
            search = timed.value();
        } else {
            std::cerr << timed.firstError() << '\n';
        }
    }
    if (json) {
        std::printf("{\"items\":%d,\"reviews\":%lld,\"next_item_ms\":{\"median\":%.4f,\"p99\":%.4f},"
                    "\"rate_commit_ms\":{\"median\":%.4f,\"p99\":%.4f},\"due_today_ms\":%.4f,"
                    "\"replay_steps_per_s\":%.0f,\"optimize_100k_s\":%.3f,\"optimize_reviews\":%d,"
                    "\"optimize_log_loss\":{\"before\":%.5f,\"after\":%.5f},\"build_s\":%.2f,"
                    "\"search_ms\":{\"median\":%.4f,\"p99\":%.4f},\"search_build_ms\":%.1f,"
                    "\"search_documents\":%d,\"readiness_ms\":{\"build\":%.1f,\"update_after_exam\":%.3f,"
                    "\"forecast\":%.3f}}\n",
            f.items, f.reviews, f.nextItemMs.median, f.nextItemMs.p99, f.rateCommitMs.median,
            f.rateCommitMs.p99, f.dueTodayMs, f.replayStepsPerSecond, f.optimizeSeconds, f.optimizeReviews,
            f.logLossBefore, f.logLossAfter, f.buildSeconds, search.queryMedianMs, search.queryP99Ms,
            search.buildMs, search.documents, f.readinessBuildMs, f.readinessUpdateMs, f.readinessForecastMs);
    } else {
        std::printf("items %d, reviews %lld (store built in %.1f s)\n", f.items, f.reviews, f.buildSeconds);
        std::printf("next item      median %.4f ms, p99 %.4f ms\n", f.nextItemMs.median, f.nextItemMs.p99);
        std::printf(
            "rating commit  median %.4f ms, p99 %.4f ms\n", f.rateCommitMs.median, f.rateCommitMs.p99);
        std::printf("due today      %.4f ms\n", f.dueTodayMs);
        std::printf("replay         %.0f steps/s\n", f.replayStepsPerSecond);
        std::printf("optimise       %.3f s on %d reviews (log loss %.5f -> %.5f)\n", f.optimizeSeconds,
            f.optimizeReviews, f.logLossBefore, f.logLossAfter);
        std::printf("search         median %.4f ms, p99 %.4f ms over %d documents (%d typed queries; index "
                    "built in %.1f ms)\n",
            search.queryMedianMs, search.queryP99Ms, search.documents, search.queries, search.buildMs);
        std::printf(
            "readiness      update after a 65-item exam %.3f ms (model built from the log in %.1f ms; "
            "forecast %.3f ms)\n",
            f.readinessUpdateMs, f.readinessBuildMs, f.readinessForecastMs);
    }
    return ExitOk;
}

} // namespace mlaprep::cli
