#include "content/MarkdownHtml.h"

#include <md4c-html.h>

#include <cctype>
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
    for (auto it = std::sregex_iterator(html.begin(), html.end(), OpeningHeading);
         it != std::sregex_iterator(); ++it) {
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

// A block quote that opens with a bold label ("> **Trap:** ...") is a callout; its class lets the view
// colour each kind differently.
std::string classifyCallouts(const std::string& html)
{
    static const std::regex Callout(
        R"(<blockquote>\s*<p><strong>(Exam tip|Trap|Retiring|Note)[^<]*</strong>)", std::regex::icase);
    std::string result;
    auto last = html.cbegin();
    for (auto it = std::sregex_iterator(html.begin(), html.end(), Callout); it != std::sregex_iterator();
         ++it) {
        std::string kind = (*it)[1].str();
        for (auto& c : kind) {
            c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        result.append(last, html.cbegin() + it->position());
        result += "<blockquote class=\"callout-" + kind + "\">";
        last = html.cbegin() + it->position()
            + static_cast<std::ptrdiff_t>(std::string("<blockquote>").size());
    }
    result.append(last, html.cend());
    return result;
}

} // namespace

std::string markdownToHtml(const std::string& markdown, const std::vector<Heading>& headings)
{
    std::string html;
    html.reserve(markdown.size() * 2);
    md_html(
        markdown.data(), static_cast<MD_SIZE>(markdown.size()), appendOutput, &html, MD_DIALECT_GITHUB, 0);
    html = classifyCallouts(html);
    return headings.empty() ? html : anchorHeadings(html, headings);
}

} // namespace mlaprep
