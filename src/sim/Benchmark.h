#pragma once

#include "common/Result.h"

#include <filesystem>
#include <functional>
#include <string>

namespace mlaprep {

struct BenchOptions {
    int items = 100'000;
    int reviewsPerItem = 20;
    // Reviews handed to the optimiser (whole item histories, from the first items).
    int optimizerReviews = 100'000;
    int nextItemRuns = 2000;
    int rateRuns = 500;
    // Where the synthetic store is built; removed afterwards.
    std::filesystem::path directory;
    // Progress lines for a human ("building store…"), never part of the figures.
    std::function<void(const std::string&)> log;
};

struct Percentiles {
    double median = 0.0;
    double p99 = 0.0;
};

// The figures `mlaprep-cli bench` prints (cli.md, "bench --json"); times in milliseconds unless named.
struct BenchFigures {
    int items = 0;
    long long reviews = 0;
    double buildSeconds = 0.0;
    Percentiles nextItemMs;
    Percentiles rateCommitMs;
    double dueTodayMs = 0.0;
    double replayStepsPerSecond = 0.0;
    double optimizeSeconds = 0.0;
    int optimizeReviews = 0;
    double logLossBefore = 0.0;
    double logLossAfter = 0.0;
    // The readiness model over the store's questions: built from the whole log, then brought up to date
    // after one 65-item exam (the incremental update), and one forecast.
    double readinessBuildMs = 0.0;
    double readinessUpdateMs = 0.0;
    double readinessForecastMs = 0.0;
};

// Builds a synthetic store (items × reviewsPerItem review rows simulated with FSRS, due dates spread
// around now) and times the study operations on it through the same services the app uses. Prints
// nothing and asserts nothing: callers report the figures.
Result<BenchFigures> runBenchmark(const BenchOptions& options);

} // namespace mlaprep
