#include "content/BundleLoader.h"
#include "content/Freshness.h"
#include "interop/ValidationReport.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

using namespace mlaprep;
using Json = nlohmann::json;
using mlaprep::test::BundleFixture;

namespace {

// 2026-11-18 (the manual clock's default start).
const test::ManualClock Today;

void editJson(
    const BundleFixture& fixture, const std::string& relative, const std::function<void(Json&)>& edit)
{
    std::ifstream in(fixture.root() / relative);
    Json document = Json::parse(in);
    edit(document);
    fixture.writeFile(relative, document.dump(2));
}

Json& itemById(Json& list, const std::string& id)
{
    for (auto& item : list) {
        if (item["id"] == id) {
            return item;
        }
        if (item.contains("items")) {
            for (auto& child : item["items"]) {
                if (child["id"] == id) {
                    return child;
                }
            }
        }
    }
    throw std::runtime_error("no item " + id);
}

std::string describe(const Problems& problems)
{
    std::ostringstream out;
    for (const auto& p : problems) {
        out << formatProblem(p) << '\n';
    }
    return out.str();
}

const Problem* findProblem(const Problems& problems, const std::string& id, const std::string& field)
{
    const auto found = std::find_if(problems.begin(), problems.end(),
        [&](const Problem& p) { return p.itemId == id && p.field == field; });
    return found == problems.end() ? nullptr : &*found;
}

} // namespace

TEST_CASE("the manifest's bullets are read into their tasks and items name the ones they train", "[content]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), Today);
    INFO(describe(loaded.problems));
    REQUIRE(loaded.problems.empty());
    const Bundle& bundle = loaded.bundle;
    const Task* task = bundle.findTask("1.1");
    REQUIRE(task->knowledge.size() == 1);
    CHECK(task->knowledge[0].id == "1.1-K1");
    CHECK(task->knowledge[0].text == "Data formats and ingestion mechanisms");
    REQUIRE(task->skills.size() == 1);
    CHECK(task->skills[0].taskId == "1.1");
    REQUIRE(bundle.findBullet("2.1-S1") != nullptr);
    CHECK(bundle.findBullet("2.1-S1")->taskId == "2.1");
    CHECK(bundle.findBullet("9.9-K1") == nullptr);
    CHECK(bundle.bullets().size() == 6);

    CHECK(bundle.questions[1].bullets == std::vector<std::string> { "1.1-K1", "1.1-S1" });
    CHECK(bundle.cards[0].bullets == std::vector<std::string> { "1.1-K1" });
    const Question& caseStudy = bundle.questions[4];
    CHECK(caseStudy.items[0].bullets == std::vector<std::string> { "3.1-K1", "1.1-S1" });
    CHECK_FALSE(caseStudy.items[0].inheritsBullets);
    CHECK(caseStudy.items[1].bullets == std::vector<std::string> { "3.1-K1" });
    CHECK(caseStudy.items[1].inheritsBullets);
}

TEST_CASE("an unknown bullet id is an error naming file, item and position", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/1.1.json", [](Json& list) {
        itemById(list, "q-1.1-002")["bullets"] = { "1.1-K1", "1.1-S1", "1.1-K9" };
    });
    editJson(
        fixture, "cards/2.1.json", [](Json& list) { itemById(list, "c-2.1-001")["bullets"] = { "2.1-X" }; });
    const LoadedBundle loaded = loadBundle(fixture.root(), Today);
    INFO(describe(loaded.problems));
    const Problem* item = findProblem(loaded.problems, "q-1.1-002", "bullets[2]");
    REQUIRE(item != nullptr);
    CHECK(item->isError());
    CHECK(item->file == "questions/1.1.json");
    CHECK(item->message.find("1.1-K9") != std::string::npos);
    const Problem* card = findProblem(loaded.problems, "c-2.1-001", "bullets[0]");
    REQUIRE(card != nullptr);
    CHECK(card->file == "cards/2.1.json");
}

TEST_CASE("an unknown bullet on a case parent is reported once, not again on the children", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/3.1.json", [](Json& list) { list[0]["bullets"] = { "3.1-K7" }; });
    const LoadedBundle loaded = loadBundle(fixture.root(), Today);
    const auto count = std::count_if(loaded.problems.begin(), loaded.problems.end(),
        [](const Problem& p) { return p.message.find("3.1-K7") != std::string::npos; });
    CHECK(count == 1);
    CHECK(findProblem(loaded.problems, "q-3.1-001", "bullets[0]") != nullptr);
}

