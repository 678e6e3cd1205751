#include "content/BundleLoader.h"
#include "sim/WorkloadSimulation.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

namespace {

sim::PlanSimOptions smallRun()
{
    sim::PlanSimOptions options;
    options.daysToExam = 10;
    options.minutesPerDay = 5;
    options.learners = 8;
    options.seed = 7;
    return options;
}

} // namespace

TEST_CASE("plan-sim is deterministic for a seed and spends at most the minutes given", "[sim]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    for (const auto policy : { sim::Policy::Fsrs, sim::Policy::ExamDay }) {
        const auto a = sim::simulatePlan(loaded.bundle, policy, smallRun());
        const auto b = sim::simulatePlan(loaded.bundle, policy, smallRun());
        CHECK(sim::planSimJson(a) == sim::planSimJson(b));
        REQUIRE(a.days.size() == 10);
        for (const auto& day : a.days) {
            CHECK(day.minutes <= 5.0 + 1e-9);
        }
        CHECK(a.examDayRecall > 0.0);
        CHECK(a.examDayRecall <= 1.0);
        CHECK(a.examDayRecallByDomain.size() == loaded.bundle.domains.size());
    }
    auto other = smallRun();
    other.seed = 8;
    CHECK(sim::planSimJson(sim::simulatePlan(loaded.bundle, sim::Policy::Fsrs, other))
        != sim::planSimJson(sim::simulatePlan(loaded.bundle, sim::Policy::Fsrs, smallRun())));
}

TEST_CASE("plan-sim JSON carries the fields of docs/cli.md, both policies under policies", "[sim]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    const auto fsrs = sim::simulatePlan(loaded.bundle, sim::Policy::Fsrs, smallRun());
    const std::string one = sim::planSimJson(fsrs);
    for (const char* field :
        { "\"policy\":\"fsrs\"", "\"days_to_exam\":10", "\"minutes_per_day\":5", "\"retention\":0.9000",
            "\"learners\":8", "\"seed\":7", "\"exam_day_recall\":", "\"exam_day_recall_by_domain\":{\"1\":",
            "\"total_minutes\":", "\"total_reviews\":", "\"days\":[{\"day\":0,\"reviews\":" }) {
        CHECK(one.find(field) != std::string::npos);
    }
    const auto examDay = sim::simulatePlan(loaded.bundle, sim::Policy::ExamDay, smallRun());
    const std::string both = sim::planSimJson(std::vector { fsrs, examDay });
    CHECK(both.find("\"policies\":{\"fsrs\":{\"policy\":\"fsrs\"") != std::string::npos);
    CHECK(both.find("\"exam-day\":{\"policy\":\"exam-day\"") != std::string::npos);
}
