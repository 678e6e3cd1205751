#include "analytics/BulletAccuracy.h"
#include "content/BundleLoader.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using analytics::ItemOutcome;

namespace {

const Bundle& minimal()
{
    static const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    return loaded.bundle;
}

} // namespace

TEST_CASE("the weakest task is the one with the lowest share right, with each of its bullets", "[analytics]")
{
    const auto weakest = analytics::weakestTaskBullets(minimal(),
        {
            ItemOutcome { "q-1.1-001", true },
            ItemOutcome { "c-1.1-001", true },
            ItemOutcome { "q-2.1-001", false },
            ItemOutcome { "q-2.1-002", true },
            ItemOutcome { "c-2.1-001", false }, // 2.1: 1 of 3
            ItemOutcome { "q-3.1-001-1", true },
            ItemOutcome { "no-such-item", false },
        });
    REQUIRE(weakest.has_value());
    CHECK(weakest->taskId == "2.1");
    CHECK(weakest->taskTitle == "Choose a model.");
    CHECK(weakest->answers == 3);
    CHECK(weakest->correct == 1);
    REQUIRE(weakest->bullets.size() == 2);
    CHECK(weakest->bullets[0].bulletId == "2.1-K1"); // knowledge before skills
    CHECK(weakest->bullets[0].text == "Capabilities of algorithms");
    CHECK(weakest->bullets[0].answers == 2); // q-2.1-002 and c-2.1-001
    CHECK(weakest->bullets[0].correct == 1);
    CHECK(weakest->bullets[0].percent() == Approx(50.0));
    CHECK(weakest->bullets[1].bulletId == "2.1-S1");
    CHECK(weakest->bullets[1].answers == 1);
    CHECK(weakest->bullets[1].correct == 0);
}

TEST_CASE("a task's bullets are listed even when no answer cites them", "[analytics]")
{
    const auto weakest = analytics::weakestTaskBullets(minimal(), { ItemOutcome { "q-3.1-001-2", false } });
    REQUIRE(weakest.has_value());
    CHECK(weakest->taskId == "3.1");
    REQUIRE(weakest->bullets.size() == 1);
    CHECK(weakest->bullets[0].bulletId == "3.1-K1");
    CHECK(weakest->bullets[0].answers == 1);
    const auto other = analytics::weakestTaskBullets(minimal(), { ItemOutcome { "q-1.1-001", false } });
    REQUIRE(other.has_value());
    CHECK(other->bullets[1].bulletId == "1.1-S1");
    CHECK(other->bullets[1].answers == 0);
}

TEST_CASE("no answers on known items give no weakest task", "[analytics]")
{
    CHECK_FALSE(analytics::weakestTaskBullets(minimal(), {}).has_value());
    CHECK_FALSE(analytics::weakestTaskBullets(minimal(), { ItemOutcome { "u-1", false } }).has_value());
}
