#include "interop/AnkiHtml.h"
#include "interop/AnkiText.h"
#include "interop/Hashing.h"
#include "support/BundleFixture.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace mlaprep;
using namespace mlaprep::interop;

namespace {

std::string fixture(const std::string& name)
{
    std::ifstream in(test::testDataDir() / "interop" / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

AnkiTextFile read(const std::string& name, std::optional<char> separator = std::nullopt)
{
    auto file = readAnkiText(fixture(name), AnkiTextReadOptions { name, separator });
    INFO(file.firstError());
    REQUIRE(file.ok());
    return file.value();
}

} // namespace

TEST_CASE("sha1 and Anki's field checksum match known values", "[interop]")
{
    CHECK(sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1Hex(std::string(1000, 'a')) == "291e9a6c66994949b57ba5e650361e98fc36b1ba");
    // csum is the first 8 hex digits of the SHA-1 of the field without HTML.
    CHECK(ankiFieldChecksum("abc") == 0xa9993e36u);
    CHECK(ankiFieldChecksum("<b>abc</b>") == 0xa9993e36u);
}

TEST_CASE("guids are stable, distinct and in Anki's base-91 alphabet", "[interop]")
{
    const std::string guid = ankiGuid("mlaprep:aws-mla-c01:c-1.1-0001");
    CHECK(guid == ankiGuid("mlaprep:aws-mla-c01:c-1.1-0001"));
    CHECK(guid != ankiGuid("mlaprep:aws-mla-c01:c-1.1-0002"));
    CHECK(guid.size() >= 8);
    CHECK(guid.size() <= 10);
    CHECK(guid.find_first_of(" \t\"'") == std::string::npos);
}

TEST_CASE("an Anki notes export is read with its guid, deck and tags columns", "[interop]")
{
    const auto file = read("anki-notes-export.txt");
    CHECK(file.separator == '\t');
    CHECK(file.separatorFromHeader);
    CHECK(file.html);
    REQUIRE(file.notes.size() == 3);
    CHECK(file.notes[0].guid == "f7Kx9#Lm2P");
    CHECK(file.notes[0].deck == "AWS::SageMaker");
    CHECK(file.notes[0].fields == std::vector<std::string> { "What does <b>SageMaker Clarify</b> detect?",
                                      "Bias in data and models, and feature attributions (SHAP)." });
    CHECK(file.notes[0].tags == std::vector<std::string> { "sagemaker", "clarify" });
    // A quoted field keeps its tab and its line break.
    CHECK(file.notes[1].fields[1] == "Inferentia (<code>inf2</code>)\tfor\ndeep learning");
    CHECK(file.notes[2].line == 9);
    CHECK(file.notes[2].fields[0] == "Quoted \"front\" with a tab\tinside");
    CHECK(file.notes[2].tags.empty());
}

TEST_CASE("without a header the separator is sniffed, pipe included", "[interop]")
{
    const auto file = read("pipe-no-header.txt");
    CHECK(file.separator == '|');
    CHECK_FALSE(file.separatorFromHeader);
    CHECK_FALSE(file.html);
    REQUIRE(file.notes.size() == 3);
    CHECK(file.notes[0].fields
        == std::vector<std::string> { "What is S3 Intelligent-Tiering?",
            "Moves objects between access tiers, automatically: no retrieval fees" });
    CHECK(file.notes[2].fields[1] == "Visual data preparation, 250+ transforms");
}

TEST_CASE("a CSV with BOM, CRLF, quoted commas and a multi-line field is read", "[interop]")
{
    const auto file = read("excel-bom-crlf.csv");
    CHECK(file.separator == ',');
    REQUIRE(file.notes.size() == 3);
    CHECK(file.notes[0].fields[0] == "Precision, recall and F1?");
    CHECK(file.notes[1].fields[0] == "What does \"drift\" mean?");
    CHECK(file.notes[1].fields[1] == "Line one\r\nLine two: the data changed <since training>");
    CHECK(file.notes[2].fields == std::vector<std::string> { "Plain front", "Plain back" });
    CHECK(file.notes[2].line == 4);
    // "<since training>" is not a tag, so the file is plain text.
    CHECK_FALSE(file.html);
}

TEST_CASE("the separator option overrides header and sniffing", "[interop]")
{
    const auto file = read("pipe-no-header.txt", ',');
    CHECK(file.separator == ',');
    CHECK(file.notes[0].fields.size() == 2);
}

TEST_CASE("an unknown header is a warning and comment lines are skipped", "[interop]")
{
    const auto file = read("unknown-header.txt");
    CHECK(file.separator == ';');
    CHECK_FALSE(file.html);
    REQUIRE(file.warnings.size() == 1);
    CHECK(formatProblem(file.warnings[0]) == "warning: unknown-header.txt: line 3: #flavour: unknown header ignored");
    REQUIRE(file.notes.size() == 2);
    CHECK(file.notes[1].fields[0] == "SageMaker JumpStart");
    CHECK(file.notes[1].line == 7);
}

TEST_CASE("empty, header-only, truncated and non-UTF-8 files are clear errors", "[interop]")
{
    const auto check = [](const std::string& name, const std::string& expected) {
        auto file = readAnkiText(fixture(name), AnkiTextReadOptions { name, std::nullopt });
        REQUIRE_FALSE(file.ok());
        CHECK(file.firstError() == expected);
    };
    check("empty.txt", "empty.txt: -: -: the file holds no notes");
    check("headers-only.txt", "headers-only.txt: -: -: the file holds no notes");
    check("truncated-quote.txt",
        "truncated-quote.txt: line 3: -: a quoted field opened here is never closed (is the file truncated, or "
        "is a \" missing?)");
    check("not-utf8.txt",
        "not-utf8.txt: line 2: -: the file is not UTF-8 text (invalid byte 18); save it as UTF-8 and import "
        "again");
}

TEST_CASE("written text reads back to the same notes", "[interop]")
{
    AnkiTextExport out;
    out.notes = {
        AnkiTextNote { { "<b>Front</b> with\ttab", "Back with \"quotes\"\nand a line" }, "g1", "A::B", "", { "t1", "t2" }, 0 },
        AnkiTextNote { { "# not a comment", "plain" }, "g2", "A::C", "", {}, 0 },
    };
    const std::string text = writeAnkiText(out);
    CHECK(text.rfind("#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n#tags column:5\n", 0) == 0);
    auto back = readAnkiText(text, AnkiTextReadOptions { "round.txt", std::nullopt });
    REQUIRE(back.ok());
    REQUIRE(back->notes.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(back->notes[i].fields == out.notes[i].fields);
        CHECK(back->notes[i].guid == out.notes[i].guid);
        CHECK(back->notes[i].deck == out.notes[i].deck);
        CHECK(back->notes[i].tags == out.notes[i].tags);
    }
}

TEST_CASE("HTML helpers strip, detect, escape and rename images", "[interop]")
{
    CHECK(stripHtmlKeepMedia("<div>A &amp; B<img src=\"x.png\"></div><!-- c -->") == "A & B x.png ");
    CHECK(looksLikeHtml("a <b>bold</b> word"));
    CHECK_FALSE(looksLikeHtml("x < y and y > z"));
    CHECK(plainTextToHtml("a < b\r\nc & d") == "a &lt; b<br>c &amp; d");
    CHECK(htmlAsMarkdown("<pre>x\ny</pre>") == "<div><pre>x&#10;y</pre></div>");
    CHECK(relativeImageSources("<img src=\"assets/a.png\"><img src='https://x/y.png'>")
        == std::vector<std::string> { "assets/a.png" });
    CHECK(renameImageSources("<img alt=\"\" src=\"assets/a.png\">", [](const std::string&) { return "a.png"; })
        == "<img alt=\"\" src=\"a.png\">");
}
