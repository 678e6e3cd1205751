#include "content/BundleLoader.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace mlaprep;
using mlaprep::test::BundleFixture;

namespace {

std::string describe(const Problems& problems)
{
    std::ostringstream out;
    for (const auto& p : problems) {
        out << formatProblem(p) << '\n';
    }
    return out.str();
}

// Loads the minimal bundle with one defect laid over it and checks that an error names exactly this
// file, item id and field.
void requireError(const std::string& defect, const std::string& file, const std::string& id,
    const std::string& field, const std::string& messagePart = {})
{
    BundleFixture fixture(defect);
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO("problems:\n" << describe(loaded.problems));
    const bool found = std::any_of(loaded.problems.begin(), loaded.problems.end(), [&](const Problem& p) {
        return p.isError() && p.file == file && p.itemId == id && p.field == field
            && p.message.find(messagePart) != std::string::npos;
    });
    REQUIRE(found);
}

} // namespace

TEST_CASE("the minimal bundle validates without problems", "[content]")
{
    BundleFixture fixture;
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    REQUIRE(loaded.problems.empty());
}

TEST_CASE("an unknown format is an error on the manifest's format field", "[content]")
{
    requireError("unknown-format", "bundle.json", "", "format", "mlaprep-bundle/9");
}

TEST_CASE("a card without its required back is reported with file, id and field", "[content]")
{
    requireError("missing-field", "cards/1.1.json", "c-1.1-001", "back", "missing");
}

TEST_CASE("a mistyped difficulty is reported once as a type error", "[content]")
{
    BundleFixture fixture("wrong-type");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    const auto count = std::count_if(loaded.problems.begin(), loaded.problems.end(),
        [](const Problem& p) { return p.field == "difficulty"; });
    REQUIRE(count == 1);
    requireError("wrong-type", "questions/1.1.json", "q-1.1-001", "difficulty", "whole number");
}

TEST_CASE("an id used twice across files is a duplicate naming the second file", "[content]")
{
    requireError("duplicate-id", "cards/2.1.json", "c-1.1-001", "id", "cards/1.1.json");
}

TEST_CASE("an item whose task the manifest does not declare is an error", "[content]")
{
    requireError("unknown-task", "cards/1.1.json", "c-1.1-001", "task", "9.9");
}

TEST_CASE("a case child in another domain than its parent is an error on the child", "[content]")
{
    requireError("case-child-domain", "questions/3.1.json", "q-3.1-001-2", "task", "domain 4");
}

TEST_CASE("a case study with one child is an error", "[content]")
{
    requireError("case-one-child", "questions/3.1.json", "q-3.1-001", "items");
}

TEST_CASE("a link to a note that does not exist is an error", "[content]")
{
    requireError("unknown-note", "cards/1.1.json", "c-1.1-001", "note", "n-9.9");
}

TEST_CASE("a link to a heading slug the note lacks is an error", "[content]")
{
    requireError("unknown-heading", "cards/1.1.json", "c-1.1-001", "note", "no-such-heading");
}

TEST_CASE("a note file that is missing is reported on the manifest entry", "[content]")
{
    requireError("missing-note-file", "bundle.json", "n-4.1", "file", "notes/4.9.md");
}

TEST_CASE("a listed card file that is missing is reported on the manifest", "[content]")
{
    requireError("missing-list-file", "bundle.json", "", "cards", "cards/9.9.json");
}

TEST_CASE("an answer id that is not an option is an error", "[content]")
{
    requireError("answer-not-option", "questions/1.1.json", "q-1.1-001", "answer", "\"z\"");
}

TEST_CASE("a single-answer question with two keys is an error", "[content]")
{
    requireError("single-two-keys", "questions/1.1.json", "q-1.1-001", "answer", "exactly one key");
}

TEST_CASE("a multiple-response question with one key is an error", "[content]")
{
    requireError("multi-one-key", "questions/1.1.json", "q-1.1-002", "answer", "at least 2 keys");
}

TEST_CASE("a multiple-response stem whose Select N disagrees with the keys is an error", "[content]")
{
    requireError("multi-select-mismatch", "questions/1.1.json", "q-1.1-002", "stem", "THREE");
}

TEST_CASE("a matching question with a prompt left unmatched is an error", "[content]")
{
    requireError("matching-unmatched", "questions/2.1.json", "q-2.1-002", "answer", "p3");
}

TEST_CASE("an ordering answer that is not a permutation of its options is an error", "[content]")
{
    requireError("ordering-not-permutation", "questions/2.1.json", "q-2.1-001", "answer", "permutation");
}

