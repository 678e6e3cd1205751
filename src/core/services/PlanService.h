#pragma once

#include "analytics/StudyPlan.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"
#include "srs/SchedulerConfig.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

namespace mlaprep {

struct Bundle;
class Store;

// A calendar date (the exam's), as the learner sets it.
struct CalendarDate {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;

    std::string toText() const; // "2026-12-12"
    static std::optional<CalendarDate> fromText(const std::string& text);
    std::int64_t dayNumber() const; // days since 1970-01-01, as srs::studyDay counts
    bool operator==(const CalendarDate&) const = default;
};

struct PlanSettings {
    std::optional<CalendarDate> examDate;
    int minutesPerDay = 40;
};

// The exam-date plan: the learner's exam date and daily minutes, and the plan built from them and the
// store (analytics::buildStudyPlan). Setting them is one transaction.
class PlanService {
public:
    PlanService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);

    Result<PlanSettings> settings();
    Result<Changes> setSettings(const PlanSettings& settings);
    // The plan from today; examSet is false when no date is set. `dueToday` is today's queue (reviews
    // and learning) as StudyService counts it.
    Result<analytics::StudyPlan> plan(int dueToday = 0);
    // Today's study day number.
    std::int64_t today() const;

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
    std::unordered_set<std::string> m_cards;
    std::unordered_set<std::string> m_questions;
};

} // namespace mlaprep
