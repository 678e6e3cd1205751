#include "content/BundleIndex.h"
#include "content/BundleLoader.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

TEST_CASE("the bundle index finds questions with their case, cards, notes and anchors", "[session][index]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    const BundleIndex index(loaded.bundle);

    const IndexedQuestion child = index.question("q-3.1-001-1");
    REQUIRE(child.question);
    CHECK(child.question->id == "q-3.1-001-1");
    REQUIRE(child.caseParent);
    CHECK(child.caseParent->id == "q-3.1-001");
    const IndexedQuestion standalone = index.scoredItem("q-1.1-001");
    REQUIRE(standalone.question);
    CHECK(standalone.caseParent == nullptr);
    // A case parent is a question but not a scored item.
    CHECK(index.question("q-3.1-001").question->isCase());
    CHECK(index.scoredItem("q-3.1-001").question == nullptr);
    CHECK(index.question("q-9.9-999").question == nullptr);

    REQUIRE(index.card("c-1.1-001"));
    CHECK(index.card("c-1.1-001")->task == "1.1");
    CHECK(index.card("nope") == nullptr);
    REQUIRE(index.note("n-1.1"));

    const NoteAnchor heading = index.anchor("n-1.1#parquet-and-orc");
    REQUIRE(heading.note);
    REQUIRE(heading.heading);
    CHECK(heading.heading->text == "Parquet and ORC");
    const NoteAnchor whole = index.anchor("n-1.1");
    CHECK(whole.note == index.note("n-1.1"));
    CHECK(whole.heading == nullptr);
    CHECK(index.anchor("n-1.1#no-such-heading").note == nullptr);

    // Per task, in bundle order, and the same items as Bundle::scoredItems.
    std::size_t perTask = 0;
    for (const auto& domain : loaded.bundle.domains) {
        for (const auto& task : domain.tasks) {
            for (const Question* item : index.scoredItemsOfTask(task.id)) {
                CHECK(item->task == task.id);
                ++perTask;
            }
        }
    }
    CHECK(perTask == loaded.bundle.scoredItems().size());
    CHECK(index.scoredItemsOfTask("3.1").size() == 2);
    CHECK(index.scoredItemsOfTask("9.9").empty());
    CHECK(index.cardsOfTask("1.1").front()->id == "c-1.1-001");

    // Cited-by: cards first, then scored items, each with the heading it points at.
    const auto& citations = index.citationsOf("n-1.1");
    REQUIRE_FALSE(citations.empty());
    REQUIRE(citations.front().card);
    CHECK(citations.front().card->id == "c-1.1-001");
    CHECK(citations.front().slug == "parquet-and-orc");
    bool caseChildCites = false;
    for (const Citation& citation : index.citationsOf("n-3.1")) {
        caseChildCites = caseChildCites || (citation.question && citation.question->id == "q-3.1-001-1");
    }
    CHECK(caseChildCites);
    CHECK(index.citationsOf("n-9.9").empty());
}

TEST_CASE("a case child takes its case's difficulty and note when it has none", "[session][index]")
{
    Bundle bundle;
    Question parent;
    parent.id = "q-case";
    parent.type = QuestionType::Case;
    parent.difficulty = 3;
    parent.note = "n-1#case";
    Question child;
    child.id = "q-case-1";
    Question own = child;
    own.id = "q-case-2";
    own.difficulty = 1;
    own.note = "n-2";
    parent.items = { child, own };
    bundle.questions = { parent };
    const auto items = bundle.scoredItemsWithCases();
    REQUIRE(items.size() == 2);
    CHECK(items[0].difficulty() == 3);
    CHECK(items[0].note() == "n-1#case");
    CHECK(items[1].difficulty() == 1);
    CHECK(items[1].note() == "n-2");
    CHECK(items[1].caseParent == &bundle.questions.front());
}
