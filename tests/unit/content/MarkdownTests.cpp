#include "content/MarkdownHtml.h"
#include "content/MarkdownScan.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

TEST_CASE("slugs are lower case with hyphens for spaces and punctuation dropped", "[content]")
{
    CHECK(slugify("Parquet and ORC") == "parquet-and-orc");
    CHECK(slugify("S3 vs. EFS: which?") == "s3-vs-efs-which");
    CHECK(slugify("Pipe/FastFile modes") == "pipefastfile-modes");
    CHECK(slugify("Kinesis Data Streams (KDS)") == "kinesis-data-streams-kds");
}

TEST_CASE("headings inside code blocks are not headings", "[content]")
{
    const auto scan = scanMarkdown("# Title\n\n```bash\n# not a heading\n```\n\n## Real *one*\n");
    REQUIRE(scan.headings.size() == 2);
    CHECK(scan.headings[1].text == "Real one");
    CHECK(scan.headings[1].slug == "real-one");
    CHECK(scan.headings[1].level == 2);
}

TEST_CASE("repeated headings get numbered slugs", "[content]")
{
    const auto scan = scanMarkdown("## Traps\n\n## Traps\n");
    REQUIRE(scan.headings.size() == 2);
    CHECK(scan.headings[0].slug == "traps");
    CHECK(scan.headings[1].slug == "traps-1");
}

TEST_CASE("links and images are collected and classified", "[content]")
{
    const auto scan
        = scanMarkdown("See [docs](https://docs.aws.amazon.com/x) and ![d](../assets/d.png) and [t](#top).");
    REQUIRE(scan.links.size() == 3);
    CHECK(isExternalOrAnchorLink(scan.links[0]));
    CHECK_FALSE(isExternalOrAnchorLink(scan.links[1]));
    CHECK(isExternalOrAnchorLink(scan.links[2]));
}

TEST_CASE("HTML rendering keeps tables and code and anchors headings", "[content]")
{
    const std::string markdown
        = "# Formats\n\n| A | B |\n|---|---|\n| Parquet | columnar |\n\n```\ncode()\n```\n";
    const auto html = markdownToHtml(markdown, scanMarkdown(markdown).headings);
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("<td>Parquet</td>") != std::string::npos);
    CHECK(html.find("<pre><code>code()") != std::string::npos);
    CHECK(html.find("<h1><a name=\"formats\"></a>Formats</h1>") != std::string::npos);
}

TEST_CASE("callouts get a class by their label and plain quotes stay plain", "[content]")
{
    const auto html = markdownToHtml("> **Trap:** leaks.\n\n> **Exam tip:** median.\n\n> A quote.\n");
    CHECK(html.find("<blockquote class=\"callout-trap\">") != std::string::npos);
    CHECK(html.find("<blockquote class=\"callout-exam-tip\">") != std::string::npos);
    CHECK(html.find("<blockquote>\n<p>A quote.") != std::string::npos);
}
