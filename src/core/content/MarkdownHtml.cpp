#include "content/MarkdownHtml.h"

#include <md4c-html.h>

#include <regex>

namespace mlaprep {

namespace {

void appendOutput(const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    static_cast<std::string*>(userdata)->append(text, size);
}

std::string anchorHeadings(const std::string& html, const std::vector<Heading>& headings)
{
    static const std::regex OpeningHeading("<h[1-6]>");
    std::string result;
    result.reserve(html.size() + headings.size() * 32);
    std::size_t index = 0;
    auto last = html.cbegin();
    for (auto it = std::sregex_iterator(html.begin(), html.end(), OpeningHeading); it != std::sregex_iterator(); ++it) {
        auto matchEnd = html.cbegin() + it->position() + it->length();
        result.append(last, matchEnd);
        if (index < headings.size()) {
            result += "<a name=\"" + headings[index].slug + "\"></a>";
        }
        ++index;
        last = matchEnd;
    }
    result.append(last, html.cend());
    return result;
}

} // namespace

std::string markdownToHtml(const std::string& markdown, const std::vector<Heading>& headings)
{
    std::string html;
    html.reserve(markdown.size() * 2);
    md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), appendOutput, &html, MD_DIALECT_GITHUB, 0);
    return headings.empty() ? html : anchorHeadings(html, headings);
}

} // namespace mlaprep
