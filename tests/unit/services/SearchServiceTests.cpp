#include "content/BundleLoader.h"
#include "services/SearchService.h"
#include "services/Store.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace mlaprep;

namespace {

struct SearchFixture {
    test::TempDir dir;
    test::ManualClock clock;
    LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    SearchService search { store, loaded.bundle, clock };

    std::vector<SearchResult> find(const std::string& text)
    {
        auto results = search.search(text);
        REQUIRE(results.ok());
        return results.value();
    }
};

bool has(const std::vector<SearchResult>& results, SearchKind kind, const std::string& id)
{
    return std::any_of(results.begin(), results.end(),
        [&](const SearchResult& result) { return result.kind == kind && result.itemId == id; });
}

} // namespace

TEST_CASE("typed text becomes a quoted, prefix-matching FTS5 query", "[services][search]")
{
    CHECK(SearchService::matchExpression("parq") == "\"parq\"*");
    CHECK(SearchService::matchExpression("data  fire") == "\"data\" AND \"fire\"*");
    CHECK(SearchService::matchExpression("parquet ") == "\"parquet\"");
    CHECK(SearchService::matchExpression("\"; DROP TABLE --") == "\"DROP\" AND \"TABLE\"");
    CHECK(SearchService::matchExpression("  -- ").empty());
}

TEST_CASE("search finds note sections, cards and questions with the words highlighted", "[services][search]")
{
    SearchFixture f;
    const auto results = f.find("parq");
    REQUIRE_FALSE(results.empty());
    CHECK(has(results, SearchKind::Card, "c-1.1-001"));
    const auto section = std::find_if(results.begin(), results.end(),
        [](const SearchResult& result) { return result.kind == SearchKind::Note; });
    REQUIRE(section != results.end());
    CHECK(section->itemId == "n-1.1");
    CHECK(section->anchor == "parquet-and-orc");
    CHECK(section->title.find(std::string(1, '\x02') + "Parquet" + '\x03') != std::string::npos);

    // A heading match outranks a body mention.
    CHECK(results.front().kind == SearchKind::Note);

    const auto streaming = f.find("firehose");
    REQUIRE_FALSE(streaming.empty());
    CHECK(streaming.front().anchor == "streaming");
    CHECK(f.find("").empty());
    CHECK(f.find("zzzznothing").empty());
}

TEST_CASE("the search index is built once per bundle version", "[services][search]")
{
    SearchFixture f;
    auto first = f.search.ensureIndex();
    REQUIRE(first.ok());
    CHECK(first->any());
    SearchService again(f.store, f.loaded.bundle, f.clock);
    auto second = again.ensureIndex();
    REQUIRE(second.ok());
    CHECK_FALSE(second->any());

    // Changed text in the same version is noticed too.
    Bundle changed = f.loaded.bundle;
    changed.cards.front().front = "Which format is a zebra?";
    SearchService edited(f.store, changed, f.clock);
    auto third = edited.ensureIndex();
    REQUIRE(third.ok());
    CHECK(third->any());
    auto zebra = edited.search("zebra");
    REQUIRE(zebra.ok());
    CHECK(has(zebra.value(), SearchKind::Card, "c-1.1-001"));
}

TEST_CASE("snippets show note text only, never a card's answer or a question's whys", "[services][search]")
{
    SearchFixture f;
    // Words of an option's why (q-1.1-001) and of a card's back still find the item ...
    const auto byWhy = f.find("every byte must be parsed");
    CHECK(has(byWhy, SearchKind::Question, "q-1.1-001"));
    for (const auto& result : f.find("columnar")) {
        // ... but only a note section shows the text around the match.
        CHECK((result.kind == SearchKind::Note || result.snippet.empty()));
    }
}

TEST_CASE(
    "note snippets read as text: no link addresses, callout markers or list bullets", "[services][search]")
{
    SearchFixture f;
    for (const auto& result : f.find("parquet")) {
        INFO(result.snippet);
        CHECK(result.snippet.find("](") == std::string::npos);
        CHECK(result.snippet.find("[!") == std::string::npos);
        CHECK(result.snippet.find("**") == std::string::npos);
        CHECK(result.snippet.find("---") == std::string::npos);
        CHECK(result.snippet.find("- ") != 0);
    }
}

TEST_CASE("search filters by kind and counts every match beyond the limit", "[services][search]")
{
    SearchFixture f;
    auto all = f.search.search("parquet", 1);
    REQUIRE(all.ok());
    CHECK(all->size() == 1);
    auto total = f.search.countMatches("parquet");
    REQUIRE(total.ok());
    CHECK(total.value() > 1);
    auto cards = f.search.search("parquet", 40, SearchKind::Card);
    REQUIRE(cards.ok());
    REQUIRE_FALSE(cards->empty());
    for (const auto& result : cards.value()) {
        CHECK(result.kind == SearchKind::Card);
    }
    auto cardCount = f.search.countMatches("parquet", SearchKind::Card);
    REQUIRE(cardCount.ok());
    CHECK(cardCount.value() == static_cast<int>(cards->size()));
    CHECK(cardCount.value() < total.value());
}
