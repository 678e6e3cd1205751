#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <cstdint>
#include <memory>

namespace mlaprep {

struct Bundle;
class Store;

struct SimulationOptions {
    // Days of study, ending the day before `end` (so "today" is left for the learner).
    int days = 21;
    Instant end {};
    int utcOffsetMinutes = 0;
    // Answers per study day (the queue may run out first).
    int answersPerDay = 60;
    // A full mock exam every this many days (0: none).
    int mockEveryDays = 7;
    std::uint64_t seed = 1;
};

struct SimulationSummary {
    int answers = 0;
    int exams = 0;
};

// Plays a learner through `days` of study in the given store: each day the Review queue answered (right
// with a probability that varies by task and grows with the days and with each item's repetitions) and
// a mock exam now and then, all through StudyService and ExamService at simulated times. For tests,
// screenshots (`mlaprep-cli simulate`) and benchmarks; deterministic for a seed.
Result<SimulationSummary> simulateHistory(
    std::shared_ptr<Store> store, const Bundle& bundle, const SimulationOptions& options);

} // namespace mlaprep
