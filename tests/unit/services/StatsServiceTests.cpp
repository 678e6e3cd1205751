#include "content/BundleLoader.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "sim/HistorySimulation.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/StudyFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

const Instant Noon = test::StudyNoon;
constexpr std::int64_t NoonDay = 20775;

struct StatsFixture : test::StudyFixture {
    StatsService stats { store, loaded.bundle, clock, study.config() };

    const DomainAccuracy& domainOf(const StatsReport& report, const std::string& taskId) const
    {
        const std::string domainId = loaded.bundle.findTask(taskId)->domainId;
        for (const auto& domain : report.domainAccuracy) {
            if (domain.domainId == domainId) {
                return domain;
            }
        }
        FAIL("no domain " << domainId);
        return report.domainAccuracy.front();
    }
};

int sum(const std::vector<DayReviews>& days)
{
    return std::accumulate(
        days.begin(), days.end(), 0, [](int total, const DayReviews& day) { return total + day.total(); });
}

int sum(const std::vector<DayDue>& days)
{
    return std::accumulate(
        days.begin(), days.end(), 0, [](int total, const DayDue& day) { return total + day.items; });
}

} // namespace

TEST_CASE("weeks start on Monday", "[services][stats]")
{
    CHECK(weekStartOf(4) == 4); // 1970-01-05, a Monday
    CHECK(weekStartOf(10) == 4);
    CHECK(weekStartOf(11) == 11);
    CHECK(weekStartOf(3) == -3);
    CHECK(weekStartOf(NoonDay) == NoonDay - 2);
}

TEST_CASE("a fresh store gives an empty report with 30-day axes", "[services][stats]")
{
    StatsFixture f;
    auto report = f.stats.report();
    REQUIRE(report.ok());
    CHECK(report->empty);
    CHECK(report->today == NoonDay);
    CHECK(report->totalAnswers == 0);
    REQUIRE(report->reviewsPerDay.size() == StatsReport::Days);
    CHECK(report->reviewsPerDay.front().day == NoonDay - 29);
    CHECK(report->reviewsPerDay.back().day == NoonDay);
    REQUIRE(report->dueForecast.size() == StatsReport::Days);
    CHECK(report->dueForecast.front().day == NoonDay);
    CHECK(sum(report->reviewsPerDay) == 0);
    CHECK(sum(report->dueForecast) == 0);
    CHECK(report->domainAccuracy.size() == f.loaded.bundle.domains.size());
    for (const auto& domain : report->domainAccuracy) {
        CHECK(domain.weeks.empty());
    }
    CHECK(report->retention.empty());
    CHECK(report->exams.empty());
    CHECK(report->desiredRetention == Approx(f.study.config().desiredRetention));
    CHECK(report->passingScore == 720);
}

TEST_CASE("Review answers count per day, per domain week and in the due forecast", "[services][stats]")
{
    StatsFixture f;
    REQUIRE(f.study.answer("c-1.1-001", fsrs::Rating::Good, 5s).ok());
    REQUIRE(f.study.answer("q-1.1-001", fsrs::Rating::Again, 5s).ok());
    f.clock.advance(24h);
    REQUIRE(f.study.answer("c-2.1-001", fsrs::Rating::Easy, 5s).ok());

    auto report = f.stats.report();
    REQUIRE(report.ok());
    CHECK_FALSE(report->empty);
    CHECK(report->totalAnswers == 3);
    CHECK(report->today == NoonDay + 1);
    CHECK(report->reviewsPerDay.back().review == 1);
    CHECK(report->reviewsPerDay[28].review == 2);
    CHECK(report->reviewsPerDay[28].day == NoonDay);
    CHECK(sum(report->reviewsPerDay) == 3);

    // Both days are in the week of Monday NoonDay - 2.
    const DomainAccuracy& first = f.domainOf(report.value(), "1.1");
    REQUIRE(first.weeks.size() == 1);
    CHECK(first.weeks[0].weekStart == NoonDay - 2);
    CHECK(first.weeks[0].answers == 2);
    CHECK(first.weeks[0].right == 1);
    CHECK(first.weeks[0].percent() == Approx(50.0));
    if (f.loaded.bundle.findTask("2.1")->domainId != f.loaded.bundle.findTask("1.1")->domainId) {
        const DomainAccuracy& second = f.domainOf(report.value(), "2.1");
        REQUIRE(second.weeks.size() == 1);
        CHECK(second.weeks[0].percent() == Approx(100.0));
    }

    // Each answered item falls due once in the window (the Again one today, in its learning step).
    CHECK(sum(report->dueForecast) == 3);
    CHECK(report->dueForecast.front().items >= 1);
    // No item was in the review phase yet.
    CHECK(report->retention.empty());
}

