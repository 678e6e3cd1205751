#include "exam/ExamSession.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

const Instant Start = fromEpochMilliseconds(1'795'000'000'000);
constexpr long long TenMinutesMs = 10 * 60'000;

Instant at(std::chrono::milliseconds since)
{
    return Start + since;
}

// A running three-item attempt with a ten-minute limit, started at Start.
ExamSession runningSession()
{
    AttemptState state;
    state.id = 7;
    state.timeLimitMs = TenMinutesMs;
    state.runningSince = Start;
    for (const char* id : { "q-1", "q-2", "q-3" }) {
        AttemptItem item;
        item.item.itemId = id;
        state.items.push_back(item);
    }
    return ExamSession(state, Start);
}

const Answer Choice { { "a" }, {} };

} // namespace

TEST_CASE("ticking past the limit ends a timed attempt with TimeUp exactly once", "[exam][session]")
{
    ExamSession session = runningSession();
    CHECK_FALSE(session.tick(at(5min)).changed);
    CHECK(session.remainingMs() == 5 * 60'000);

    const SessionStep ranOut = session.tick(at(10min + 1s));
    CHECK(ranOut.changed);
    CHECK(ranOut.finished == FinishReason::TimeUp);
    CHECK(session.isFinished());
    CHECK(session.elapsedMs() == TenMinutesMs);
    CHECK(session.attempt().elapsedMs == TenMinutesMs);
    CHECK(session.remainingMs() == 0);

    const SessionStep later = session.tick(at(11min));
    CHECK_FALSE(later.changed);
    CHECK_FALSE(later.finished.has_value());
    CHECK_FALSE(session.answer("q-1", Choice, at(11min)).ok());
    CHECK_FALSE(session.end(FinishReason::Submitted, at(12min))->changed);
    CHECK(session.finishReason() == FinishReason::TimeUp);
}

TEST_CASE("an answer given after the time ran out ends the attempt instead of counting", "[exam][session]")
{
    ExamSession session = runningSession();
    REQUIRE(session.answer("q-1", Choice, at(1min)).ok());
    auto late = session.answer("q-2", Choice, at(10min));
    REQUIRE(late.ok());
    CHECK(late->finished == FinishReason::TimeUp);
    CHECK_FALSE(late->answeredItem.has_value());
    CHECK(session.attempt().answeredCount() == 1);
}

TEST_CASE("pause stops the clock and resume runs it on from where it stopped", "[exam][session]")
{
    ExamSession session = runningSession();
    REQUIRE(session.tick(at(2min)).changed == false);
    CHECK(session.elapsedMs() == 2 * 60'000);

    auto paused = session.pause(at(3min));
    REQUIRE(paused.ok());
    CHECK(paused->changed);
    CHECK(session.isPaused());
    CHECK(session.attempt().elapsedMs == 3 * 60'000);
    CHECK_FALSE(session.attempt().runningSince.has_value());

    // An hour paused, far past the limit: the clock does not move and the time does not run out.
    CHECK_FALSE(session.tick(at(63min)).changed);
    CHECK(session.elapsedMs() == 3 * 60'000);
    CHECK(session.remainingMs() == 7 * 60'000);
    CHECK_FALSE(session.answer("q-1", Choice, at(63min)).ok());
    CHECK_FALSE(session.pause(at(63min))->changed);

    auto resumed = session.resume(at(63min));
    REQUIRE(resumed.ok());
    CHECK(resumed->changed);
    CHECK(session.isRunning());
    session.tick(at(65min));
    CHECK(session.elapsedMs() == 5 * 60'000);
    CHECK_FALSE(session.resume(at(65min))->changed);
    CHECK(session.tick(at(70min)).finished == FinishReason::TimeUp);
}

TEST_CASE("time on an item counts only while it is on screen with the clock running", "[exam][session]")
{
    ExamSession session = runningSession();
    auto moved = session.moveTo(1, at(30s));
    REQUIRE(moved.ok());
    CHECK(moved->timedItem == std::optional<std::string>("q-1"));
    REQUIRE(session.pause(at(50s)).ok());
    REQUIRE(session.resume(at(9min)).ok());
    REQUIRE(session.moveTo(0, at(9min + 5s)).ok());
    CHECK(session.attempt().items[0].timeSpentMs == 30'000);
    CHECK(session.attempt().items[1].timeSpentMs == 25'000);
    CHECK_FALSE(session.moveTo(3, at(9min + 6s)).ok());

    auto ended = session.end(FinishReason::Submitted, at(9min + 8s));
    REQUIRE(ended.ok());
    CHECK(ended->timedItem == std::optional<std::string>("q-1"));
    CHECK(session.attempt().items[0].timeSpentMs == 33'000);
    CHECK(session.elapsedMs() == 58'000);
}

TEST_CASE("abandoning ends the attempt once, whether running or paused", "[exam][session]")
{
    ExamSession session = runningSession();
    REQUIRE(session.pause(at(1min)).ok());
    auto abandoned = session.end(FinishReason::Abandoned, at(2min));
    REQUIRE(abandoned.ok());
    CHECK(abandoned->finished == FinishReason::Abandoned);
    CHECK(session.finishReason() == FinishReason::Abandoned);
    CHECK(session.elapsedMs() == 60'000);
    CHECK_FALSE(session.end(FinishReason::Abandoned, at(3min))->changed);
    CHECK_FALSE(session.resume(at(3min)).ok());
}

TEST_CASE("a wall clock set back never runs the exam clock backwards", "[exam][session]")
{
    ExamSession session = runningSession();
    REQUIRE(session.answer("q-1", Choice, at(4min)).ok());
    REQUIRE(session.answer("q-2", Choice, at(1min)).ok());
    CHECK(session.elapsedMs() == 4 * 60'000);

    AttemptState stored = session.attempt();
    CHECK(stored.elapsedMsAt(Start - 1h) == stored.elapsedMs);
    ExamSession reopened(stored, Start - 1h);
    CHECK(reopened.elapsedMs() == 4 * 60'000);
}
