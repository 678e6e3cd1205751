#include "fsrs/Fsrs.h"
#include "fsrs/Parameters.h"
#include "fsrs/Rating.h"

#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::fsrs;

namespace {

// The published FSRS-5 defaults (19 weights), for the padding tests.
const std::vector<double> Fsrs5Defaults = {
    0.40255,
    1.18385,
    3.173,
    15.69105,
    7.1949,
    0.5345,
    1.4604,
    0.0046,
    1.54575,
    0.1192,
    1.01925,
    1.9395,
    0.11,
    0.29605,
    2.2698,
    0.2315,
    2.9898,
    0.51655,
    0.6621,
};

Approx relative(double expected)
{
    return Approx(expected).epsilon(1e-12);
}

Fsrs withWeight(std::size_t index, double value)
{
    Parameters parameters = DefaultParameters;
    parameters[index] = value;
    return Fsrs(parameters);
}

} // namespace

TEST_CASE("The default parameters are the 21 published FSRS-6 weights", "[fsrs]")
{
    STATIC_REQUIRE(DefaultParameters.size() == 21);
    CHECK(DefaultParameters[0] == 0.212);
    CHECK(DefaultParameters[3] == 8.2956);
    CHECK(DefaultParameters[19] == 0.0658);
    CHECK(DefaultParameters[20] == 0.1542);
}

TEST_CASE("Twenty-one weights are taken as given", "[fsrs]")
{
    const std::vector<double> weights(DefaultParameters.begin(), DefaultParameters.end());
    const auto parameters = checkAndFillParameters(weights);
    REQUIRE(parameters.ok());
    CHECK(parameters.value() == DefaultParameters);
}

TEST_CASE("Nineteen FSRS-5 weights are padded with w19 = 0 and w20 = 0.5", "[fsrs]")
{
    const auto parameters = checkAndFillParameters(Fsrs5Defaults);
    REQUIRE(parameters.ok());
    for (std::size_t i = 0; i < 19; ++i) {
        CHECK(parameters.value()[i] == Fsrs5Defaults[i]);
    }
    CHECK(parameters.value()[19] == 0.0);
    CHECK(parameters.value()[20] == 0.5);
}

TEST_CASE("A weight count other than 19 or 21 is rejected on the params field", "[fsrs]")
{
    for (const std::size_t count : { 0U, 17U, 18U, 20U, 22U }) {
        const std::vector<double> weights(count, 1.0);
        const auto parameters = checkAndFillParameters(weights);
        REQUIRE_FALSE(parameters.ok());
        REQUIRE(parameters.problems().size() == 1);
        CHECK_FALSE(parameters.problems()[0].message.empty());
        CHECK(parameters.problems()[0].field == "params");
    }
}

TEST_CASE("A non-finite weight is rejected naming its index", "[fsrs]")
{
    std::vector<double> weights(DefaultParameters.begin(), DefaultParameters.end());
    weights[7] = std::nan("");
    weights[12] = INFINITY;
    const auto parameters = checkAndFillParameters(weights);
    REQUIRE_FALSE(parameters.ok());
    REQUIRE(parameters.problems().size() == 2);
    CHECK(parameters.problems()[0].field == "params[7]");
    CHECK(parameters.problems()[1].field == "params[12]");
}

TEST_CASE("A decay weight w20 that is not positive is rejected", "[fsrs]")
{
    std::vector<double> weights(DefaultParameters.begin(), DefaultParameters.end());
    weights[20] = 0.0;
    const auto parameters = checkAndFillParameters(weights);
    REQUIRE_FALSE(parameters.ok());
    CHECK(parameters.problems()[0].field == "params[20]");
}

TEST_CASE("Creating a model from unchecked weights reports the same problems", "[fsrs]")
{
    CHECK_FALSE(Fsrs::create(std::vector<double>(5, 1.0)).ok());
    const auto model = Fsrs::create(Fsrs5Defaults);
    REQUIRE(model.ok());
    CHECK(model->decay() == -0.5);
}

TEST_CASE("Ratings are the FSRS grades 1 to 4 and nothing else", "[fsrs]")
{
    CHECK(toGrade(Rating::Again) == 1);
    CHECK(toGrade(Rating::Easy) == 4);
    CHECK(ratingFromGrade(2) == Rating::Hard);
    CHECK_FALSE(ratingFromGrade(0).has_value());
    CHECK_FALSE(ratingFromGrade(5).has_value());
    CHECK_FALSE(ratingFromGrade(-1).has_value());
}

