#include "fsrs/Fsrs.h"
#include "srs/Scheduler.h"
#include "srs/StudyDay.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::srs;
using namespace std::chrono_literals;
using fsrs::Rating;

namespace {

// 2026-11-18 12:00 UTC: a noon far from any day boundary.
const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);

ItemState reviewState(double stability, double difficulty, Instant lastReview)
{
    ItemState state;
    state.phase = Phase::Review;
    state.memory = fsrs::MemoryState { stability, difficulty };
    state.lastReview = lastReview;
    state.reps = 3;
    state.due = lastReview + 24h * 5;
    return state;
}

} // namespace

TEST_CASE("a new item rated Good goes to the second learning step in ten minutes", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const Preview next = preview(ItemState {}, Noon, 0, config);
    const Outcome& good = next[Rating::Good];
    CHECK(good.state.phase == Phase::Learning);
    CHECK(good.state.step == 1);
    CHECK(good.state.due == Noon + 10min);
    CHECK(good.intervalText() == "10m");
    CHECK(good.state.reps == 1);
    REQUIRE(good.state.memory.has_value());
    const fsrs::MemoryState initial = fsrs::Fsrs().initialState(Rating::Good);
    CHECK(good.state.memory->stability == Approx(initial.stability));
    CHECK(good.state.memory->difficulty == Approx(initial.difficulty));
}

TEST_CASE("a new item rated Again repeats the first step in one minute", "[srs]")
{
    const Outcome& again
        = preview(ItemState {}, Noon, 0, SchedulerConfig::defaultsForTesting())[Rating::Again];
    CHECK(again.state.phase == Phase::Learning);
    CHECK(again.state.step == 0);
    CHECK(again.state.due == Noon + 1min);
    CHECK(again.intervalText() == "1m");
}

TEST_CASE("Hard on the first learning step waits the mean of the first two steps", "[srs]")
{
    const Outcome& hard = preview(ItemState {}, Noon, 0, SchedulerConfig::defaultsForTesting())[Rating::Hard];
    CHECK(hard.state.phase == Phase::Learning);
    CHECK(hard.state.step == 0);
    CHECK(hard.interval == std::chrono::milliseconds(330s));
}

TEST_CASE("Hard with a single learning step waits half as long again", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    config.learningSteps = { 10min };
    const Outcome& hard = preview(ItemState {}, Noon, 0, config)[Rating::Hard];
    CHECK(hard.interval == std::chrono::milliseconds(15min));
}

TEST_CASE("Easy on a new item graduates it with the FSRS interval of its initial stability", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const Outcome& easy = preview(ItemState {}, Noon, 0, config)[Rating::Easy];
    CHECK(easy.state.phase == Phase::Review);
    const fsrs::Fsrs model;
    const int expected = model.nextInterval(model.initialState(Rating::Easy).stability, 0.9);
    CHECK(easy.intervalDays == expected);
    // Due at the start (4 am UTC) of the study day `expected` days from today.
    const auto today = studyDay(Noon, 0, 4);
    CHECK(easy.state.due == startOfStudyDay(today + expected, 0, 4));
}

TEST_CASE("Good on the last learning step graduates with same-day short-term stability", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const ItemState first = apply(ItemState {}, Rating::Good, Noon, 0, config);
    const Instant later = Noon + 10min;
    const Outcome& good = preview(first, later, 0, config)[Rating::Good];
    CHECK(good.state.phase == Phase::Review);
    CHECK(good.state.reps == 2);
    const fsrs::Fsrs model;
    const fsrs::MemoryState expected = model.nextState(first.memory, 0.0, Rating::Good);
    CHECK(good.state.memory->stability == Approx(expected.stability));
    CHECK(good.state.memory->difficulty == Approx(expected.difficulty));
    CHECK(good.intervalDays == model.nextInterval(expected.stability, 0.9));
}

TEST_CASE("without learning steps a new item graduates on its first answer", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    config.learningSteps.clear();
    for (const Rating rating : fsrs::AllRatings) {
        CHECK(preview(ItemState {}, Noon, 0, config)[rating].state.phase == Phase::Review);
    }
}

TEST_CASE("a review rated Good uses the long-term stability after the elapsed days", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const ItemState state = reviewState(5.0, 5.0, Noon - 24h * 5);
    const Preview next = preview(state, Noon, 0, config);
    CHECK(next.elapsedDays == 5);
    const fsrs::Fsrs model;
    const fsrs::MemoryState expected = model.nextState(state.memory, 5.0, Rating::Good);
    CHECK(next[Rating::Good].state.memory->stability == Approx(expected.stability));
    CHECK(next[Rating::Good].intervalDays == model.nextInterval(expected.stability, 0.9));
    CHECK(next[Rating::Good].state.lapses == 0);
}

TEST_CASE("review intervals are ordered hard, good, easy", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const Preview next = preview(reviewState(0.5, 9.0, Noon - 24h), Noon, 0, config);
    CHECK(next[Rating::Hard].intervalDays <= next[Rating::Good].intervalDays);
    CHECK(next[Rating::Good].intervalDays < next[Rating::Easy].intervalDays);
}

