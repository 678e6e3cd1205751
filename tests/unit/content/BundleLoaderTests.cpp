#include "content/BundleLoader.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using namespace mlaprep;

TEST_CASE("loading the minimal bundle keeps every field of every item", "[content]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    const Bundle& bundle = loaded.bundle;

    CHECK(bundle.id == "test-minimal");
    CHECK(bundle.exam.minutes == 130);
    CHECK(bundle.exam.pass == 720);
    REQUIRE(bundle.domains.size() == 4);
    CHECK(bundle.domains[0].weight == Approx(0.28));
    CHECK(bundle.domainOfTask("3.1")->id == "3");

    const Note* note = bundle.findNote("n-1.1");
    REQUIRE(note != nullptr);
    CHECK(note->title == "Data formats");
    REQUIRE(note->headings.size() == 3);
    CHECK(note->headings[1].slug == "parquet-and-orc");
    CHECK(note->hasHeading("streaming"));

    REQUIRE(bundle.cards.size() == 2);
    CHECK(bundle.cards[0].back == "Parquet.");
    CHECK(bundle.cards[0].note == "n-1.1#parquet-and-orc");
    CHECK(bundle.cards[0].file == "cards/1.1.json");

    REQUIRE(bundle.questions.size() == 5);
    const Question& single = bundle.questions[0];
    CHECK(single.type == QuestionType::Single);
    CHECK(single.options.size() == 4);
    CHECK(single.answerIds == std::vector<std::string> { "b" });
    CHECK(single.findOption("a")->why.find("Row format") == 0);
    CHECK(single.services == std::vector<std::string> { "Amazon S3" });

    const Question& matching = bundle.questions[3];
    CHECK(matching.type == QuestionType::Matching);
    CHECK(matching.answerPairs.at("p2") == "b");

    const Question& caseStudy = bundle.questions[4];
    REQUIRE(caseStudy.isCase());
    REQUIRE(caseStudy.items.size() == 2);
    CHECK(caseStudy.items[1].id == "q-3.1-001-2");
}

TEST_CASE("counts follow scored items, with case children counted and parents not", "[content]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    const BundleCounts counts = countBundle(loaded.bundle);
    CHECK(counts.notes == 4);
    CHECK(counts.cards == 2);
    CHECK(counts.questions == 5);
    CHECK(counts.scoredItems == 6);
    CHECK(counts.byDomain.at("3") == 2);
    CHECK(counts.byDomain.at("4") == 0);
    CHECK(counts.byTask.at("1.1") == 2);
    CHECK(counts.byType.at("case") == 1);
    CHECK(counts.byType.at("single") == 1);
}

TEST_CASE("a byte-order mark at the start of a JSON file is accepted", "[content]")
{
    test::BundleFixture fixture;
    fixture.writeFile("cards/2.1.json",
        "\xEF\xBB\xBF"
        R"([{"id":"c-2.1-001","task":"2.1","front":"F","back":"B"}])");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    CHECK(loaded.bundle.cards.size() == 2);
}

TEST_CASE("a manifest path that climbs out of the bundle is refused", "[content]")
{
    test::BundleFixture fixture;
    std::ifstream in(fixture.root() / "bundle.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "\"cards/2.1.json\"";
    text.replace(text.find(from), from.size(), "\"../../etc/passwd\"");
    fixture.writeFile("bundle.json", text);
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE(loaded.hasErrors());
    CHECK(loaded.problems[0].field == "cards");
}
