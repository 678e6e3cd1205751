#include "content/Answer.h"
#include "content/BundleLoader.h"
#include "exam/ExamReport.h"
#include "exam/ScaledScore.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace mlaprep;

namespace {

const Bundle& minimal()
{
    static const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    return loaded.bundle;
}

const Question& item(const std::string& id)
{
    for (const Question* question : minimal().scoredItems()) {
        if (question->id == id) {
            return *question;
        }
    }
    throw std::runtime_error("no item " + id);
}

Answer choices(std::vector<std::string> ids)
{
    Answer answer;
    answer.choices = std::move(ids);
    return answer;
}

} // namespace

TEST_CASE("single answers score only the one key", "[exam]")
{
    const Question& single = item("q-1.1-001");
    CHECK(isCorrect(single, choices({ "b" })));
    CHECK_FALSE(isCorrect(single, choices({ "a" })));
    CHECK_FALSE(isCorrect(single, choices({ "b", "a" })));
    CHECK_FALSE(isCorrect(single, choices({})));
}

TEST_CASE("multiple response needs every key and no extra", "[exam]")
{
    const Question& multi = item("q-1.1-002");
    CHECK(isCorrect(multi, choices({ "a", "b" })));
    CHECK(isCorrect(multi, choices({ "b", "a" })));
    CHECK_FALSE(isCorrect(multi, choices({ "a" })));
    CHECK_FALSE(isCorrect(multi, choices({ "a", "b", "c" })));
    CHECK_FALSE(isCorrect(multi, choices({ "a", "a" })));
    CHECK(isComplete(multi, choices({ "a", "c" })));
    CHECK_FALSE(isComplete(multi, choices({ "a" })));
}

TEST_CASE("ordering needs the exact order", "[exam]")
{
    const Question& ordering = item("q-2.1-001");
    CHECK(isCorrect(ordering, choices({ "b", "a", "c" })));
    CHECK_FALSE(isCorrect(ordering, choices({ "a", "b", "c" })));
    CHECK_FALSE(isCorrect(ordering, choices({ "b", "a" })));
}

TEST_CASE("matching needs every pair right", "[exam]")
{
    const Question& matching = item("q-2.1-002");
    Answer answer;
    answer.pairs = { { "p1", "a" }, { "p2", "b" }, { "p3", "c" } };
    CHECK(isCorrect(matching, answer));
    CHECK(isComplete(matching, answer));
    answer.pairs = { { "p1", "a" }, { "p2", "b" }, { "p3", "b" } };
    CHECK_FALSE(isCorrect(matching, answer));
    answer.pairs.erase("p3");
    CHECK_FALSE(isCorrect(matching, answer));
    CHECK_FALSE(isComplete(matching, answer));
}

TEST_CASE("answers survive their text form", "[exam]")
{
    Answer pairs;
    pairs.pairs = { { "p1", "c" }, { "p2", "a" } };
    CHECK(answerFromText(toText(pairs)) == pairs);
    CHECK(answerFromText(toText(choices({ "d", "a", "c" }))) == choices({ "d", "a", "c" }));
    CHECK(answerFromText("").empty());
}

TEST_CASE("the scaled estimate is monotone with the pass mark at the documented cut", "[exam]")
{
    const ExamSpec mla; // MLA-C01: 100–1000, pass 720
    CHECK(scaledScoreEstimate(0.0, mla) == 100);
    CHECK(scaledScoreEstimate(PassingRawFraction, mla) == 720);
    CHECK(scaledScoreEstimate(1.0, mla) == 1000);
    CHECK(scaledScoreEstimate(0.69, mla) < 720);
    int previous = 0;
    for (int i = 0; i <= 1000; ++i) {
        const int score = scaledScoreEstimate(i / 1000.0, mla);
        CHECK(score >= previous);
        previous = score;
    }
    // Another exam's scale comes from its bundle, not from a constant.
    ExamSpec other;
    other.scaleMin = 200;
    other.scaleMax = 800;
    other.pass = 500;
    CHECK(scaledScoreEstimate(0.0, other) == 200);
    CHECK(scaledScoreEstimate(PassingRawFraction, other) == 500);
    CHECK(scaledScoreEstimate(1.0, other) == 800);
    CHECK(meetsCompetencies(7, 10));
    CHECK_FALSE(meetsCompetencies(6, 10));
    CHECK_FALSE(meetsCompetencies(0, 0));
}

