#include "analytics/Readiness.h"
#include "exam/ScaledScore.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::analytics;

namespace {

constexpr int Domains = 4;
constexpr int ItemsPerDomain = 60;
constexpr double Day = 20'000.0;

// Four domains of one task each, 60 medium items per task, every item an equal share of the mock.
struct Bank {
    irt::RaschModel model { items(), Domains };
    ReadinessInput input;

    Bank()
    {
        for (int d = 0; d < Domains; ++d) {
            input.domains.push_back(
                ForecastDomain { std::to_string(d + 1), "Domain " + std::to_string(d + 1) });
        }
        for (std::size_t i = 0; i < model.itemCount(); ++i) {
            ForecastItem item;
            item.modelItem = i;
            item.domain = static_cast<std::size_t>(model.taskOf(i));
            item.share = 1.0 / static_cast<double>(model.itemCount());
            input.items.push_back(item);
        }
    }

    static std::vector<irt::RaschModel::Item> items()
    {
        std::vector<irt::RaschModel::Item> result;
        for (int d = 0; d < Domains; ++d) {
            for (int i = 0; i < ItemsPerDomain; ++i) {
                result.push_back(irt::RaschModel::Item { d, 0.0 });
            }
        }
        return result;
    }

    // `right` of the first `count` items of every domain answered right, `count` − `right` wrong, at `day`.
    void answer(int count, int right, double day = Day)
    {
        for (int d = 0; d < Domains; ++d) {
            for (int i = 0; i < count; ++i) {
                model.observe(static_cast<std::size_t>(d * ItemsPerDomain + i), i < right, day);
            }
        }
        input.answers += Domains * count;
    }

    Readiness forecast(const ReadinessConfig& config = {})
    {
        model.fit(Day);
        return forecastReadiness(model, input, config);
    }
};

double width(const Readiness& readiness)
{
    return readiness.rawHigh - readiness.rawLow;
}

} // namespace

TEST_CASE(
    "the forecast expects over what is unknown of the ability, not at its point", "[analytics][readiness]")
{
    // No answers: every task's ability is the prior, so the expected fraction right is σ(θ − b) over the
    // learner's, the task's and the item's spreads together, nearer one half than at the prior's mean.
    Bank nothing;
    const irt::RaschConfig config;
    const double unknown = config.difficultySpread * config.difficultySpread
        + config.learnerSpread * config.learnerSpread + config.taskSpread * config.taskSpread;
    const Readiness readiness = nothing.forecast();
    CHECK(readiness.raw == Approx(irt::expectedLogistic(config.learnerMean, unknown)).margin(0.002));
    CHECK(readiness.raw
        < irt::expectedLogistic(config.learnerMean, config.difficultySpread * config.difficultySpread)
            - 0.01);
}

TEST_CASE("readiness with thin data is a wide range and says what is missing", "[analytics][readiness]")
{
    Bank none;
    const Readiness empty = none.forecast();
    CHECK_FALSE(empty.enoughData);
    CHECK_THAT(empty.reason, Catch::Contains("0 so far"));
    CHECK(empty.scaledLow < 720);
    CHECK(empty.scaledHigh > 720);
    CHECK(empty.passProbability > 0.05);
    CHECK(empty.passProbability < 0.95);

    Bank oneDomain;
    for (int i = 0; i < 40; ++i) {
        oneDomain.model.observe(static_cast<std::size_t>(i), true, Day);
    }
    oneDomain.input.answers = 40;
    const Readiness partial = oneDomain.forecast();
    CHECK_FALSE(partial.enoughData);
    CHECK_THAT(partial.reason, Catch::Contains("domain 2"));

    Bank all;
    all.answer(10, 8);
    const Readiness enough = all.forecast();
    CHECK(enough.enoughData);
    CHECK(enough.reason.empty());
    CHECK(width(enough) < width(empty));
}

