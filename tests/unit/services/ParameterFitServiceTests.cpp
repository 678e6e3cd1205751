#include "services/ParameterFitService.h"
#include "services/SettingsService.h"
#include "support/StudyFixture.h"

#include <catch2/catch.hpp>

#include <atomic>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

// 300 items each answered Good, Good a day later, Good after three days, Again after a week and Good the
// next day: 1,200 predictions, enough for the optimiser to fit.
ParameterFitInput syntheticInput()
{
    ParameterFitInput input;
    input.current = fsrs::DefaultParameters;
    for (int item = 0; item < 300; ++item) {
        input.histories.push_back(
            { { fsrs::Rating::Good, 0 }, { fsrs::Rating::Good, 1 }, { fsrs::Rating::Good, 3 },
                { item % 3 == 0 ? fsrs::Rating::Again : fsrs::Rating::Good, 7 }, { fsrs::Rating::Good, 1 } });
    }
    return input;
}

} // namespace

TEST_CASE("a fit reads the learner's histories and the parameters in force", "[services][optimiser]")
{
    test::StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", fsrs::Rating::Good, 1s).ok());
    f.clock.advance(48h);
    REQUIRE(f.study.answer("c-1.1-001", fsrs::Rating::Hard, 1s).ok());
    auto input = ParameterFitService(f.study).input();
    REQUIRE(input.ok());
    REQUIRE(input->histories.size() == 1);
    CHECK(input->histories[0].size() == 2);
    CHECK(input->histories[0][1].elapsedDays == 2);
    CHECK(input->current == f.study.config().parameters);
}

TEST_CASE("too few answers to fit is the learner's problem, not a crash", "[services][optimiser]")
{
    test::StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", fsrs::Rating::Good, 1s).ok());
    auto input = ParameterFitService(f.study).input();
    REQUIRE(input.ok());
    auto fitted = ParameterFitService::fit(input.value());
    REQUIRE_FALSE(fitted.ok());
    REQUIRE_FALSE(fitted.problems().empty());
    CHECK(fitted.problems().front().kind == ProblemKind::UserInput);
    CHECK_FALSE(fitted.problems().front().message.empty());
}

TEST_CASE("a fit reports progress up to the end, and stops when cancelled", "[services][optimiser]")
{
    const ParameterFitInput input = syntheticInput();
    double last = -1.0;
    bool rising = true;
    auto fitted = ParameterFitService::fit(input, [&](double fraction) {
        rising = rising && fraction >= last;
        last = fraction;
    });
    REQUIRE(fitted.ok());
    CHECK(rising);
    CHECK(last == Approx(1.0));
    CHECK(fitted->after.predictions == 1200);

    int batches = 0;
    auto stopped = ParameterFitService::fit(
        input, [&](double) { ++batches; }, [] { return true; });
    REQUIRE(stopped.ok());
    CHECK(batches <= 1);
}

TEST_CASE(
    "adopting fitted parameters saves them and the scheduler uses them at once", "[services][optimiser]")
{
    test::StudyFixture f;
    fsrs::Parameters fitted = fsrs::DefaultParameters;
    fitted[0] = 0.5;
    fitted[2] = 4.0;
    auto changes = ParameterFitService(f.study).adopt(fitted);
    REQUIRE(changes.ok());
    CHECK(changes->settings);
    CHECK(changes->studyQueue);
    CHECK(f.study.config().parameters == fitted);
    auto stored = f.study.settings().settings();
    REQUIRE(stored.ok());
    CHECK(stored->parameters == fitted);
}