TEST_CASE("a report scores each case child on its own and tracks changes and flags", "[exam]")
{
    auto record = [](const std::string& id, const std::string& task, const std::string& domain,
                      std::optional<Answer> answer, bool flagged, std::vector<Answer> history = {}) {
        AttemptItemRecord r;
        r.item.itemId = id;
        r.item.taskId = task;
        r.item.domainId = domain;
        r.answer = std::move(answer);
        r.flagged = flagged;
        r.timeSpentMs = 1000;
        r.history = std::move(history);
        return r;
    };
    std::vector<AttemptItemRecord> records {
        record("q-1.1-001", "1.1", "1", choices({ "b" }), false,
            { choices({ "a" }), choices({ "b" }) }), // wrong → right
        record("q-1.1-002", "1.1", "1", choices({ "a", "c" }), true,
            { choices({ "a", "b" }), choices({ "a", "c" }) }), // right → wrong
        record("q-3.1-001-1", "3.1", "3", choices({ "b" }), false),
        record("q-3.1-001-2", "3.1", "3", choices({ "b" }), true),
        record("q-2.1-001", "2.1", "2", std::nullopt, false),
    };
    records[4].item.scored = false;
    const ExamReport report = buildReport(minimal(), records);
    CHECK(report.scoredTotal == 4);
    CHECK(report.scoredCorrect == 2);
    CHECK(report.unscoredCount == 1);
    CHECK(report.answered == 4);
    CHECK(report.wrongToRight == 1);
    CHECK(report.rightToWrong == 1);
    CHECK(report.flaggedTotal == 2);
    CHECK(report.flaggedCorrect == 0);
    CHECK(report.unflaggedCorrect == 2);
    CHECK(report.totalTimeMs == 5000);
    REQUIRE(report.domains.size() == 4);
    CHECK(report.domains[0].correct == 1);
    CHECK(report.domains[0].total == 2);
    CHECK(report.domains[2].correct == 1);
    CHECK(report.domains[2].total == 2);
    CHECK(report.domains[1].total == 0); // unscored items count toward nothing
    // The estimate is equated (tests/unit/irt): near the percent map for items of middling difficulty.
    CHECK(std::abs(report.scaledScore - scaledScoreEstimate(0.5, ExamSpec {})) < 60);
    CHECK_FALSE(report.passed);

    // 1.1 and 3.1 both went 1 of 2: the tie goes to the first in the manifest. A bullet counts every
    // scored item that cites it, whatever the item's task (q-3.1-001-1 trains 1.1-S1 too).
    REQUIRE(report.weakestTask.has_value());
    CHECK(report.weakestTask->taskId == "1.1");
    CHECK(report.weakestTask->correct == 1);
    CHECK(report.weakestTask->answers == 2);
    REQUIRE(report.weakestTask->bullets.size() == 2);
    CHECK(report.weakestTask->bullets[0].bulletId == "1.1-K1");
    CHECK(report.weakestTask->bullets[0].correct == 1);
    CHECK(report.weakestTask->bullets[0].answers == 2);
    CHECK(report.weakestTask->bullets[1].bulletId == "1.1-S1");
    CHECK(report.weakestTask->bullets[1].correct == 1);
    CHECK(report.weakestTask->bullets[1].answers == 2);
}

TEST_CASE("a change of answer counts only when a complete answer is replaced", "[exam]")
{
    // q-1.1-002 is "Select TWO" with the key a, b; q-1.1-001 is single with the key b.
    auto multi = [](std::optional<Answer> answer, std::vector<Answer> history) {
        AttemptItemRecord r;
        r.item.itemId = "q-1.1-002";
        r.item.taskId = "1.1";
        r.item.domainId = "1";
        r.answer = std::move(answer);
        r.history = std::move(history);
        return r;
    };
    SECTION("ticking the two answers of a Select TWO item is one answer, not wrong to right")
    {
        const ExamReport report = buildReport(
            minimal(), { multi(choices({ "a", "b" }), { choices({ "a" }), choices({ "a", "b" }) }) });
        CHECK(report.items[0].correct);
        CHECK(report.items[0].changes == 0);
        CHECK(report.wrongToRight == 0);
        CHECK(report.rightToWrong == 0);
    }
    SECTION("replacing a complete wrong pair by the key through a half answer is one change")
    {
        const ExamReport report = buildReport(minimal(),
            { multi(choices({ "a", "b" }),
                { choices({ "a" }), choices({ "a", "c" }), choices({ "a" }), choices({ "a", "b" }) }) });
        CHECK(report.items[0].changes == 1);
        CHECK(report.wrongToRight == 1);
        CHECK(report.rightToWrong == 0);
    }
    SECTION("a complete right answer left half undone is right to wrong")
    {
        const ExamReport report = buildReport(
            minimal(), { multi(choices({ "a" }), { choices({ "a", "b" }), choices({ "a" }) }) });
        CHECK(report.items[0].changes == 1);
        CHECK(report.rightToWrong == 1);
        CHECK(report.wrongToRight == 0);
    }
    SECTION("a complete right answer cleared is right to wrong")
    {
        const ExamReport report
            = buildReport(minimal(), { multi(std::nullopt, { choices({ "a" }), choices({ "a", "b" }) }) });
        CHECK(report.items[0].changes == 1);
        CHECK(report.rightToWrong == 1);
    }
}
