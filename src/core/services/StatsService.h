#pragma once

#include "analytics/BulletAccuracy.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "srs/SchedulerConfig.h"
#include "analytics/RealExamResult.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

// Study days are srs::studyDay numbers (days since 1970-01-01, local, starting at the day-start hour);
// weeks are Monday-to-Sunday and named by their Monday's day number.

// Answers and right answers (rating above Again) in one week.
struct WeekAccuracy {
    std::int64_t weekStart = 0;
    int answers = 0;
    int right = 0;
    double percent() const { return answers == 0 ? 0.0 : 100.0 * right / answers; }
};

// One domain's weekly accuracy over every answer (Review screen, mocks and practice), weeks without an
// answer left out.
struct DomainAccuracy {
    std::string domainId;
    std::string title;
    std::vector<WeekAccuracy> weeks;
};

// Answers given on one study day: on the Review screen and in exams or practice.
struct DayReviews {
    std::int64_t day = 0;
    int review = 0;
    int exam = 0;
    int total() const { return review + exam; }
};

// Items falling due on one study day (today includes everything overdue).
struct DayDue {
    std::int64_t day = 0;
    int items = 0;
};

// A finished attempt's scaled-score estimate.
struct ExamScorePoint {
    std::int64_t attemptId = 0;
    bool mock = true; // a full mock ("exam" mode), else a practice session
    std::int64_t finishedMs = 0;
    std::int64_t day = 0;
    int scoredCorrect = 0;
    int scoredTotal = 0;
    int scaledScore = 0;
};

struct StatsReport {
    static constexpr int Days = 30;

    std::int64_t today = 0;
    // Nothing answered and no attempt finished: the screen shows its empty state.
    bool empty = true;
    int totalAnswers = 0;
    std::vector<DomainAccuracy> domainAccuracy; // every bundle domain, in bundle order
    std::vector<DayReviews> reviewsPerDay; // Days entries: today - Days + 1 … today
    std::vector<DayDue> dueForecast; // Days entries: today … today + Days - 1
    // Review-screen answers on items in the review phase, per week: the recall FSRS aims at.
    std::vector<WeekAccuracy> retention;
    double desiredRetention = 0.9; // as a fraction
    std::vector<ExamScorePoint> exams; // finished attempts in finishing order
    int passingScore = 0; // the bundle's pass mark (ExamSpec::pass)
    // The task statement answered worst over every answer, with the accuracy on each of its bullets.
    std::optional<analytics::WeakTaskBullets> weakestTask;
    // The learner's real exams, oldest first, each with the forecast of the day before.
    std::vector<RealExamResultRow> realExams;
};

// The Monday-based week a study day falls in (the Monday's day number).
std::int64_t weekStartOf(std::int64_t day);

// Figures for the Stats screen from the review log, the item states and the finished attempts. Reads the
// store once per report (one read transaction); never writes. Items no longer in the bundle are left out
// of the per-domain and forecast figures.
class StatsService {
public:
    StatsService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);
    ~StatsService();
    StatsService(const StatsService&) = delete;
    StatsService& operator=(const StatsService&) = delete;

    Result<StatsReport> report();

private:
    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
};

} // namespace mlaprep