TEST_CASE("an option without why is an error naming the option", "[content]")
{
    requireError("option-without-why", "questions/1.1.json", "q-1.1-001", "options[b].why");
}

TEST_CASE("a reference that is not https is an error", "[content]")
{
    requireError("no-https-ref", "questions/1.1.json", "q-1.1-001", "refs", "http://");
}

TEST_CASE("a Markdown link to a file outside the bundle is an error on the note", "[content]")
{
    requireError("markdown-link", "notes/2.1.md", "n-2.1", "markdown", "missing.png");
}

TEST_CASE("domain weights that do not sum to 1 are an error", "[content]")
{
    requireError("weights", "bundle.json", "", "weight", "sum to 1");
}

TEST_CASE("a task id declared in two domains is an error", "[content]")
{
    requireError("duplicate-task", "bundle.json", "1.1", "id", "one domain");
}

TEST_CASE("a difficulty outside 1 to 3 is an error", "[content]")
{
    requireError("difficulty-range", "questions/1.1.json", "q-1.1-001", "difficulty", "not 5");
}

TEST_CASE("malformed JSON is reported with its line and the other files still load", "[content]")
{
    requireError("json-syntax", "questions/2.1.json", "q-2.1-001", "options[1]", "line 11");
    BundleFixture fixture("json-syntax");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE(loaded.bundle.notes.size() == 4);
    REQUIRE(loaded.bundle.cards.size() == 2);
    REQUIRE(loaded.bundle.findNote("n-1.1") != nullptr);
}

TEST_CASE("a note that is not UTF-8 is reported with its line and does not crash", "[content]")
{
    requireError("not-utf8", "notes/4.1.md", "n-4.1", "", "UTF-8 (line 5");
}

TEST_CASE("an unknown field is a warning and the bundle still validates", "[content]")
{
    BundleFixture fixture("unknown-field");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].severity == Severity::Warning);
    CHECK(loaded.problems[0].field == "colour");
    CHECK(loaded.problems[0].itemId == "c-1.1-001");
}

TEST_CASE("every problem is collected rather than stopping at the first", "[content]")
{
    BundleFixture fixture("option-without-why");
    fixture.writeFile("cards/2.1.json", R"([{"id": "c-2.1-001", "task": "7.7", "front": "F", "back": 3}])");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    const auto errors = std::count_if(
        loaded.problems.begin(), loaded.problems.end(), [](const Problem& p) { return p.isError(); });
    REQUIRE(errors == 3); // why, task, back
}

TEST_CASE("wrong JSON shapes anywhere give problems, never an exception", "[content]")
{
    BundleFixture fixture;
    SECTION("a question file that is an object")
    {
        fixture.writeFile("questions/1.1.json", R"({"id": "q"})");
    }
    SECTION("an array of numbers")
    {
        fixture.writeFile("questions/1.1.json", "[1, 2, 3]");
    }
    SECTION("options that are strings and an answer that is a number")
    {
        fixture.writeFile("questions/1.1.json",
            R"([{"id":"q-x","type":"single","task":"1.1","difficulty":1,"stem":"S",
                               "options":["a","b"],"answer":7,"explanation":"E","refs":["https://a"]}])");
    }
    SECTION("a manifest whose domains are a string")
    {
        fixture.writeFile("bundle.json", R"({"format":"mlaprep-bundle/1","id":"x","title":"t","version":"1",
                                             "domains":"four","notes":[],"cards":[],"questions":[]})");
    }
    SECTION("an empty manifest file")
    {
        fixture.writeFile("bundle.json", "");
    }
    LoadedBundle loaded;
    REQUIRE_NOTHROW(loaded = loadBundle(fixture.root(), test::ManualClock()));
    REQUIRE(loaded.hasErrors());
}

TEST_CASE("a missing bundle folder is one clear error", "[content]")
{
    const LoadedBundle loaded = loadBundle("/nonexistent/mlaprep-bundle", test::ManualClock());
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].file == "bundle.json");
    CHECK(loaded.problems[0].message == "file is missing");
}

TEST_CASE("an imported bundle downgrades the rules a foreign bank cannot meet to warnings", "[content]")
{
    BundleFixture fixture("option-without-why");
    auto manifest = loadBundle(fixture.root(), test::ManualClock()); // sanity: an error in our own bundles
    REQUIRE(manifest.hasErrors());
    std::ifstream in(fixture.root() / "bundle.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.insert(text.find('{') + 1, R"("origin": "imported", "source": "test bank",)");
    fixture.writeFile("bundle.json", text);
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    REQUIRE_FALSE(loaded.hasErrors());
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].field == "options[b].why");
}
