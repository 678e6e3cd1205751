#include "common/SeededRandom.h"
#include "exam/Equating.h"
#include "exam/ScaledScore.h"
#include "irt/Rasch.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace mlaprep;
using namespace mlaprep::irt;

namespace {

double uniform(SeededRandom& random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

// One task of `count` medium items.
RaschModel oneTask(int count, RaschConfig config = {})
{
    return RaschModel(
        std::vector<RaschModel::Item>(static_cast<std::size_t>(count), RaschModel::Item { 0, 0.0 }), 1,
        config);
}

} // namespace

TEST_CASE("bundle levels map to logit difficulties, easy below hard", "[irt]")
{
    const RaschConfig config;
    CHECK(levelDifficulty(1, config) < levelDifficulty(2, config));
    CHECK(levelDifficulty(2, config) < levelDifficulty(3, config));
    CHECK(levelDifficulty(0, config) == levelDifficulty(2, config));
    CHECK(expectedLogistic(0.0, 1.0) == Approx(0.5));
    CHECK(expectedLogistic(2.0, 0.0) == Approx(logistic(2.0)));
    // Uncertainty pulls the expectation toward one half.
    CHECK(expectedLogistic(2.0, 4.0) < logistic(2.0));
}

TEST_CASE("an ability fit recovers the ability that produced the answers", "[irt]")
{
    SeededRandom random(7);
    for (const double truth : { -1.0, 0.5, 2.0 }) {
        std::vector<WeightedAnswer> answers;
        for (int i = 0; i < 2000; ++i) {
            const double difficulty = -1.5 + 3.0 * uniform(random);
            answers.push_back(
                WeightedAnswer { difficulty, 1.0, uniform(random) < logistic(truth - difficulty) });
        }
        const Normal fitted = fitAbility(answers, Normal { 0.0, 4.0 }, 0.0);
        CHECK(fitted.mean == Approx(truth).margin(0.15));
        CHECK(fitted.variance < 0.01);
    }
}

TEST_CASE("only an item's first attempt counts; an earlier one replaces it", "[irt]")
{
    RaschModel model = oneTask(3);
    CHECK(model.observe(0, false, 10.0));
    CHECK_FALSE(model.observe(0, true, 11.0)); // a repeat measures memory, not difficulty
    CHECK(model.firstAttempts() == 1);
    CHECK(model.observe(0, true, 9.0)); // imported history from before
    CHECK(model.firstAttempts() == 1);
    model.fit(12.0);
    CHECK(model.task(0).firstAttempts == 1);
    CHECK(model.attempted(0));
    CHECK_FALSE(model.attempted(1));
}

TEST_CASE("right first attempts raise the task's ability and make their items look easier", "[irt]")
{
    RaschModel right = oneTask(20);
    RaschModel wrong = oneTask(20);
    RaschModel none = oneTask(20);
    for (std::size_t i = 0; i < 10; ++i) {
        right.observe(i, true, 100.0);
        wrong.observe(i, false, 100.0);
    }
    right.fit(100.0);
    wrong.fit(100.0);
    none.fit(100.0);
    CHECK(right.task(0).ability.mean > none.task(0).ability.mean);
    CHECK(wrong.task(0).ability.mean < none.task(0).ability.mean);
    CHECK(right.task(0).ability.variance < none.task(0).ability.variance);
    CHECK(right.difficulty(0).mean < right.difficulty(15).mean); // answered right: easier than its prior
    CHECK(wrong.difficulty(0).mean > wrong.difficulty(15).mean);
    CHECK(right.difficulty(0).variance < right.difficulty(15).variance);
    CHECK(right.difficulty(15).mean == 0.0); // never attempted: the prior
}

TEST_CASE("old first attempts weigh less, so the ability is less certain", "[irt]")
{
    RaschModel fresh = oneTask(30);
    RaschModel stale = oneTask(30);
    for (std::size_t i = 0; i < 30; ++i) {
        fresh.observe(i, i % 4 != 0, 100.0);
        stale.observe(i, i % 4 != 0, 40.0);
    }
    fresh.fit(100.0);
    stale.fit(100.0);
    CHECK(stale.task(0).ability.variance > fresh.task(0).ability.variance);
    CHECK(stale.task(0).evidence < fresh.task(0).evidence);
}

TEST_CASE("a task without answers leans on the learner's other tasks", "[irt]")
{
    std::vector<RaschModel::Item> items;
    for (int i = 0; i < 60; ++i) {
        items.push_back(RaschModel::Item { i < 40 ? 0 : 1, 0.0 });
    }
    RaschModel model(items, 2);
    for (std::size_t i = 0; i < 40; ++i) {
        model.observe(i, i % 4 != 0, 50.0);
    }
    model.fit(50.0);
    CHECK(model.task(1).ability.mean > RaschConfig {}.learnerMean);
    CHECK(model.task(1).loading == Approx(1.0));
    CHECK(model.task(0).loading < 0.5);
    CHECK(model.task(1).ability.variance > model.task(0).ability.variance);
}

TEST_CASE("a task's ability is where its learning curve has brought it now, not further", "[irt]")
{
    // A learner who follows the model's own learning curve: ability −2 before practice, one new item an
    // answer. Item difficulties are exact, so the fit has nothing to blur.
    RaschConfig config;
    config.difficultySpread = 0.05;
    config.halfLifeDays = 0.0;
    const int answers = 800;
    RaschModel model = oneTask(answers, config);
    const double before = -2.0;
    SeededRandom random(18);
    for (int n = 0; n < answers; ++n) {
        const double ability = before + config.learningGain * model.curve(n);
        model.observe(static_cast<std::size_t>(n), uniform(random) < logistic(ability), 100.0, n);
    }
    model.setPractice(0, answers);
    model.fit(100.0);
    const double now = before + config.learningGain * model.curve(answers);
    CHECK(model.task(0).ability.mean == Approx(now).margin(0.3));
}

TEST_CASE("the fit converges far out on the learning curve, where an undamped step would not", "[irt]")
{
    // Years of practice on a task: the learning curve is far from zero, so a full Newton step on the
    // learner level overshoots, and clamped steps used to jump between two wrong fits forever.
    RaschModel model = oneTask(300);
    for (std::size_t i = 0; i < 300; ++i) {
        model.observe(i, i % 4 != 0, 100.0, 50'000);
    }
    model.setPractice(0, 50'000);
    model.fit(100.0);
    // Three in four right: that is what the fitted ability expects on these items.
    CHECK(expectedLogistic(model.task(0).ability.mean, 0.64) == Approx(0.75).margin(0.03));
}

TEST_CASE(
    "a wrong first attempt early in the learning says less against its item than one given now", "[irt]")
{
    RaschModel early = oneTask(40);
    RaschModel late = oneTask(40);
    for (std::size_t i = 1; i < 40; ++i) {
        early.observe(i, i % 3 != 0, 100.0, 300);
        late.observe(i, i % 3 != 0, 100.0, 300);
    }
    early.observe(0, false, 100.0, 0);
    late.observe(0, false, 100.0, 300);
    early.setPractice(0, 300);
    late.setPractice(0, 300);
    early.fit(100.0);
    late.fit(100.0);
    CHECK(early.difficulty(0).mean < late.difficulty(0).mean - 0.1);
}

TEST_CASE("a hard and an easy mock of the same learner give the same equated estimate", "[irt][exam]")
{
    const RaschConfig config;
    // The reference form: the bank, a third of it at each level.
    std::vector<BankItem> bank;
    for (int level = 1; level <= 3; ++level) {
        for (int i = 0; i < 100; ++i) {
            bank.push_back(BankItem { nullptr, "1", level, 1.0 / 300.0 });
        }
    }
    SeededRandom random(2026);
    const double ability = 1.0;
    const int forms = 40;
    double equatedHard = 0.0;
    double equatedEasy = 0.0;
    double rawHard = 0.0;
    double rawEasy = 0.0;
    for (int form = 0; form < forms; ++form) {
        std::vector<ScoredAnswer> hard;
        std::vector<ScoredAnswer> easy;
        for (int i = 0; i < 65; ++i) {
            // True difficulties scatter around their level as the prior says they may.
            const double noise = config.difficultySpread * std::sqrt(-2.0 * std::log(1.0 - uniform(random)))
                * std::cos(2.0 * 3.14159265358979 * uniform(random));
            const bool hardRight = uniform(random) < logistic(ability - levelDifficulty(3, config) - noise);
            const bool easyRight = uniform(random) < logistic(ability - levelDifficulty(1, config) - noise);
            hard.push_back(ScoredAnswer { 3, hardRight });
            easy.push_back(ScoredAnswer { 1, easyRight });
            rawHard += hardRight ? 1.0 : 0.0;
            rawEasy += easyRight ? 1.0 : 0.0;
        }
        equatedHard += equatedScaledScore(hard, bank, config, ExamSpec {});
        equatedEasy += equatedScaledScore(easy, bank, config, ExamSpec {});
    }
    const double percentHard = scaledScoreEstimate(rawHard / (65.0 * forms), ExamSpec {});
    const double percentEasy = scaledScoreEstimate(rawEasy / (65.0 * forms), ExamSpec {});
    // Percent correct marks the hard form down by far more than the noise ...
    CHECK(percentEasy - percentHard > 100.0);
    // ... equating gives the same estimate for both, within the noise of 40 forms.
    CHECK(std::abs(equatedHard / forms - equatedEasy / forms) < 20.0);
}

TEST_CASE(
    "an empty mock is the bottom of the scale; more right answers never lower the estimate", "[irt][exam]")
{
    const RaschConfig config;
    const std::vector<BankItem> bank(30, BankItem { nullptr, "1", 2, 1.0 / 30.0 });
    CHECK(equatedScaledScore({}, bank, config, ExamSpec {}) == ExamSpec {}.scaleMin);
    int previous = 0;
    for (int right = 0; right <= 20; ++right) {
        std::vector<ScoredAnswer> answers;
        for (int i = 0; i < 20; ++i) {
            answers.push_back(ScoredAnswer { 2, i < right });
        }
        const int score = equatedScaledScore(answers, bank, config, ExamSpec {});
        CHECK(score >= previous);
        previous = score;
    }
}
