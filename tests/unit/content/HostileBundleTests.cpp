// Issue 16's findings on bundles: each test is named after what a hostile bundle did before.

#include "content/BundleLoader.h"
#include "content/HtmlScan.h"
#include "content/MarkdownHtml.h"
#include "interop/AnkiPackage.h"
#include "interop/ValidationReport.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace mlaprep;
using mlaprep::test::BundleFixture;
using mlaprep::test::TempDir;

namespace {

std::string describe(const Problems& problems)
{
    std::ostringstream out;
    for (const auto& p : problems) {
        out << formatProblem(p) << '\n';
    }
    return out.str();
}

const Problem* findError(const Problems& problems, const std::string& file, const std::string& id,
    const std::string& field, const std::string& messagePart)
{
    auto it = std::find_if(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.isError() && p.file == file && p.itemId == id && p.field == field
            && p.message.find(messagePart) != std::string::npos;
    });
    return it == problems.end() ? nullptr : &*it;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void replaceInFile(
    const BundleFixture& fixture, const std::string& relative, const std::string& from, const std::string& to)
{
    std::string text = readFile(fixture.root() / relative);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    fixture.writeFile(relative, text);
}

} // namespace

TEST_CASE("a callout label of 40,000 characters renders without crashing", "[content][hostile]")
{
    const std::string label(40000, 'x');
    const std::string html = markdownToHtml("> **Trap" + label + ":** text\n\n> **Note:** real\n");
    CHECK(html.find("callout-trap") != std::string::npos);
    CHECK(html.find("callout-note") != std::string::npos);
}

TEST_CASE("a multiple-response stem of 40,000 letters validates without crashing", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json", "Which formats are columnar? Select TWO.",
        "Which formats are columnar? Select " + std::string(40000, 'W') + ".");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "questions/1.1.json", "q-1.1-002", "stem", "too long"));
}

TEST_CASE(
    "a number such as 1e400 is a validation error naming file, item, field and line", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json", "\"difficulty\": 1,", "\"difficulty\": 1e400,");
    replaceInFile(fixture, "cards/1.1.json", "[", "[ ");
    LoadedBundle loaded;
    REQUIRE_NOTHROW(loaded = loadBundle(fixture.root(), test::ManualClock()));
    INFO(describe(loaded.problems));
    const Problem* problem
        = findError(loaded.problems, "questions/1.1.json", "q-1.1-001", "difficulty", "1e400");
    REQUIRE(problem);
    CHECK(problem->line == 9);
    CHECK(formatProblem(*problem).rfind("questions/1.1.json:9: q-1.1-001: difficulty: ", 0) == 0);
    // The rest of the file was still read: its other questions are there.
    CHECK(std::any_of(loaded.bundle.questions.begin(), loaded.bundle.questions.end(),
        [](const Question& q) { return q.id == "q-1.1-002"; }));
}

TEST_CASE("validate --json still reports everything when a number is out of range", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "bundle.json", "\"weight\": 0.28", "\"weight\": -1e999");
    replaceInFile(fixture, "questions/1.1.json", "\"difficulty\": 1,", "\"difficulty\": \"hard\",");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    const auto report = nlohmann::json::parse(validationReportJson(loaded));
    INFO(report.dump(2));
    bool weight = false;
    bool difficulty = false;
    for (const auto& error : report["errors"]) {
        weight = weight
            || (error["file"] == "bundle.json" && error["id"] == "1" && error["field"] == "weight"
                && error.contains("line"));
        difficulty = difficulty || (error["id"] == "q-1.1-001" && error["field"] == "difficulty");
    }
    CHECK(weight);
    CHECK(difficulty);
}

TEST_CASE("a whole number beyond int is out of range, not wrapped", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json", "\"difficulty\": 1,", "\"difficulty\": 4294967297,");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "questions/1.1.json", "q-1.1-001", "difficulty", ""));
}

TEST_CASE("text fields have a size limit the validator reports", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json", "Row format: every query", std::string(30000, 'r'));
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "questions/1.1.json", "q-1.1-001", "options[a].why", "too long"));
}

TEST_CASE("option problems are named options[c].why, not a bare why", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json",
        "\"why\": \"Row format: every query reads every column of every row.\"", "\"why\": 7");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "questions/1.1.json", "q-1.1-001", "options[a].why", "string"));
}

TEST_CASE("id-less items are named by their position", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "questions/1.1.json", "\"id\": \"q-1.1-002\",", "");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "questions/1.1.json", "#2", "id", "missing"));
}

TEST_CASE("a note that is a symlink to a file outside the bundle is refused", "[content][hostile]")
{
    BundleFixture fixture;
    TempDir outside;
    {
        std::ofstream(outside / "secret.md") << "# Secret\n\nnot for the app\n";
    }
    std::filesystem::remove(fixture.root() / "notes/1.1.md");
    std::filesystem::create_symlink(outside / "secret.md", fixture.root() / "notes/1.1.md");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    REQUIRE(loaded.hasErrors());
    const Note* note = loaded.bundle.findNote("n-1.1");
    CHECK((note == nullptr || note->markdown.find("not for the app") == std::string::npos));
}

TEST_CASE("a symlink that stays inside the bundle is still read", "[content][hostile]")
{
    BundleFixture fixture;
    std::filesystem::rename(fixture.root() / "notes/1.1.md", fixture.root() / "notes/real-1.1.md");
    std::filesystem::create_symlink("real-1.1.md", fixture.root() / "notes/1.1.md");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK_FALSE(loaded.hasErrors());
}