TEST_CASE("The decay is -w20 and the factor makes retrievability 0.9 after one stability", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.decay() == -0.1542);
    CHECK(model.factor() == relative(0.9803464944134797));
    for (const double stability : { 0.5, 1.0, 10.0, 365.0 }) {
        CHECK(model.retrievability({ stability, 5.0 }, stability) == relative(0.9));
    }
    const Fsrs fsrs5(checkAndFillParameters(Fsrs5Defaults).value());
    CHECK(fsrs5.factor() == relative(19.0 / 81.0));
    CHECK(fsrs5.retrievability({ 7.0, 5.0 }, 7.0) == relative(0.9));
}

TEST_CASE("Retrievability follows the power forgetting curve", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.retrievability({ 2.0, 5.0 }, 0.0) == 1.0);
    CHECK(model.retrievability({ 2.0, 5.0 }, 5.0) == relative(0.8261358773620447));
    CHECK(model.retrievability({ 10.0, 5.0 }, 100.0) == relative(0.6928266345726217));
    // fsrs-rs power_forgetting_curve test value for decay 0.5.
    const Fsrs fsrs5(checkAndFillParameters(Fsrs5Defaults).value());
    CHECK(fsrs5.retrievability({ 2.0, 5.0 }, 5.0) == Approx(0.79394597).epsilon(1e-7));
}

TEST_CASE("The first review sets stability to the rating's weight and the initial difficulty", "[fsrs]")
{
    const Fsrs model;
    const double expectedDifficulty[] = { 6.4133, 5.112170705601055, 2.118103970459015, 1.0 };
    for (const Rating rating : AllRatings) {
        const auto index = static_cast<std::size_t>(toGrade(rating) - 1);
        const MemoryState state = model.initialState(rating);
        CHECK(state.stability == DefaultParameters[index]);
        CHECK(state.difficulty == relative(expectedDifficulty[index]));
    }
}

TEST_CASE("The initial difficulty is clamped to [1, 10]", "[fsrs]")
{
    CHECK(withWeight(4, 12.0).initialState(Rating::Again).difficulty == 10.0);
    CHECK(withWeight(4, 0.5).initialState(Rating::Good).difficulty == 1.0);
}

TEST_CASE("The first review ignores elapsed days", "[fsrs]")
{
    const Fsrs model;
    const MemoryState state = model.nextState(std::nullopt, 12.0, Rating::Good);
    CHECK(state.stability == model.initialState(Rating::Good).stability);
    CHECK(state.difficulty == model.initialState(Rating::Good).difficulty);
}

TEST_CASE("Difficulty moves by -w6*(G-3) damped linearly towards 10", "[fsrs]")
{
    const Fsrs model;
    const MemoryState state { 5.0, 5.0 };
    const double expected[]
        = { 8.341762369296838, 6.665995369296838, 4.9902283692968386, 3.3144613692968385 };
    for (const Rating rating : AllRatings) {
        const auto index = static_cast<std::size_t>(toGrade(rating) - 1);
        CHECK(model.nextState(state, 3.0, rating).difficulty == relative(expected[index]));
    }
    // Near 10 an Again barely moves difficulty: the damping factor (10 - D) / 9 is small.
    const double nearTop = model.nextState(MemoryState { 5.0, 9.9 }, 3.0, Rating::Again).difficulty;
    CHECK(nearTop > 9.9);
    CHECK(nearTop < 10.0);
}

TEST_CASE("Difficulty reverts towards the initial difficulty of Easy by w7", "[fsrs]")
{
    const Fsrs model = withWeight(7, 0.1);
    // Good leaves D unchanged before reversion; then D += 0.1 * (D0(Easy) - D), D0(Easy) unclamped.
    CHECK(model.nextState(MemoryState { 5.0, 5.0 }, 3.0, Rating::Good).difficulty
        == relative(4.022836929683826));
}

TEST_CASE("Difficulty stays within [1, 10]", "[fsrs]")
{
    const Fsrs model;
    MemoryState hard { 5.0, 5.0 };
    MemoryState easy { 5.0, 5.0 };
    for (int i = 0; i < 50; ++i) {
        hard = model.nextState(hard, 1.0, Rating::Again);
        easy = model.nextState(easy, 1.0, Rating::Easy);
        CHECK(hard.difficulty <= 10.0);
        CHECK(easy.difficulty >= 1.0);
    }
    CHECK(easy.difficulty == 1.0);
}

