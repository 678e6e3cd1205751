#pragma once

#include "content/Bundle.h"

#include <string>
#include <vector>

namespace mlaprep {

// What validation and navigation need to know about a Markdown text, read with md4c's parser
// (CommonMark + GitHub tables), so that a heading inside a code block is never taken for one.
struct MarkdownScan {
    std::vector<Heading> headings; // in document order; repeated slugs get "-1", "-2" as on GitHub
    std::vector<std::string> links; // link and image destinations, as written
    std::vector<std::string> images; // the image destinations among them

    // Raw HTML as written in the Markdown (an HTML block, or inline tags), with its byte offset.
    struct RawHtml {
        std::size_t offset = 0;
        std::string text;
    };
    std::vector<RawHtml> rawHtml;
};

MarkdownScan scanMarkdown(const std::string& markdown);

// "Parquet and ORC" → "parquet-and-orc": lower case, spaces to hyphens, other ASCII punctuation dropped.
std::string slugify(const std::string& headingText);

// True for destinations that leave the bundle (https:, mailto:, …) or point inside the same page (#…).
bool isExternalOrAnchorLink(const std::string& destination);

} // namespace mlaprep