TEST_CASE("Again on a review card moves it to relearning and counts a lapse", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const ItemState state = reviewState(20.0, 5.0, Noon - 24h * 20);
    const Outcome& again = preview(state, Noon, 0, config)[Rating::Again];
    CHECK(again.state.phase == Phase::Relearning);
    CHECK(again.state.step == 0);
    CHECK(again.state.lapses == 1);
    CHECK(again.state.due == Noon + 10min);
    const fsrs::MemoryState expected = fsrs::Fsrs().nextState(state.memory, 20.0, Rating::Again);
    CHECK(again.state.memory->stability == Approx(expected.stability));
}

TEST_CASE("Again on a review card without relearning steps keeps it in review", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    config.relearningSteps.clear();
    const Outcome& again = preview(reviewState(20.0, 5.0, Noon - 24h * 20), Noon, 0, config)[Rating::Again];
    CHECK(again.state.phase == Phase::Review);
    CHECK(again.state.lapses == 1);
    CHECK(again.intervalDays >= 1);
}

TEST_CASE("Good at the end of relearning returns the item to review", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const ItemState relearning
        = apply(reviewState(20.0, 5.0, Noon - 24h * 20), Rating::Again, Noon, 0, config);
    const Outcome& good = preview(relearning, Noon + 10min, 0, config)[Rating::Good];
    CHECK(good.state.phase == Phase::Review);
    CHECK(good.state.lapses == 1);
    CHECK(good.intervalDays >= 1);
}

TEST_CASE("the maximum interval caps review intervals", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    config.maximumIntervalDays = 30;
    const Preview next = preview(reviewState(400.0, 2.0, Noon - 24h * 400), Noon, 0, config);
    for (const Rating rating : { Rating::Hard, Rating::Good, Rating::Easy }) {
        CHECK(next[rating].intervalDays <= 30);
    }
}

TEST_CASE("a lower desired retention gives longer intervals", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    const ItemState state = reviewState(10.0, 5.0, Noon - 24h * 10);
    const int at90 = preview(state, Noon, 0, config)[Rating::Good].intervalDays;
    config.desiredRetention = 0.8;
    const int at80 = preview(state, Noon, 0, config)[Rating::Good].intervalDays;
    CHECK(at80 > at90);
}

TEST_CASE("fuzz changes long intervals by a fixed function of the item id and its review count", "[srs]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    const ItemState state = reviewState(60.0, 5.0, Noon - 24h * 60);
    const int plain = preview(state, Noon, 0, config)[Rating::Good].intervalDays;
    CHECK(plain == 158);
    config.fuzz = true;
    // Pinned values rather than one call compared with another: the interval shown before an answer and
    // the one the answer saves come from separate calls, and must agree on every platform and build.
    // The seed is FNV-1a of the id plus the review count.
    CHECK(fuzzSeed("", 0) == 1469598103934665603ULL);
    CHECK(fuzzSeed("c-1", 3) == 14885928736093574165ULL);
    struct Pinned {
        const char* itemId;
        int reps;
        int interval;
    };
    for (const Pinned& pinned : { Pinned { "c-1", 0, 168 }, Pinned { "c-1", 1, 167 },
             Pinned { "c-1", 5, 148 }, Pinned { "c-2", 3, 156 }, Pinned { "q-1.1-0001", 3, 166 } }) {
        INFO(pinned.itemId << " after " << pinned.reps << " reviews");
        const int interval
            = preview(state, Noon, 0, config, fuzzSeed(pinned.itemId, pinned.reps))[Rating::Good]
                  .intervalDays;
        CHECK(interval == pinned.interval);
        CHECK(std::abs(interval - plain) <= plain / 10 + 2);
    }
}

TEST_CASE("reviews at 11 pm and 3 am fall on the same study day", "[srs]")
{
    // 2026-11-18 23:00 and 2026-11-19 03:00 in UTC+2.
    const int offset = 120;
    const Instant evening = fromEpochMilliseconds(1'795'003'200'000) + 9h;
    const Instant night = evening + 4h;
    CHECK(studyDay(evening, offset, 4) == studyDay(night, offset, 4));
    CHECK(elapsedStudyDays(evening, night, offset, 4) == 0);
    CHECK(elapsedStudyDays(evening, night + 1h, offset, 4) == 1);
    // The study day starts at 4 am local time, 2 am UTC.
    const Instant start = startOfStudyDay(studyDay(night + 1h, offset, 4), offset, 4);
    CHECK(start == night + 1h);
}

TEST_CASE("a review after midnight but before the day start is a same-day review", "[srs]")
{
    const auto config = SchedulerConfig::defaultsForTesting();
    const Instant evening = Noon + 10h; // 22:00 UTC, offset 0
    ItemState state = reviewState(5.0, 5.0, evening);
    const Preview sameDay = preview(state, evening + 5h, 0, config); // 03:00
    CHECK(sameDay.elapsedDays == 0);
    const Preview nextDay = preview(state, evening + 7h, 0, config); // 05:00
    CHECK(nextDay.elapsedDays == 1);
}

TEST_CASE("interval texts use minutes, hours, days, months and years", "[srs]")
{
    CHECK(formatInterval(30s) == "<1m");
    CHECK(formatInterval(10min) == "10m");
    CHECK(formatInterval(90min) == "1.5h");
    CHECK(formatInterval(24h * 3) == "3d");
    CHECK(formatInterval(24h * 63) == "2.1mo");
    CHECK(formatInterval(24h * 438) == "1.2y");
}