TEST_CASE("A successful review grows stability by the recall formula", "[fsrs]")
{
    const Fsrs model;
    // t = S, so R = 0.9.
    CHECK(model.nextState(MemoryState { 5.0, 5.0 }, 5.0, Rating::Good).stability
        == relative(17.36151270957657));
}

TEST_CASE("Hard applies the penalty w15 and Easy the bonus w16 to the stability increase", "[fsrs]")
{
    const Fsrs model;
    const MemoryState state { 5.0, 5.0 };
    const double hard = model.nextState(state, 5.0, Rating::Hard).stability;
    const double good = model.nextState(state, 5.0, Rating::Good).stability;
    const double easy = model.nextState(state, 5.0, Rating::Easy).stability;
    CHECK(hard == relative(12.43421374353935));
    CHECK(easy == relative(28.151877153765955));
    CHECK((hard / 5.0 - 1.0) / (good / 5.0 - 1.0) == relative(DefaultParameters[15]));
    CHECK((easy / 5.0 - 1.0) / (good / 5.0 - 1.0) == relative(DefaultParameters[16]));
}

TEST_CASE("A lapse sets stability by the forget formula", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.nextState(MemoryState { 5.0, 5.0 }, 5.0, Rating::Again).stability
        == relative(0.953502178130594));
    CHECK(model.nextState(MemoryState { 100.0, 8.0 }, 50.0, Rating::Again).stability
        == relative(3.4064630042511816));
}

TEST_CASE("A lapse never leaves stability above S / exp(w17*w18)", "[fsrs]")
{
    // With w11 = 5 the forget formula gives 1.216 days for S = 0.5, more than the cap allows.
    const Fsrs model = withWeight(11, 5.0);
    CHECK(model.nextState(MemoryState { 0.5, 1.0 }, 30.0, Rating::Again).stability
        == relative(0.4758639996671754));
}

TEST_CASE("A same-day review scales stability by exp(w17*(G-3+w18)) * S^-w19", "[fsrs]")
{
    const Fsrs model;
    const MemoryState state { 2.0, 5.0 };
    CHECK(model.nextState(state, 0.0, Rating::Again).stability == relative(0.6784219062855582));
    CHECK(model.nextState(state, 0.0, Rating::Good).stability == relative(2.007748803366632));
    CHECK(model.nextState(state, 0.0, Rating::Easy).stability == relative(3.4539347765046675));
}

TEST_CASE("A same-day Hard or better never lowers stability", "[fsrs]")
{
    const Fsrs model;
    // For S = 50 the raw factor is below 1 for Hard (0.47) and Good; the clamp keeps S.
    const MemoryState state { 50.0, 5.0 };
    CHECK(model.nextState(state, 0.0, Rating::Hard).stability == 50.0);
    CHECK(model.nextState(state, 0.0, Rating::Good).stability == 50.0);
    CHECK(model.nextState(state, 0.0, Rating::Easy).stability == relative(69.86661272208896));
    CHECK(model.nextState(state, 0.0, Rating::Again).stability == relative(13.72320082911397));
}

TEST_CASE("A same-day review reports retrievability 1 and still updates difficulty", "[fsrs]")
{
    const Fsrs model;
    const ReviewStep step = model.review(MemoryState { 2.0, 5.0 }, 0.0, Rating::Again);
    CHECK(step.retrievability == 1.0);
    CHECK(step.state.difficulty == relative(8.341762369296838));
}

TEST_CASE("A review reports the retrievability it used", "[fsrs]")
{
    const Fsrs model;
    const MemoryState state { 10.0, 5.0 };
    CHECK(model.review(state, 100.0, Rating::Good).retrievability == model.retrievability(state, 100.0));
}

TEST_CASE("Stability stays within [0.001, 36500] days", "[fsrs]")
{
    const Fsrs model;
    CHECK(withWeight(0, 0.0).initialState(Rating::Again).stability == MinStability);
    CHECK(model.nextState(MemoryState { 30000.0, 1.0 }, 30000.0, Rating::Easy).stability == MaxStability);
}

TEST_CASE("At 90% retention the next interval is the stability rounded half away from zero", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.nextInterval(10.0, 0.9) == 10);
    CHECK(model.nextInterval(2.5, 0.9) == 3);
    CHECK(model.nextInterval(2.49, 0.9) == 2);
    CHECK(model.nextInterval(253.34447462, 0.9) == 253);
}

