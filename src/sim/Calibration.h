#pragma once

#include "common/Result.h"
#include "content/Bundle.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace mlaprep::sim {

struct CalibrationOptions {
    int learners = 500;
    std::uint64_t seed = 1;
    // Where each learner's temporary store is made (and removed).
    std::filesystem::path directory;
    // Progress lines for a human, never part of the figures.
    std::function<void(const std::string&)> log;
};

// A forecast of a fresh mock: the point estimate, its range (CalibrationReport::interval) and P(pass).
struct Prediction {
    int estimate = 0;
    int low = 0;
    int high = 0;
    double passProbability = 0.0;
};

// Expected fraction right on the mock's items the learner had answered before and on the others, each
// over its own share of the mock: where a forecast's error lies.
struct SeenSplit {
    double seenShare = 0.0;
    double seen = 0.0;
    double unseen = 0.0;
};

// One readiness forecast and what then happened on a fresh mock taken at that moment.
struct CalibrationForecast {
    int learner = 0;
    int day = 0;
    bool enoughData = false;
    Prediction forecast; // what readiness said
    // The floor: the same mock forecast from the learner's true chance on every item (the simulator's),
    // its point the median result and its range the 10th to 90th percentile. No estimator does better.
    Prediction oracle;
    SeenSplit expected; // readiness's
    SeenSplit truth; // the learner's true chances
    int actual = 0; // the scaled result of the fresh mock
    bool passed = false;
};

// Forecasts whose P(pass) fell in [low, high): how many, their mean P(pass) and how many passed.
struct ReliabilityBin {
    double low = 0.0;
    double high = 0.0;
    int count = 0;
    double meanPredicted = 0.0;
    double observedRate = 0.0;
};

// How well one kind of prediction met the actual results.
struct CalibrationScores {
    double coverage = 0.0; // share of actual results inside the range
    double brier = 0.0; // mean (P(pass) − passed)²
    double meanAbsoluteError = 0.0; // scaled points, |estimate − actual|
    double meanError = 0.0; // scaled points, estimate − actual: the bias
    double meanWidth = 0.0; // scaled points, high − low
    std::vector<ReliabilityBin> reliability; // ten deciles of P(pass)
};

struct CalibrationReport {
    int learners = 0;
    std::uint64_t seed = 0;
    double interval = 0.8;
    CalibrationScores forecast;
    CalibrationScores oracle;
    // The bias in percentage points of items right, split into the items seen before and the rest
    // (each weighted by its share of the mock, so the two add up to the whole).
    double seenBiasPoints = 0.0;
    double unseenBiasPoints = 0.0;
    double seenShare = 0.0; // mean share of the mock seen before
    double passRate = 0.0;
    double seconds = 0.0;
    std::vector<CalibrationForecast> forecasts;
};

// Simulates `learners` learners studying the bundle through the real services (StudyService, ExamService
// on a temporary store each), asks ProgressService for readiness at three moments of each one's study,
// draws each learner's actual result on a fresh blueprint mock at the same moments, and scores the
// forecasts beside the oracle's. Deterministic for a seed.
Result<CalibrationReport> runCalibration(const Bundle& bundle, const CalibrationOptions& options);

} // namespace mlaprep::sim