TEST_CASE("a missing bullets field warns in our bundles and is optional elsewhere", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/2.1.json", [](Json& list) { itemById(list, "q-2.1-001").erase("bullets"); });
    editJson(fixture, "questions/3.1.json", [](Json& list) { list[0].erase("bullets"); });
    editJson(fixture, "cards/1.1.json", [](Json& list) { itemById(list, "c-1.1-001").erase("bullets"); });
    SECTION("a bundle that declares bullets warns on each untagged item and card")
    {
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        INFO(describe(loaded.problems));
        REQUIRE_FALSE(loaded.hasErrors());
        for (const char* id : { "q-2.1-001", "q-3.1-001-2", "c-1.1-001" }) {
            const Problem* warning = findProblem(loaded.problems, id, "bullets");
            REQUIRE(warning != nullptr);
            CHECK(warning->severity == Severity::Warning);
        }
        CHECK(findProblem(loaded.problems, "q-3.1-001", "bullets") == nullptr); // the parent is not scored
        CHECK(findProblem(loaded.problems, "q-3.1-001-1", "bullets") == nullptr); // has its own
        CHECK(loaded.problems.size() == 3);
    }
    SECTION("an imported bundle does not warn")
    {
        editJson(fixture, "bundle.json", [](Json& manifest) {
            manifest["origin"] = "imported";
            manifest["source"] = "test bank";
        });
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        INFO(describe(loaded.problems));
        CHECK(loaded.problems.empty());
    }
    SECTION("a bundle that declares no bullets does not warn")
    {
        editJson(fixture, "bundle.json", [](Json& manifest) {
            for (auto& domain : manifest["domains"]) {
                for (auto& task : domain["tasks"]) {
                    task.erase("knowledge");
                    task.erase("skills");
                }
            }
        });
        for (const char* file : { "questions/1.1.json", "questions/2.1.json", "questions/3.1.json",
                 "cards/1.1.json", "cards/2.1.json" }) {
            editJson(fixture, file, [](Json& list) {
                for (auto& item : list) {
                    item.erase("bullets");
                    if (item.contains("items")) {
                        for (auto& child : item["items"]) {
                            child.erase("bullets");
                        }
                    }
                }
            });
        }
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        INFO(describe(loaded.problems));
        CHECK(loaded.problems.empty());
    }
}

TEST_CASE("a bullet id declared twice in the manifest is an error", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "bundle.json", [](Json& manifest) {
        manifest["domains"][1]["tasks"][0]["skills"].push_back({ { "id", "1.1-K1" }, { "text", "Again" } });
    });
    const LoadedBundle loaded = loadBundle(fixture.root(), Today);
    INFO(describe(loaded.problems));
    const Problem* duplicate = findProblem(loaded.problems, "2.1", "skills[1].id");
    REQUIRE(duplicate != nullptr);
    CHECK(duplicate->isError());
    CHECK(duplicate->message.find("task 1.1") != std::string::npos);
}

TEST_CASE("verified dates are read, inherited by case children and must be real days", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/3.1.json", [](Json& list) { list[0]["verified"] = "2026-03-01"; });
    SECTION("a well-formed date")
    {
        editJson(fixture, "cards/1.1.json", [](Json& list) { list[0]["verified"] = "2026-06-30"; });
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        INFO(describe(loaded.problems));
        REQUIRE(loaded.problems.empty());
        const Question& caseStudy = loaded.bundle.questions[4];
        REQUIRE(caseStudy.items[1].verified.has_value());
        CHECK(caseStudy.items[1].verified->toText() == "2026-03-01");
        CHECK(caseStudy.items[1].inheritsVerified);
        CHECK(loaded.bundle.cards[0].verified->toText() == "2026-06-30");
        CHECK_FALSE(loaded.bundle.questions[0].verified.has_value());
    }
    for (const char* malformed : { "2026-02-30", "2026-3-01", "01/03/2026", "" }) {
        SECTION(std::string("a malformed date: \"") + malformed + "\"")
        {
            editJson(fixture, "cards/1.1.json", [&](Json& list) { list[0]["verified"] = malformed; });
            const LoadedBundle loaded = loadBundle(fixture.root(), Today);
            const Problem* problem = findProblem(loaded.problems, "c-1.1-001", "verified");
            REQUIRE(problem != nullptr);
            CHECK(problem->isError());
            CHECK(problem->file == "cards/1.1.json");
            CHECK(problem->message.find("YYYY-MM-DD") != std::string::npos);
        }
    }
    SECTION("a date that is not a string")
    {
        editJson(fixture, "cards/1.1.json", [](Json& list) { list[0]["verified"] = 20260301; });
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        REQUIRE(findProblem(loaded.problems, "c-1.1-001", "verified") != nullptr);
        CHECK(loaded.hasErrors());
    }
}

