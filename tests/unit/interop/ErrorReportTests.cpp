#include "services/ErrorReportService.h"
#include "services/Store.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mlaprep;

TEST_CASE("error reports are stored, listed and exported as Markdown and JSON", "[interop][services]")
{
    test::TempDir dir;
    test::ManualClock clock { fromEpochMilliseconds(1'795'003'200'000) };
    auto store = Store::open(dir / "progress.sqlite").value();
    ErrorReportService reports(store, clock, "aws-mla-c01", "2026.11.1");

    auto stored = reports.report("question", "q-1.1-0003", "Wrong answer key", "B is right:\n\"see the docs\"");
    REQUIRE(stored.ok());
    CHECK(stored->errorReports);
    REQUIRE(reports.report("card", "c-2.1-0001", "Typo or formatting", "").ok());

    auto refused = reports.report("question", "q-1", "I just don't like it", "");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.firstError() == "-: q-1: reason: choose a reason from the list");
    CHECK_FALSE(reports.report("exam", "x", "Other", "").ok());

    auto list = reports.reports();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK(list->front().itemId == "q-1.1-0003");
    CHECK(list->front().bundleVersion == "2026.11.1");

    const std::string markdown = errorReportsMarkdown(list.value());
    CHECK(markdown.find("## question `q-1.1-0003`: Wrong answer key") != std::string::npos);
    CHECK(markdown.find("> B is right:\n> \"see the docs\"\n") != std::string::npos);
    CHECK(markdown.find("- Reported: 2026-11-18T12:00:00Z") != std::string::npos);

    const auto json = nlohmann::json::parse(errorReportsJson(list.value()));
    REQUIRE(json.size() == 2);
    CHECK(json[0]["comment"] == "B is right:\n\"see the docs\"");
    CHECK(json[1]["kind"] == "card");
    CHECK(json[1]["bundle"] == "aws-mla-c01");

    REQUIRE(reports.remove(list->front().id).ok());
    CHECK(reports.reports()->size() == 1);
}
