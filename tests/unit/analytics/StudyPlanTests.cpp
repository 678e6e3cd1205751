#include "analytics/StudyPlan.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace mlaprep::analytics;

namespace {

PlanInputs inputs(int daysLeft)
{
    PlanInputs in;
    in.today = 20'000;
    in.examDay = in.today + daysLeft;
    in.minutesPerDay = 60;
    in.unseenCards = 300;
    in.unseenQuestions = 100;
    in.lastLookItems = 70;
    return in;
}

int total(const StudyPlan& plan, int PlanDay::*field)
{
    return std::accumulate(plan.days.begin(), plan.days.end(), 0,
        [&](int sum, const PlanDay& day) { return sum + day.*field; });
}

} // namespace

TEST_CASE("the plan spreads every unseen item over the days before the final week", "[analytics]")
{
    const StudyPlan plan = buildStudyPlan(inputs(30));
    REQUIRE(plan.daysLeft == 30);
    REQUIRE(plan.days.size() == 30);
    CHECK(total(plan, &PlanDay::newCards) == 300);
    CHECK(total(plan, &PlanDay::newQuestions) == 100);
    for (const auto& day : plan.days) {
        if (day.mock || 20'030 - day.day <= 7) {
            CHECK(day.newCards == 0);
        }
    }
    // Evenly: no day gets more than one item above another.
    int most = 0;
    int least = 1000;
    for (const auto& day : plan.days) {
        if (day.newCards > 0) {
            most = std::max(most, day.newCards);
            least = std::min(least, day.newCards);
        }
    }
    CHECK(most - least <= 1);
}

TEST_CASE("the plan books weekly mocks and two in the final week", "[analytics]")
{
    const StudyPlan plan = buildStudyPlan(inputs(30));
    std::vector<std::int64_t> before;
    for (const auto& day : plan.days) {
        if (day.mock) {
            before.push_back(20'030 - day.day);
        }
    }
    CHECK(before == std::vector<std::int64_t> { 27, 20, 13, 6, 2 });
    REQUIRE(plan.nextMock() != nullptr);
    CHECK(plan.nextMock()->day == 20'003);
}

TEST_CASE("every item due after the exam gets a last look before it", "[analytics]")
{
    const StudyPlan plan = buildStudyPlan(inputs(30));
    CHECK(total(plan, &PlanDay::lastLook) == 70);
    for (const auto& day : plan.days) {
        if (day.lastLook > 0) {
            CHECK(20'030 - day.day <= 7);
            CHECK_FALSE(day.mock);
        }
    }
    // With three days left, the last looks and new items share the days there are.
    const StudyPlan close = buildStudyPlan(inputs(3));
    CHECK(total(close, &PlanDay::lastLook) == 70);
    CHECK(total(close, &PlanDay::newCards) == 300);
}

TEST_CASE("the plan is on track only when the busiest day fits the minutes", "[analytics]")
{
    PlanInputs relaxed = inputs(60);
    relaxed.minutesPerDay = 120;
    CHECK(buildStudyPlan(relaxed).onTrack);
    PlanInputs rushed = inputs(5);
    rushed.minutesPerDay = 20;
    const StudyPlan plan = buildStudyPlan(rushed);
    CHECK_FALSE(plan.onTrack);
    CHECK(plan.minutesNeeded > 20);
}

TEST_CASE("a plan for a past exam date is empty and says so", "[analytics]")
{
    const StudyPlan past = buildStudyPlan(inputs(-2));
    CHECK(past.examPassed);
    CHECK(past.days.empty());
    const StudyPlan examToday = buildStudyPlan(inputs(0));
    CHECK_FALSE(examToday.examPassed);
    CHECK(examToday.daysLeft == 0);
    CHECK(examToday.today() == nullptr);
}
