#include "Arguments.h"
#include "CliBundle.h"
#include "Commands.h"

#include "sim/Calibration.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace mlaprep::cli {

namespace {

constexpr double BrierTarget = 0.12;
constexpr double MaeTarget = 35.0;

// The scores' JSON fields, without braces (the reliability table included).
void printScoresJson(const sim::CalibrationScores& scores)
{
    std::printf("\"coverage\":%.4f,\"brier\":%.4f,\"mae\":%.2f,\"bias\":%.2f,\"mean_width\":%.1f,"
                "\"reliability\":[",
        scores.coverage, scores.brier, scores.meanAbsoluteError, scores.meanError, scores.meanWidth);
    for (std::size_t b = 0; b < scores.reliability.size(); ++b) {
        const auto& bin = scores.reliability[b];
        std::printf("%s{\"p_pass\":[%.1f,%.1f],\"forecasts\":%d,\"mean_p_pass\":%.4f,\"observed\":%.4f}",
            b == 0 ? "" : ",", bin.low, bin.high, bin.count, bin.meanPredicted, bin.observedRate);
    }
    std::printf("]");
}

} // namespace

int runCalibrate(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle", "--learners", "--seed" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli calibrate [--learners N] [--seed S] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    sim::CalibrationOptions options;
    try {
        options.learners = std::stoi(arguments->value("--learners").value_or("500"));
        options.seed = std::stoull(arguments->value("--seed").value_or("1"));
    } catch (const std::exception&) {
        std::cerr << "error: --learners and --seed take whole numbers\n";
        return ExitUsage;
    }
    if (options.learners < 1) {
        std::cerr << "error: --learners must be at least 1\n";
        return ExitUsage;
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    // Hundreds of throw-away stores: in memory-backed storage when the system has it, as commits there
    // cost no disk flush.
    std::error_code ignored;
    const std::filesystem::path memory = "/dev/shm";
    options.directory
        = (std::filesystem::is_directory(memory, ignored) ? memory : std::filesystem::temp_directory_path())
        / ("mlaprep-calibrate-" + std::to_string(getpid()));
    options.log = [](const std::string& line) { std::cerr << line << '\n'; };
    auto report = sim::runCalibration(loaded->bundle, options);
    if (!report) {
        for (const auto& problem : report.problems()) {
            std::cerr << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    const sim::CalibrationReport& r = report.value();
    const sim::CalibrationScores& ours = r.forecast;
    const sim::CalibrationScores& oracle = r.oracle;
    const bool coverageMet = ours.coverage >= 0.75 && ours.coverage <= 0.85;
    // The oracle knows each learner's true chances: when even its error exceeds a target, what is left
    // is the draw of a 65-item test, and no estimator can meet it under this model.
    const bool maeReachable = oracle.meanAbsoluteError <= MaeTarget;
    const bool brierReachable = oracle.brier <= BrierTarget;
    if (arguments->flag("--json")) {
        std::printf("{\"learners\":%d,\"seed\":%llu,\"forecasts\":%zu,\"interval\":%.2f,", r.learners,
            static_cast<unsigned long long>(r.seed), r.forecasts.size(), r.interval);
        printScoresJson(ours);
        std::printf(",\"bias_seen_points\":%.2f,\"bias_unseen_points\":%.2f,\"seen_share\":%.4f,"
                    "\"pass_rate\":%.4f,\"seconds\":%.1f,"
                    "\"targets\":{\"coverage\":[0.75,0.85],\"brier_max\":%.2f,\"mae_max\":%.0f},"
                    "\"met\":{\"coverage\":%s,\"brier\":%s,\"mae\":%s},"
                    "\"reachable\":{\"brier\":%s,\"mae\":%s},\"oracle\":{",
            r.seenBiasPoints, r.unseenBiasPoints, r.seenShare, r.passRate, r.seconds, BrierTarget, MaeTarget,
            coverageMet ? "true" : "false", ours.brier <= BrierTarget ? "true" : "false",
            ours.meanAbsoluteError <= MaeTarget ? "true" : "false", brierReachable ? "true" : "false",
            maeReachable ? "true" : "false");
        printScoresJson(oracle);
        std::printf("}}\n");
        return ExitOk;
    }
    std::printf("%d learners, %zu forecasts, seed %llu (%.1f s)\n", r.learners, r.forecasts.size(),
        static_cast<unsigned long long>(r.seed), r.seconds);
    std::printf("                            readiness   oracle   target\n");
    std::printf("coverage of the 80 %% range  %7.1f %%  %5.1f %%   75-85 %%\n", 100.0 * ours.coverage,
        100.0 * oracle.coverage);
    std::printf(
        "Brier score of P(pass)      %9.4f  %7.4f   <= %.2f\n", ours.brier, oracle.brier, BrierTarget);
    std::printf("MAE of the estimate         %9.1f  %7.1f   <= %.0f scaled points\n", ours.meanAbsoluteError,
        oracle.meanAbsoluteError, MaeTarget);
    std::printf("bias (estimate - actual)    %+9.1f  %+7.1f   points\n", ours.meanError, oracle.meanError);
    std::printf("mean range width            %9.0f  %7.0f   points\n", ours.meanWidth, oracle.meanWidth);
    std::printf("bias in %% of items right: %+.2f on the items seen before (%.0f %% of a mock), %+.2f on the "
                "rest; pass rate %.1f %%\n",
        r.seenBiasPoints, 100.0 * r.seenShare, r.unseenBiasPoints, 100.0 * r.passRate);
    if (!maeReachable) {
        std::printf(
            "the MAE target (%.0f) is out of reach under this model: even the oracle, which knows every "
            "learner's true chances, misses it by the draw of a 65-item test alone (%.1f)\n",
            MaeTarget, oracle.meanAbsoluteError);
    }
    if (!brierReachable) {
        std::printf("the Brier target (%.2f) is out of reach under this model: the oracle scores %.4f\n",
            BrierTarget, oracle.brier);
    }
    std::printf("P(pass)     forecasts  mean P(pass)  passed   oracle: forecasts  mean P(pass)  passed\n");
    for (std::size_t b = 0; b < ours.reliability.size(); ++b) {
        const auto& bin = ours.reliability[b];
        const auto& floor = oracle.reliability[b];
        std::printf("%.1f-%.1f   %9d  %12.3f  %6.3f   %17d  %12.3f  %6.3f\n", bin.low, bin.high, bin.count,
            bin.meanPredicted, bin.observedRate, floor.count, floor.meanPredicted, floor.observedRate);
    }
    return ExitOk;
}

} // namespace mlaprep::cli
