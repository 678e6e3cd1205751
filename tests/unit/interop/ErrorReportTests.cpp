#include "content/Bundle.h"
#include "services/ErrorReportService.h"
#include "services/Store.h"
#include "store/UserDeckRepository.h"
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
    Bundle bundle;
    bundle.id = "aws-mla-c01";
    bundle.version = "2026.11.1";
    Question question;
    question.id = "q-1.1-0003";
    Question caseStudy;
    caseStudy.id = "q-3.1-0001";
    caseStudy.type = QuestionType::Case;
    Question child;
    child.id = "q-3.1-0001-1";
    caseStudy.items.push_back(child);
    bundle.questions = { question, caseStudy };
    Card card;
    card.id = "c-2.1-0001";
    bundle.cards.push_back(card);
    ErrorReportService reports(store, clock, bundle);

    auto stored
        = reports.report("question", "q-1.1-0003", "Wrong answer key", "B is right:\n\"see the docs\"");
    REQUIRE(stored.ok());
    CHECK(stored->errorReports);
    REQUIRE(reports.report("card", "c-2.1-0001", "Typo or formatting", "").ok());

    auto refused = reports.report("question", "q-1.1-0003", "I just don't like it", "");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.firstError() == "-: q-1.1-0003: reason: choose a reason from the list");
    CHECK_FALSE(reports.report("exam", "x", "Other", "").ok());
    // An id the bundle does not have is refused with the field and a way out, and nothing is stored.
    auto unknown = reports.report("question", "q-9.9-9999", "Other", "");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.firstError()
        == "-: q-9.9-9999: item: this bundle has no question q-9.9-9999: pick one from the list as you type, "
           "or use Report this on the item");
    CHECK_FALSE(reports.report("card", "q-1.1-0003", "Other", "").ok()); // a question is not a card
    CHECK_FALSE(reports.report("note", "n-none", "Other", "").ok());
    REQUIRE(reports.report("question", "q-3.1-0001-1", "Other", "").ok()); // a case child is a question

    auto list = reports.reports();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3);
    CHECK(list->front().itemId == "q-1.1-0003");
    CHECK(list->front().bundleVersion == "2026.11.1");

    const std::string markdown = errorReportsMarkdown(list.value());
    CHECK(markdown.find("## question `q-1.1-0003`: Wrong answer key") != std::string::npos);
    CHECK(markdown.find("> B is right:\n> \"see the docs\"\n") != std::string::npos);
    CHECK(markdown.find("- Reported: 2026-11-18T12:00:00Z") != std::string::npos);

    const auto json = nlohmann::json::parse(errorReportsJson(list.value()));
    REQUIRE(json.size() == 3);
    CHECK(json[0]["comment"] == "B is right:\n\"see the docs\"");
    CHECK(json[1]["kind"] == "card");
    CHECK(json[1]["bundle"] == "aws-mla-c01");

    REQUIRE(reports.remove(list->front().id).ok());
    CHECK(reports.reports()->size() == 2);
}

TEST_CASE("a report on an imported card names one the store has, imported or synced", "[interop][services]")
{
    test::TempDir dir;
    test::ManualClock clock { fromEpochMilliseconds(1'795'003'200'000) };
    auto store = Store::open(dir / "progress.sqlite").value();
    const std::string card = "u-5f0c2a1e-3b7d-4c8e-9a6f-1d2e3f4a5b6c";
    {
        UserDeckRepository decks(store->database());
        const auto deck
            = decks.addDeck(UserDeckRow { 0, "deck-a", "Deck", "a.txt", "text", std::nullopt, 1 });
        decks.addCard(UserCardRow { 0, deck, card, "", "F", "B", "f b", "", "", std::nullopt, 1 });
    }
    Bundle bundle;
    ErrorReportService reports(store, clock, bundle);

    auto unknown = reports.report("user-card", "u-1", "Other", "");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.firstError()
        == "-: u-1: item: you have imported no card u-1: pick one from the list as you type, or use Report "
           "this "
           "on the card");
    CHECK(reports.reports()->empty());
    REQUIRE(reports.report("user-card", card, "Typo or formatting", "").ok());
    REQUIRE(reports.reports()->size() == 1);
    CHECK(reports.reports()->front().itemId == card);
}
