#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "srs/ExamDayPolicy.h"
#include "srs/SchedulerConfig.h"
#include "srs/StudyItem.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

// What Today says about the exam day: the predicted recall if the learner keeps the plan, and at the
// pace of new items they kept over the last days.
struct ExamOutlook {
    srs::ExamForecast keepingPlan;
    srs::ExamForecast atPace;
    int planNewPerDay = 0;
    double paceNewPerDay = 0.0;
};

// The exam-date plan the exam-day policy (srs/ExamDayPolicy.h) builds from the learner's exam date and
// daily minutes (SettingsService) and the store.
class PlanService {
public:
    // `schedulerConfig` is the study service's live configuration (limits, parameters, retention).
    PlanService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);

    // The plan from today; examSet is false when no date is set. `dueToday` is today's queue (reviews
    // and learning) as StudyService counts it.
    Result<srs::StudyPlan> plan(int dueToday = 0);
    // The exam-day forecast; empty without an exam date or once it has passed.
    Result<std::optional<ExamOutlook>> outlook();
    // Seconds per look from the learner's review log where it has at least MinTimedAnswers answers of a
    // kind, the documented defaults (srs::ReviewTimings) elsewhere.
    Result<srs::ReviewTimings> timings();
    // Today's study day number.
    std::int64_t today() const;

    static constexpr int MinTimedAnswers = 20;

private:
    struct Snapshot;
    Snapshot snapshot(std::int64_t examDay);

    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
    std::vector<srs::StudyItem> m_items;
};

} // namespace mlaprep