TEST_CASE("a file: link in a note is a validation error and is not rendered as a link", "[content][hostile]")
{
    BundleFixture fixture;
    const std::string note = readFile(fixture.root() / "notes/1.1.md");
    fixture.writeFile("notes/1.1.md", note + "\nSee [x](file:///etc/passwd) and [y](javascript:alert(1)).\n");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "notes/1.1.md", "n-1.1", "markdown", "file:///etc/passwd"));
    CHECK(findError(loaded.problems, "notes/1.1.md", "n-1.1", "markdown", "javascript:"));
    const std::string html
        = markdownToHtml("[x](file:///etc/passwd) [y](javascript:alert(1)) [z](https://aws.amazon.com)");
    CHECK(html.find("file:") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("href=\"https://aws.amazon.com\"") != std::string::npos);
}

TEST_CASE("local images by absolute path are refused and not rendered", "[content][hostile]")
{
    BundleFixture fixture;
    const std::string note = readFile(fixture.root() / "notes/1.1.md");
    fixture.writeFile("notes/1.1.md", note + "\n![x](/etc/hostname)\n\n<img src=\"file:///etc/hostname\">\n");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    CHECK(findError(loaded.problems, "notes/1.1.md", "n-1.1", "markdown", "/etc/hostname"));
    const std::string html
        = markdownToHtml("![x](/etc/hostname) ![y](images/ok.png)\n\n<img src=\"file:///etc/hostname\">\n");
    CHECK(html.find("/etc/hostname") == std::string::npos);
    CHECK(html.find("src=\"images/ok.png\"") != std::string::npos);
}

TEST_CASE("one <link> tag no longer hides the rest of a note", "[content][hostile]")
{
    const std::string html = markdownToHtml(
        "Before <link rel=\"stylesheet\" href=\"x.css\"> after.\n\n## Later\n\nStill here.\n");
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("Still here.") != std::string::npos);
    BundleFixture fixture;
    const std::string note = readFile(fixture.root() / "notes/1.1.md");
    fixture.writeFile("notes/1.1.md", "<link rel=\"stylesheet\" href=\"x.css\">\n\n" + note);
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    INFO(describe(loaded.problems));
    const Problem* problem = findError(loaded.problems, "notes/1.1.md", "n-1.1", "markdown", "<link>");
    REQUIRE(problem);
    CHECK(problem->line == 1);
}

TEST_CASE("script and javascript: do not pass through the renderer", "[content][hostile]")
{
    const std::string html
        = markdownToHtml("<script>alert(1)</script>\n\n<a href=\"JaVaScRiPt&#58;alert(1)\" "
                         "onclick=\"x()\">a</a> <b style=\"x\">b</b>\n");
    CHECK(html.find("alert") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("onclick") == std::string::npos);
    CHECK(html.find("style") == std::string::npos);
    CHECK(html.find("<b>b</b>") != std::string::npos);
}

TEST_CASE("the HTML scanner is linear on unclosed tags and comments", "[content][hostile]")
{
    for (const std::string opening : { "<!--", "<b ", "<img ", "<a href='", "<" }) {
        std::string text;
        for (int i = 0; i < 50000; ++i) {
            text += opening;
        }
        std::size_t tags = 0;
        scanHtml(
            text, [](std::string_view) {}, [&](const HtmlTag&) { ++tags; });
        CHECK(tags <= 50000);
        CHECK_NOTHROW(sanitizeHtml(text));
    }
}

TEST_CASE("allowed link targets are https, anchors and relative paths inside", "[content][hostile]")
{
    CHECK(isAllowedLinkTarget("https://docs.aws.amazon.com/x"));
    CHECK(isAllowedLinkTarget("#heading"));
    CHECK(isAllowedLinkTarget("2.1.md#x"));
    CHECK_FALSE(isAllowedLinkTarget("http://example.com"));
    CHECK_FALSE(isAllowedLinkTarget("file:///etc/passwd"));
    CHECK_FALSE(isAllowedLinkTarget("java\tscript:alert(1)"));
    CHECK_FALSE(isAllowedLinkTarget("&#106;avascript:alert(1)"));
    CHECK_FALSE(isAllowedLinkTarget("../../outside.md"));
    CHECK_FALSE(isAllowedLinkTarget("/etc/passwd"));
    CHECK(isAllowedImageSource("images/a.png"));
    CHECK_FALSE(isAllowedImageSource("data:image/png;base64,AAAA"));
    CHECK_FALSE(isAllowedImageSource("https://example.com/a.png"));
}

TEST_CASE("script and javascript: no longer pass into export-anki output unchanged", "[content][hostile]")
{
    BundleFixture fixture;
    replaceInFile(fixture, "cards/1.1.json", "\"Which format is columnar?\"",
        "\"Which format <script>alert(1)</script> is [columnar](javascript:alert(2))? <img src=x "
        "onerror=alert(3)>\"");
    LoadedBundle loaded = readBundle(fixture.root());
    auto notes = interop::ankiNotesOfBundle(loaded.bundle, {});
    REQUIRE(notes.ok());
    bool found = false;
    for (const auto& note : notes.value()) {
        for (const auto& field : note.fields) {
            CHECK(field.find("<script") == std::string::npos);
            CHECK(field.find("javascript:") == std::string::npos);
            CHECK(field.find("onerror") == std::string::npos);
            found = found || field.find("columnar") != std::string::npos;
        }
    }
    CHECK(found);
}
