#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace mlaprep {

// The readiness forecast made the day before a real exam, as it was then (docs/readiness.md).
struct ForecastBefore {
    int estimate = 0;
    int low = 0;
    int high = 0;
    double interval = 0.8;
    double passProbability = 0.0;
    bool enoughData = false;
    int answers = 0;
    double seenShare = 0.0;
};

// One real exam the learner sat: its date (YYYY-MM-DD), the scaled score when given, and pass or fail.
struct RealExamResultRow {
    std::string examDate;
    std::optional<int> scaled;
    bool passed = false;
    std::int64_t recordedMs = 0;
    ForecastBefore forecast;
};

} // namespace mlaprep
