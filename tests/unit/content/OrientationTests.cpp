#include "content/BundleLoader.h"
#include "srs/StudyItem.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

using namespace mlaprep;

namespace {

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The minimal bundle with an orientation note (bound to no task) first and a card file of its own.
void addOrientation(const test::BundleFixture& fixture, const std::string& cards)
{
    std::string manifest = readFile(fixture.root() / "bundle.json");
    manifest.replace(manifest.find("\"notes\": ["), 10,
        R"("notes": [{"id": "n-0", "task": null, "title": "About the exam", "file": "notes/0.md"},)");
    manifest.replace(manifest.find("\"cards\": ["), 10, R"("cards": ["cards/orientation.json",)");
    fixture.writeFile("bundle.json", manifest);
    fixture.writeFile("notes/0.md", "# About the exam\n\n## Scoring\n\n720 of 1000 passes.\n");
    fixture.writeFile("cards/orientation.json", cards);
}

} // namespace

TEST_CASE("a note and its cards may be bound to no task, and then need no bullets", "[content]")
{
    test::BundleFixture fixture;
    addOrientation(fixture,
        R"([{"id": "c-0-001", "task": null, "front": "How long is the exam?", "back": "130 minutes.",
             "note": "n-0#scoring"}])");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO((loaded.problems.empty() ? std::string() : formatProblem(loaded.problems.front())));
    REQUIRE(loaded.problems.empty());
    const Bundle& bundle = loaded.bundle;
    REQUIRE(bundle.notes.front().id == "n-0");
    CHECK(bundle.notes.front().task.empty());
    CHECK(bundle.notesOfTask({}).size() == 1);
    REQUIRE(bundle.cards.front().id == "c-0-001");
    CHECK(bundle.cards.front().task.empty());
    // Outside the blueprint: the orientation counts toward no domain or task.
    const BundleCounts counts = countBundle(bundle);
    CHECK(counts.byTask.count("") == 0);
    CHECK(counts.cards == 3);
}

TEST_CASE("a card's task must still be given, as null when it has none", "[content]")
{
    test::BundleFixture fixture;
    addOrientation(fixture, R"([{"id": "c-0-001", "front": "F", "back": "B"}])");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    const auto missing = std::find_if(loaded.problems.begin(), loaded.problems.end(),
        [](const Problem& p) { return p.itemId == "c-0-001" && p.field == "task"; });
    REQUIRE(missing != loaded.problems.end());
    CHECK(missing->isError());
    CHECK(missing->message.find("null") != std::string::npos);
}

TEST_CASE("the orientation cards are studied first, the learner's untagged cards still last", "[content]")
{
    test::BundleFixture fixture;
    addOrientation(
        fixture, R"([{"id": "c-0-001", "task": null, "front": "How long?", "back": "130 minutes."}])");
    LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    Card imported;
    imported.id = "u-1";
    imported.front = "Mine";
    imported.back = "Mine";
    loaded.bundle.cards.push_back(imported);
    const auto items = srs::studyItemsOf(loaded.bundle);
    REQUIRE(items.size() == 10);
    CHECK(items.front().id == "c-0-001");
    CHECK(items[1].id == "c-1.1-001");
    CHECK(items.back().id == "u-1");
}
