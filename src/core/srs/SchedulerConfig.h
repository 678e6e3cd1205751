#pragma once

#include "fsrs/Parameters.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace mlaprep::srs {

// The learner's scheduling options (Anki's deck options plus FSRS). Transition tests start from
// defaultsForTesting() and change one field each (house rule 5).
struct SchedulerConfig {
    fsrs::Parameters parameters = fsrs::DefaultParameters;
    double desiredRetention = 0.9;
    std::vector<std::chrono::minutes> learningSteps { std::chrono::minutes(1), std::chrono::minutes(10) };
    std::vector<std::chrono::minutes> relearningSteps { std::chrono::minutes(10) };
    int maximumIntervalDays = 36500;
    // "Next day starts at", in local hours: reviews done at 1 am still belong to the day before.
    int dayStartHour = 4;
    int newPerDay = 20;
    int reviewsPerDay = 200;
    bool fuzz = true;
    // A correct answer that took longer than this is inferred as Hard.
    std::chrono::milliseconds slowAnswer = std::chrono::seconds(90);
    // When nothing else is left, learning items due within this window are shown early (Anki's
    // "learn ahead limit"), so a session does not stall for a 10-minute step.
    std::chrono::minutes learnAhead = std::chrono::minutes(20);
    // The exam's study day, when the learner has set an exam date: review intervals then follow the
    // exam-day policy (srs/ExamDayPolicy.h). Without it, plain FSRS.
    std::optional<std::int64_t> examDay;

    // The defaults with fuzz off, so that tests get exact intervals.
    static SchedulerConfig defaultsForTesting();
};

} // namespace mlaprep::srs
