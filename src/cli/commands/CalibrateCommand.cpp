#include "Arguments.h"
#include "CliBundle.h"
#include "Commands.h"

#include "sim/Calibration.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace mlaprep::cli {

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
    if (arguments->flag("--json")) {
        std::printf("{\"learners\":%d,\"seed\":%llu,\"forecasts\":%zu,\"interval\":%.2f,\"coverage\":%.4f,"
                    "\"brier\":%.4f,\"mae\":%.2f,\"bias\":%.2f,\"mean_width\":%.1f,\"pass_rate\":%.4f,"
                    "\"seconds\":%.1f,"
                    "\"targets\":{\"coverage\":[0.75,0.85],\"brier_max\":0.12,\"mae_max\":35},\"met\":{"
                    "\"coverage\":%s,\"brier\":%s,\"mae\":%s},\"reliability\":[",
            r.learners, static_cast<unsigned long long>(r.seed), r.forecasts.size(), r.interval, r.coverage,
            r.brier, r.meanAbsoluteError, r.meanError, r.meanWidth, r.passRate, r.seconds,
            r.coverage >= 0.75 && r.coverage <= 0.85 ? "true" : "false", r.brier <= 0.12 ? "true" : "false",
            r.meanAbsoluteError <= 35.0 ? "true" : "false");
        for (std::size_t b = 0; b < r.reliability.size(); ++b) {
            const auto& bin = r.reliability[b];
            std::printf("%s{\"p_pass\":[%.1f,%.1f],\"forecasts\":%d,\"mean_p_pass\":%.4f,\"observed\":%.4f}",
                b == 0 ? "" : ",", bin.low, bin.high, bin.count, bin.meanPredicted, bin.observedRate);
        }
        std::printf("]}\n");
        return ExitOk;
    }
    std::printf("%d learners, %zu forecasts, seed %llu (%.1f s)\n", r.learners, r.forecasts.size(),
        static_cast<unsigned long long>(r.seed), r.seconds);
    std::printf("coverage of the 80 %% range  %.1f %%   (target 75-85 %%)\n", 100.0 * r.coverage);
    std::printf("Brier score of P(pass)      %.4f   (target <= 0.12)\n", r.brier);
    std::printf("MAE of the estimate         %.1f   (target <= 35 scaled points)\n", r.meanAbsoluteError);
    std::printf("bias %+.1f points, mean range width %.0f points, pass rate %.1f %%\n", r.meanError,
        r.meanWidth, 100.0 * r.passRate);
    std::printf("P(pass)     forecasts  mean P(pass)  passed\n");
    for (const auto& bin : r.reliability) {
        std::printf("%.1f-%.1f   %9d  %12.3f  %6.3f\n", bin.low, bin.high, bin.count, bin.meanPredicted,
            bin.observedRate);
    }
    return ExitOk;
}

} // namespace mlaprep::cli
