#include "content/BundleLoader.h"
#include "services/ProgressService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "sim/HistorySimulation.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/StudyFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

const Instant Noon = test::StudyNoon;

struct ProgressFixture : test::StudyFixture {
    ProgressService progress { store, loaded.bundle, clock, study.config() };
};

} // namespace

TEST_CASE("a fresh store has unseen tasks and not enough data for readiness", "[services]")
{
    ProgressFixture f;
    auto summary = f.progress.summary();
    REQUIRE(summary.ok());
    CHECK(summary->mastery.answers == 0);
    CHECK(summary->mastery.tasks.front().unseen());
    CHECK_FALSE(summary->readiness.enoughData);
}

TEST_CASE("answers on the Review screen show in mastery and item progress", "[services]")
{
    ProgressFixture f;
    REQUIRE(f.study.answer("c-1.1-001", fsrs::Rating::Good, 5s).ok());
    REQUIRE(f.study.answer("q-1.1-001", fsrs::Rating::Again, 5s).ok());
    f.clock.advance(1h);
    auto summary = f.progress.summary();
    REQUIRE(summary.ok());
    const auto* task = summary->mastery.findTask("1.1");
    REQUIRE(task != nullptr);
    CHECK(task->answers == 2);
    CHECK(task->questionAnswers == 1);
    CHECK(task->questionCorrect == 0);
    CHECK(task->itemsSeen == 2);
    CHECK(task->cardsMastered == 0); // one Good an hour ago is fresh, not yet a lasting memory

    auto items = f.progress.itemProgress({ "c-1.1-001", "q-1.1-001", "c-2.1-001" });
    REQUIRE(items.ok());
    CHECK(items->at("c-1.1-001").lastRight == true);
    CHECK(items->at("q-1.1-001").lastRight == false);
    CHECK(items->at("c-1.1-001").recall.value() > 0.9);
    CHECK_FALSE(items->at("c-2.1-001").lastRight.has_value());
    CHECK(items->at("c-2.1-001").phase == srs::Phase::New);
}

TEST_CASE(
    "an undone answer leaves the readiness model, also when the next answer takes its row", "[services]")
{
    ProgressFixture f;
    REQUIRE(f.study.answer("q-1.1-001", fsrs::Rating::Good, 5s).ok());
    auto before = f.progress.summary();
    REQUIRE(before.ok());
    CHECK(before->readiness.answers == 1);
    REQUIRE(f.study.undoLast().ok());
    auto undone = f.progress.summary();
    REQUIRE(undone.ok());
    CHECK(undone->readiness.answers == 0);
    REQUIRE(f.study.answer("q-1.1-002", fsrs::Rating::Again, 5s).ok());
    REQUIRE(f.study.undoLast().ok());
    REQUIRE(f.study.answer("q-2.1-001", fsrs::Rating::Good, 5s).ok());
    auto after = f.progress.summary();
    REQUIRE(after.ok());
    CHECK(after->readiness.answers == 1);
}

TEST_CASE("three weeks of simulated study give a readiness estimate", "[services][slow]")
{
    ProgressFixture f;
    SimulationOptions options;
    options.end = Noon;
    options.days = 21;
    auto simulated = simulateHistory(f.store, f.loaded.bundle, options);
    INFO(simulated.firstError());
    REQUIRE(simulated.ok());
    CHECK(simulated->answers > 30);
    CHECK(simulated->exams == 3);
    auto summary = f.progress.summary();
    REQUIRE(summary.ok());
    CHECK(summary->mastery.answers >= simulated->answers);
    INFO(summary->readiness.reason);
    CHECK(summary->readiness.enoughData);
    CHECK(summary->readiness.scaledLow <= summary->readiness.scaled);
}
