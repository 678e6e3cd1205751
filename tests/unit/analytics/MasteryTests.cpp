#include "analytics/Mastery.h"
#include "content/BundleLoader.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::analytics;
using namespace std::chrono_literals;

namespace {

const Instant Now = fromEpochMilliseconds(1'795'003'200'000);

const Bundle& minimal()
{
    static const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    return loaded.bundle;
}

std::vector<AnswerRecord> answers(const std::string& task, int right, int wrong, std::chrono::hours age = 0h,
    srs::ItemKind kind = srs::ItemKind::Question)
{
    std::vector<AnswerRecord> result;
    for (int i = 0; i < right + wrong; ++i) {
        result.push_back(AnswerRecord { task, kind, i < right, Now - age });
    }
    return result;
}

std::vector<AnswerRecord> everywhere(int right, int wrong)
{
    std::vector<AnswerRecord> result;
    for (const char* task : { "1.1", "2.1", "3.1", "4.1" }) {
        const auto some = answers(task, right, wrong);
        result.insert(result.end(), some.begin(), some.end());
    }
    return result;
}

double taskMean(const MasteryReport& report, const std::string& task)
{
    const TaskMastery* mastery = report.findTask(task);
    REQUIRE(mastery != nullptr);
    return mastery->estimate.mean;
}

} // namespace

TEST_CASE("a task without answers is unseen and sits at the prior", "[analytics]")
{
    const auto report = computeMastery(minimal(), {}, {}, Now);
    REQUIRE(report.tasks.size() == 4);
    CHECK(report.tasks[0].unseen());
    CHECK(report.tasks[0].estimate.mean == Approx(0.5));
    CHECK(report.tasks[0].estimate.evidence == 0.0);
    REQUIRE(report.domains.size() == 4);
    CHECK(report.domains[0].weight == Approx(0.28));
}

TEST_CASE("right answers raise a task's mastery and wrong answers lower it", "[analytics]")
{
    const double right = taskMean(computeMastery(minimal(), answers("1.1", 8, 2), {}, Now), "1.1");
    const double wrong = taskMean(computeMastery(minimal(), answers("1.1", 2, 8), {}, Now), "1.1");
    CHECK(right > 0.7);
    CHECK(wrong < 0.3);
    // Another task is untouched.
    CHECK(taskMean(computeMastery(minimal(), answers("1.1", 8, 2), {}, Now), "2.1") == Approx(0.5));
}

TEST_CASE("recent answers weigh more than old ones", "[analytics]")
{
    auto oldWrongNewRight = answers("1.1", 0, 10, 24h * 60);
    auto recentRight = answers("1.1", 10, 0);
    oldWrongNewRight.insert(oldWrongNewRight.end(), recentRight.begin(), recentRight.end());

    auto oldRightNewWrong = answers("1.1", 10, 0, 24h * 60);
    auto recentWrong = answers("1.1", 0, 10);
    oldRightNewWrong.insert(oldRightNewWrong.end(), recentWrong.begin(), recentWrong.end());

    CHECK(taskMean(computeMastery(minimal(), oldWrongNewRight, {}, Now), "1.1")
        > taskMean(computeMastery(minimal(), oldRightNewWrong, {}, Now), "1.1") + 0.4);
    CHECK(recencyWeight(21.0, 21.0) == Approx(0.5));
    CHECK(recencyWeight(-1.0, 21.0) == 1.0);
}

TEST_CASE("a card answer counts for less than a question answer", "[analytics]")
{
    const auto cards = computeMastery(minimal(), answers("1.1", 10, 0, 0h, srs::ItemKind::Card), {}, Now);
    const auto questions = computeMastery(minimal(), answers("1.1", 10, 0), {}, Now);
    CHECK(cards.tasks[0].estimate.evidence == Approx(5.0));
    CHECK(taskMean(cards, "1.1") < taskMean(questions, "1.1"));
    CHECK(questions.tasks[0].questionAnswers == 10);
    CHECK(cards.tasks[0].questionAnswers == 0);
}

TEST_CASE(
    "today's recall counts as evidence and lasting recall decides which cards are mastered", "[analytics]")
{
    const std::vector<ItemRecall> recalls {
        { "c1", "1.1", srs::ItemKind::Card, 0.95, 30.0 },
        { "c2", "1.1", srs::ItemKind::Card, 0.6, 30.0 },
        { "c3", "1.1", srs::ItemKind::Card, std::nullopt },
        { "c4", "1.1", srs::ItemKind::Card, 0.99, 2.3 }, // rated Good once, an hour ago: fresh, not lasting
        { "q1", "1.1", srs::ItemKind::Question, 0.99, 30.0 },
    };
    const auto report = computeMastery(minimal(), {}, recalls, Now);
    const TaskMastery& task = report.tasks[0];
    CHECK(task.items == 5);
    CHECK(task.cards == 4);
    CHECK(task.itemsSeen == 4);
    CHECK(task.cardsMastered == 1);
    CHECK_FALSE(task.unseen());
    CHECK(task.estimate.evidence == Approx(2.0));
    CHECK(task.estimate.mean > 0.5);
}

TEST_CASE("the weakest task is the one worth most on the exam to study", "[analytics]")
{
    auto history = everywhere(8, 2);
    const auto weak3 = answers("3.1", 0, 10);
    history.insert(history.end(), weak3.begin(), weak3.end());
    const auto report = computeMastery(minimal(), history, {}, Now);
    REQUIRE(report.weakestTask() != nullptr);
    CHECK(report.weakestTask()->taskId == "3.1");

    // With nothing known, the heaviest domain's task comes first.
    CHECK(computeMastery(minimal(), {}, {}, Now).weakestTask()->taskId == "1.1");
}

TEST_CASE("items never met pull a task's mastery toward the prior", "[analytics]")
{
    const auto history = answers("1.1", 20, 0);
    std::vector<ItemRecall> fewSeen;
    std::vector<ItemRecall> allSeen;
    for (int i = 0; i < 10; ++i) {
        const std::string id = "q" + std::to_string(i);
        fewSeen.push_back({ id, "1.1", srs::ItemKind::Question, i < 2 ? std::optional(0.95) : std::nullopt });
        allSeen.push_back({ id, "1.1", srs::ItemKind::Question, 0.95 });
    }
    const auto few = computeMastery(minimal(), history, fewSeen, Now);
    const auto all = computeMastery(minimal(), history, allSeen, Now);
    CHECK(few.tasks[0].coverage == Approx(0.2));
    CHECK(all.tasks[0].coverage == Approx(1.0));
    CHECK(taskMean(few, "1.1") < taskMean(all, "1.1") - 0.1);
    CHECK(taskMean(few, "1.1") > 0.5);
    CHECK(few.tasks[0].estimate.variance > all.tasks[0].estimate.variance);
}
