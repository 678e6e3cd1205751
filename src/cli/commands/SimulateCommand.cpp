#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "services/Store.h"
#include "sim/HistorySimulation.h"

#include <iostream>

namespace mlaprep::cli {

int runSimulate(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(
        words, { "--bundle", "--db", "--data-dir", "--days", "--seed", "--per-day" }, {}, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli simulate [--db FILE] [--days N] [--per-day N] [--seed N]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    SimulationOptions options;
    try {
        options.days = std::stoi(arguments->value("--days").value_or("21"));
        options.answersPerDay = std::stoi(arguments->value("--per-day").value_or("60"));
        options.seed = std::stoull(arguments->value("--seed").value_or("1"));
    } catch (const std::exception&) {
        std::cerr << "error: --days, --per-day and --seed take whole numbers\n";
        return ExitUsage;
    }
    if (options.days < 1 || options.days > 365 || options.answersPerDay < 1) {
        std::cerr << "error: --days must be 1 to 365 and --per-day at least 1\n";
        return ExitUsage;
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    const auto path = findDatabase(arguments->value("--db"), arguments->value("--data-dir"));
    auto store = Store::open(path);
    if (!store.ok()) {
        std::cerr << formatProblem(store.problems().front()) << '\n';
        return ExitUserError;
    }
    SystemClock clock;
    options.end = clock.now();
    options.utcOffsetMinutes = clock.utcOffsetMinutes(options.end);
    auto summary = simulateHistory(store.value(), loaded->bundle, options);
    if (!summary.ok()) {
        for (const auto& problem : summary.problems()) {
            std::cerr << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    std::cout << "simulated " << options.days << " days in " << path.string() << ": " << summary->answers
              << " answers, " << summary->exams << " exams\n";
    return ExitOk;
}

} // namespace mlaprep::cli