TEST_CASE("a verified date more than 12 months before the clock's today is a warning", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/1.1.json", [](Json& list) {
        itemById(list, "q-1.1-001")["verified"] = "2025-11-17"; // a year and a day before today
        itemById(list, "q-1.1-002")["verified"] = "2025-11-18"; // exactly a year: still fresh
    });
    editJson(fixture, "questions/3.1.json", [](Json& list) { list[0]["verified"] = "2024-01-01"; });
    const LoadedBundle loaded = loadBundle(fixture.root(), Today);
    INFO(describe(loaded.problems));
    REQUIRE_FALSE(loaded.hasErrors());
    const Problem* stale = findProblem(loaded.problems, "q-1.1-001", "verified");
    REQUIRE(stale != nullptr);
    CHECK(stale->severity == Severity::Warning);
    CHECK(stale->message.find("2025-11-17") != std::string::npos);
    CHECK(stale->message.find("2026-11-18") != std::string::npos);
    CHECK(findProblem(loaded.problems, "q-1.1-002", "verified") == nullptr);
    // The case parent's date is reported once, on the parent, not on each child that inherits it.
    CHECK(findProblem(loaded.problems, "q-3.1-001", "verified") != nullptr);
    CHECK(findProblem(loaded.problems, "q-3.1-001-1", "verified") == nullptr);
    CHECK(loaded.problems.size() == 2);

    SECTION("the same bundle a month earlier has one stale item fewer")
    {
        test::ManualClock earlier(Today.now() - std::chrono::hours(24 * 31));
        const LoadedBundle before = loadBundle(fixture.root(), earlier);
        CHECK(findProblem(before.problems, "q-1.1-001", "verified") == nullptr);
        CHECK(before.problems.size() == 1);
    }
}

TEST_CASE("the stale cut-off moves to the month's last day when the day does not exist", "[content]")
{
    const auto date = [](const char* text) { return *CalendarDate::fromText(text); };
    CHECK(monthsBefore(date("2026-03-31"), 1).toText() == "2026-02-28");
    CHECK(monthsBefore(date("2028-02-29"), 12).toText() == "2027-02-28");
    CHECK(isStale(date("2027-02-27"), date("2028-02-29")));
    CHECK_FALSE(isStale(date("2027-02-28"), date("2028-02-29")));
    CHECK_FALSE(CalendarDate::fromText("2026-13-01"));
    CHECK_FALSE(CalendarDate::fromText("+026-01-01"));
}

TEST_CASE("revision defaults to 1 and must be a whole number of at least 1", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/1.1.json", [](Json& list) { itemById(list, "q-1.1-002")["revision"] = 3; });
    SECTION("read when present, 1 when absent")
    {
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        REQUIRE(loaded.problems.empty());
        CHECK(loaded.bundle.questions[0].revision == 1);
        CHECK(loaded.bundle.questions[1].revision == 3);
        CHECK(loaded.bundle.cards[0].revision == 1);
    }
    SECTION("zero is refused")
    {
        editJson(fixture, "cards/1.1.json", [](Json& list) { list[0]["revision"] = 0; });
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        const Problem* problem = findProblem(loaded.problems, "c-1.1-001", "revision");
        REQUIRE(problem != nullptr);
        CHECK(problem->isError());
    }
    SECTION("text is refused")
    {
        editJson(fixture, "cards/1.1.json", [](Json& list) { list[0]["revision"] = "2"; });
        const LoadedBundle loaded = loadBundle(fixture.root(), Today);
        REQUIRE(findProblem(loaded.problems, "c-1.1-001", "revision") != nullptr);
        CHECK(loaded.hasErrors());
    }
}

TEST_CASE("validate --json lists the stalest items, oldest first", "[content]")
{
    BundleFixture fixture;
    editJson(fixture, "questions/1.1.json", [](Json& list) {
        itemById(list, "q-1.1-001")["verified"] = "2026-05-01";
        itemById(list, "q-1.1-002")["verified"] = "2024-05-01";
    });
    editJson(fixture, "questions/3.1.json", [](Json& list) {
        list[0]["verified"] = "2025-01-01";
        list[0]["items"][0]["verified"] = "2026-01-01";
    });
    editJson(fixture, "cards/2.1.json", [](Json& list) { list[0]["verified"] = "2025-01-01"; });
    const LoadedBundle loaded = loadBundle(fixture.root(), Today);
    const auto stalest = stalestItems(loaded.bundle, 3);
    REQUIRE(stalest.size() == 3);
    CHECK(stalest[0].id == "q-1.1-002");
    CHECK(stalest[1].id == "c-2.1-001"); // ties by id
    CHECK(stalest[2].id == "q-3.1-001");
    CHECK(stalestItems(loaded.bundle, 20).size() == 5); // the inheriting child is not listed again

    const Json report = Json::parse(validationReportJson(loaded));
    REQUIRE(report["stalest"].size() == 5);
    CHECK(report["stalest"][0] == Json { { "id", "q-1.1-002" }, { "verified", "2024-05-01" } });
}