TEST_CASE("weeks of simulated study give weekly retention and the mock scores", "[services][stats]")
{
    StatsFixture f;
    SimulationOptions options;
    options.end = Noon;
    options.days = 21;
    auto simulated = simulateHistory(f.store, f.loaded.bundle, options);
    REQUIRE(simulated.ok());

    auto report = f.stats.report();
    REQUIRE(report.ok());
    CHECK_FALSE(report->empty);
    CHECK(report->totalAnswers >= simulated->answers);
    // 21 days all fall in the last 30.
    CHECK(sum(report->reviewsPerDay) == report->totalAnswers);
    int examAnswers = 0;
    for (const auto& day : report->reviewsPerDay) {
        examAnswers += day.exam;
    }
    CHECK(examAnswers > 0);

    REQUIRE(static_cast<int>(report->exams.size()) == simulated->exams);
    for (std::size_t i = 0; i < report->exams.size(); ++i) {
        const ExamScorePoint& exam = report->exams[i];
        CHECK_FALSE(exam.mock); // the minimal bundle is too small for a full mock: practice sessions
        CHECK(exam.scaledScore >= 100);
        CHECK(exam.scaledScore <= 1000);
        CHECK(exam.scoredTotal > 0);
        CHECK(exam.day <= report->today);
        if (i > 0) {
            CHECK(exam.finishedMs > report->exams[i - 1].finishedMs);
        }
    }

    REQUIRE_FALSE(report->retention.empty());
    int reviewPhaseAnswers = 0;
    for (const auto& week : report->retention) {
        CHECK(week.answers > 0);
        CHECK(week.right <= week.answers);
        CHECK(week.weekStart == weekStartOf(week.weekStart));
        reviewPhaseAnswers += week.answers;
    }
    CHECK(reviewPhaseAnswers < report->totalAnswers);

    // Three weeks and a day end on Tuesday: four Monday weeks, the busiest domain has answers in each.
    std::size_t weeks = 0;
    for (const auto& domain : report->domainAccuracy) {
        weeks = std::max(weeks, domain.weeks.size());
        for (std::size_t i = 1; i < domain.weeks.size(); ++i) {
            CHECK(domain.weeks[i].weekStart > domain.weeks[i - 1].weekStart);
            CHECK(domain.weeks[i].weekStart == weekStartOf(domain.weeks[i].weekStart));
        }
    }
    CHECK(weeks == 4);
    CHECK(sum(report->dueForecast) > 0);
}

TEST_CASE("the report names the weakest task over every answer with its bullets", "[services][stats]")
{
    StatsFixture f;
    REQUIRE(f.study.answer("q-1.1-001", fsrs::Rating::Good, 1s).ok());
    REQUIRE(f.study.answer("q-2.1-001", fsrs::Rating::Again, 1s).ok());
    REQUIRE(f.study.answer("q-2.1-002", fsrs::Rating::Good, 1s).ok());
    const auto report = f.stats.report();
    REQUIRE(report.ok());
    REQUIRE(report.value().weakestTask.has_value());
    const auto& weakest = *report.value().weakestTask;
    CHECK(weakest.taskId == "2.1");
    CHECK(weakest.answers == 2);
    CHECK(weakest.correct == 1);
    REQUIRE(weakest.bullets.size() == 2);
    CHECK(weakest.bullets[1].bulletId == "2.1-S1");
    CHECK(weakest.bullets[1].answers == 1);
    CHECK(weakest.bullets[1].correct == 0);
}