TEST_CASE("readiness moves with right and wrong first attempts", "[analytics][readiness]")
{
    Bank good;
    good.answer(30, 28);
    Bank poor;
    poor.answer(30, 12);
    const Readiness high = good.forecast();
    const Readiness low = poor.forecast();
    CHECK(high.scaled > 720);
    CHECK(low.scaled < 720);
    CHECK(high.passProbability > 0.8);
    CHECK(low.passProbability < 0.2);
    CHECK(high.scaledLow <= high.scaled);
    CHECK(high.scaled <= high.scaledHigh);
    REQUIRE(high.domains.size() == Domains);
    CHECK(high.domains[0].firstAttempts == 30);
    CHECK(high.domains[0].items == ItemsPerDomain);
}

TEST_CASE(
    "the range narrows with more of the bank seen and widens as evidence ages", "[analytics][readiness]")
{
    Bank few;
    few.answer(8, 6);
    Bank many;
    many.answer(48, 36);
    CHECK(width(many.forecast()) < width(few.forecast()));
    Bank stale;
    stale.answer(48, 36, Day - 90.0);
    CHECK(width(stale.forecast()) > width(many.forecast()));
}

TEST_CASE(
    "a finite test keeps the range from closing, and a wider interval is wider", "[analytics][readiness]")
{
    Bank everything;
    everything.answer(ItemsPerDomain, 45);
    const Readiness eighty = everything.forecast();
    // 65 items drawn at about 75 % right spread the result by about ±5 points of raw share.
    CHECK(eighty.rawSpread > 0.045);
    ReadinessConfig wide;
    wide.interval = 0.95;
    CHECK(width(everything.forecast(wide)) > width(eighty));
}

TEST_CASE("items remembered well raise the forecast; uncertain memory widens it", "[analytics][readiness]")
{
    Bank unseen;
    unseen.answer(20, 10);
    Bank remembered;
    remembered.answer(20, 10);
    for (auto& item : remembered.input.items) {
        if (remembered.model.attempted(item.modelItem)) {
            item.recall = 0.95;
            item.recallWeaker = 0.95;
            item.recallStronger = 0.95;
        }
    }
    const Readiness base = unseen.forecast();
    const Readiness sure = remembered.forecast();
    CHECK(sure.raw > base.raw);
    CHECK(sure.seenShare == Approx(20.0 / ItemsPerDomain));
    for (auto& item : remembered.input.items) {
        if (item.recall) {
            item.recallWeaker = 0.6;
            item.recallStronger = 0.99;
        }
    }
    CHECK(remembered.forecast().rawSpread > sure.rawSpread);
}

TEST_CASE(
    "an hour of study goes furthest on the task with the most unremembered share", "[analytics][readiness]")
{
    Bank bank;
    bank.input.taskIds = { "1.1", "2.1", "3.1", "4.1" };
    bank.input.recallAfterStudy = 0.9;
    // Task 1.1: every item remembered at 0.95; task 2.1: half of them at 0.5; the rest never seen.
    for (int i = 0; i < ItemsPerDomain; ++i) {
        bank.input.items[static_cast<std::size_t>(i)].recall = 0.95;
        if (i % 2 == 0) {
            bank.input.items[static_cast<std::size_t>(ItemsPerDomain + i)].recall = 0.5;
        }
    }
    bank.answer(10, 6);
    ReadinessConfig config;
    config.secondsPerStudiedItem = 120.0; // 30 items an hour
    const Readiness readiness = bank.forecast(config);

    // 1.1 is remembered above what a study hour leaves, so it has nothing to gain; the unseen tasks gain
    // the most, then 2.1, whose hour reaches its 30 unseen items first.
    REQUIRE(readiness.hourGains.size() == 3);
    const StudyHourGain& best = readiness.hourGains.front();
    CHECK((best.taskId == "3.1" || best.taskId == "4.1"));
    CHECK(best.items == 30);
    CHECK(readiness.hourGains.back().taskId == "2.1");
    CHECK(readiness.hourGains.back().raw < best.raw);
    // 30 items of 240, each of equal share, from recall 0 to 0.9 on what the learner cannot work out: at
    // least the domain's average item, as the hour takes those with most to gain first.
    const double average = 30.0 / 240.0 * 0.9 * (1.0 - readiness.domains[2].expected);
    CHECK(best.raw >= average);
    CHECK(best.raw < 1.1 * average);
    CHECK(best.points == scaledScoreEstimate(readiness.raw + best.raw, ExamSpec {}) - readiness.scaled);
    CHECK(best.points > 0);
}