TEST_CASE("The next interval follows S/factor * (r^(1/decay) - 1)", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.nextInterval(10.0, 0.8) == 33);
    CHECK(model.nextInterval(10.0, 0.95) == 4);
    CHECK(model.intervalMultiplier(0.8) * 10.0 == relative(33.159597862309816));
}

TEST_CASE("The next interval is at least 1 day and at most the maximum interval", "[fsrs]")
{
    const Fsrs model;
    CHECK(model.nextInterval(0.3, 0.9) == 1);
    CHECK(model.nextInterval(MinStability, 0.99) == 1);
    CHECK(model.nextInterval(36500.0, 0.5) == 36500);
    CHECK(model.nextInterval(500.0, 0.9, 100) == 100);
}

TEST_CASE("Next states give the four outcomes with their intervals", "[fsrs]")
{
    const Fsrs model;
    const std::optional<MemoryState> state = MemoryState { 10.0, 5.0 };
    const NextStates next = model.nextStates(state, 0.9, 10.0);
    for (const Rating rating : AllRatings) {
        const MemoryState expected = model.nextState(state, 10.0, rating);
        CHECK(next[rating].state.stability == expected.stability);
        CHECK(next[rating].state.difficulty == expected.difficulty);
        CHECK(next[rating].intervalDays == model.nextInterval(expected.stability, 0.9));
    }
    CHECK(next.again.intervalDays < next.hard.intervalDays);
    CHECK(next.hard.intervalDays < next.good.intervalDays);
    CHECK(next.good.intervalDays < next.easy.intervalDays);

    const NextStates first = model.nextStates(std::nullopt, 0.9, 0.0);
    CHECK(first.good.state.stability == DefaultParameters[2]);
    CHECK(first.good.intervalDays == 2);
    CHECK(first.easy.intervalDays == 8);
}

TEST_CASE("Fuzz is a fixed function of the seed that spreads seeds over the whole range", "[fsrs]")
{
    // Pinned values rather than one call compared with another, which holds for any function of its
    // arguments (one that ignores the seed too).
    struct Pinned {
        std::uint64_t seed;
        int at40;
        int at400;
    };
    for (const Pinned& pinned : { Pinned { 0, 43, 417 }, Pinned { 1, 41, 403 }, Pinned { 3, 37, 383 },
             Pinned { 42, 42, 411 }, Pinned { UINT64_MAX, 44, 418 } }) {
        INFO("seed " << pinned.seed);
        CHECK(applyFuzz(40, 30.0, pinned.seed) == pinned.at40);
        CHECK(applyFuzz(400, 300.0, pinned.seed) == pinned.at400);
    }
    std::set<int> intervals;
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        intervals.insert(applyFuzz(40, 30.0, seed));
    }
    CHECK(intervals == std::set<int> { 36, 37, 38, 39, 40, 41, 42, 43, 44 });
}

TEST_CASE("Fuzz leaves intervals under 3 days alone", "[fsrs]")
{
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        CHECK(applyFuzz(1, 0.0, seed) == 1);
        CHECK(applyFuzz(2, 0.0, seed) == 2);
    }
}

TEST_CASE("Fuzz stays within the reference range and reaches both ends", "[fsrs]")
{
    struct Range {
        int interval;
        double elapsedDays;
        int minimum;
        int maximum;
    };
    // delta = 1 + 15% of [2.5, 7) + 10% of [7, 20) + 5% beyond 20; bounds rounded, at least 2 days,
    // at least elapsed + 1.
    const Range ranges[] = {
        { 3, 0.0, 2, 4 },
        { 3, 2.0, 3, 4 },
        { 10, 5.0, 8, 12 },
        { 100, 50.0, 93, 107 },
        { 36500, 1000.0, 34673, 36500 },
    };
    for (const Range& range : ranges) {
        std::set<int> seen;
        for (std::uint64_t seed = 0; seed < 2000; ++seed) {
            const int fuzzed = applyFuzz(range.interval, range.elapsedDays, seed);
            CHECK(fuzzed >= range.minimum);
            CHECK(fuzzed <= range.maximum);
            seen.insert(fuzzed);
        }
        INFO("interval " << range.interval);
        CHECK(*seen.begin() == range.minimum);
        CHECK(*seen.rbegin() == range.maximum);
    }
}

TEST_CASE("Fuzz never exceeds the maximum interval", "[fsrs]")
{
    for (std::uint64_t seed = 0; seed < 500; ++seed) {
        CHECK(applyFuzz(100, 10.0, seed, 100) <= 100);
        CHECK(applyFuzz(100, 10.0, seed, 100) >= 93);
    }
}
