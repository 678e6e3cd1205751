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
}
