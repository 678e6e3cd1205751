#pragma once

// The workload and outcome simulator behind `mlaprep-cli plan-sim` and the Settings chart (issue 19):
// learners study the bundle for the days before an exam with a fixed number of minutes a day, scheduled
// by the real scheduler (srs::preview) with or without the exam-day policy, and the recall each would
// have on exam day is measured. In memory, not through the store: 200 learners × 30 days of ~1,700 items
// must run in seconds.
//
// The learner: memory follows FSRS with the learner's own weights (the defaults with log-normal noise
// on the four initial stabilities and on the recall growth, LearnerNoise below), while the scheduler
// keeps the defaults, as for a learner who has not optimised yet; a first sight is answered right with
// a per-task chance (logit-normal around 60 %); later looks are recalled with the learner's true
// retrievability. Recalled looks are rated Good (80 %), Hard (10 %) or Easy (10 %), forgotten ones
// Again. Each look takes the seconds of srs::ReviewTimings (the review log's medians when given).
// A day's session is the learning steps due, then the reviews due in the policy's order, then new items
// in the policy's order, until the minutes are spent; learning steps come back within the session. The
// daily limits do not bind (the minutes do), so both policies can spend the same time.

#include "content/Bundle.h"
#include "srs/ExamDayPolicy.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mlaprep::sim {

enum class Policy { Fsrs, ExamDay };

const char* policyName(Policy policy);

struct PlanSimOptions {
    int daysToExam = 30;
    int minutesPerDay = 40;
    double retention = 0.90;
    int learners = 200;
    std::uint64_t seed = 1;
    srs::ReviewTimings timings;
};

struct SimulatedDay {
    int day = 0; // 0 is the first study day; the exam is on daysToExam
    double reviews = 0.0; // looks at items already seen (learning steps included), mean per learner
    double newItems = 0.0; // first sights
    double minutes = 0.0;
};

struct PlanSimResult {
    Policy policy = Policy::Fsrs;
    PlanSimOptions options;
    // Mean over learners of the exam-day recall over the bundle's scored items, each domain weighted
    // by its blueprint share, an item never seen counting 0.
    double examDayRecall = 0.0;
    std::map<std::string, double> examDayRecallByDomain; // mean over the domain's scored items
    double totalMinutes = 0.0;
    double totalReviews = 0.0;
    std::vector<SimulatedDay> days;
};

// Runs `options.learners` learners under `policy`; deterministic for a seed (the same learners face
// both policies). `cancelled`, when given, is polled between learners.
PlanSimResult simulatePlan(const Bundle& bundle, Policy policy, const PlanSimOptions& options,
    const std::function<bool()>& cancelled = {});

// The plan-sim JSON of docs/cli.md: one result, or both under "policies".
std::string planSimJson(const PlanSimResult& result);
std::string planSimJson(const std::vector<PlanSimResult>& results);

// One point of the Settings chart: exam-day recall for minutes a day at a desired retention.
struct RetentionPoint {
    double retention = 0.0;
    int minutesPerDay = 0;
    double examDayRecall = 0.0;
};

// Exam-day recall under the exam-day policy over a grid of retentions × minutes a day. Returns what
// it finished when cancelled.
std::vector<RetentionPoint> retentionCurves(const Bundle& bundle, const std::vector<double>& retentions,
    const std::vector<int>& minutes, PlanSimOptions base, const std::function<bool()>& cancelled = {});

} // namespace mlaprep::sim
