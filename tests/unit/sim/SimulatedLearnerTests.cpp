#include "content/BundleLoader.h"
#include "sim/SimulatedLearner.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace std::chrono_literals;

TEST_CASE("a simulated learner guesses, remembers what it answered and forgets it again", "[sim]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    const sim::SimulatedBank bank(loaded.bundle, 3);
    sim::SimulatedLearner learner(bank, 11);
    const Question* question = bank.question("q-1.1-001");
    REQUIRE(question != nullptr);
    const Instant start = fromEpochMilliseconds(1'795'003'200'000);
    const double unseen = learner.chanceRight(*question, start);
    CHECK(unseen >= bank.truth(*question).guessing);
    CHECK(learner.recall(question->id, start) == 0.0);
    learner.answerQuestion(*question, start);
    CHECK(learner.recall(question->id, start + 1min) > 0.9);
    CHECK(learner.chanceRight(*question, start + 1min) > unseen);
    CHECK(learner.recall(question->id, start + 24h * 200) < learner.recall(question->id, start + 24h));
    // The same seed draws the same learner.
    sim::SimulatedLearner twin(bank, 11);
    CHECK(twin.ability("1.1") == Approx(sim::SimulatedLearner(bank, 11).ability("1.1")));
}
