#include "content/MarkdownHtml.h"

#include "content/HtmlScan.h"

#include <md4c-html.h>

#include <array>
#include <cctype>

namespace mlaprep {

namespace {

void appendOutput(const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    static_cast<std::string*>(userdata)->append(text, size);
}

bool isHeadingOpening(const std::string& html, std::size_t at)
{
    return html.compare(at, 2, "<h") == 0 && at + 3 < html.size() && html[at + 2] >= '1'
        && html[at + 2] <= '6' && html[at + 3] == '>';
}

std::string anchorHeadings(const std::string& html, const std::vector<Heading>& headings)
{
    std::string result;
    result.reserve(html.size() + headings.size() * 32);
    std::size_t index = 0;
    std::size_t last = 0;
    for (auto at = html.find("<h"); at != std::string::npos; at = html.find("<h", at + 1)) {
        if (!isHeadingOpening(html, at)) {
            continue;
        }
        const std::size_t openingEnd = at + 4;
        result.append(html, last, openingEnd - last);
        if (index < headings.size()) {
            result += "<a name=\"" + headings[index].slug + "\"></a>";
        }
        ++index;
        last = openingEnd;
    }
    result.append(html, last, std::string::npos);
    return result;
}

// The callout kind when `html` at `at` is "<blockquote>", optional space, "<p><strong>" and a known label
// followed by the rest of the bold text; empty otherwise. A straight scan: the label text is read once.
std::string calloutKindAt(const std::string& html, std::size_t at)
{
    static constexpr std::array<std::string_view, 4> Labels { "exam tip", "trap", "retiring", "note" };
    std::size_t i = at + std::string_view("<blockquote>").size();
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) {
        ++i;
    }
    constexpr std::string_view Opening = "<p><strong>";
    if (html.compare(i, Opening.size(), Opening) != 0) {
        return {};
    }
    i += Opening.size();
    for (const auto label : Labels) {
        if (html.size() - i < label.size()) {
            continue;
        }
        bool matches = true;
        for (std::size_t k = 0; k < label.size() && matches; ++k) {
            matches = std::tolower(static_cast<unsigned char>(html[i + k])) == label[k];
        }
        if (!matches) {
            continue;
        }
        const auto close = html.find('<', i + label.size());
        if (close == std::string::npos || html.compare(close, 9, "</strong>") != 0) {
            return {};
        }
        std::string kind(label);
        for (auto& c : kind) {
            c = c == ' ' ? '-' : c;
        }
        return kind;
    }
    return {};
}

// A block quote that opens with a bold label ("> **Trap:** ...") is a callout; its class lets the view
// colour each kind differently.
std::string classifyCallouts(const std::string& html)
{
    constexpr std::string_view Blockquote = "<blockquote>";
    std::string result;
    result.reserve(html.size());
    std::size_t last = 0;
    for (auto at = html.find(Blockquote); at != std::string::npos; at = html.find(Blockquote, at + 1)) {
        const std::string kind = calloutKindAt(html, at);
        if (kind.empty()) {
            continue;
        }
        result.append(html, last, at - last);
        result += "<blockquote class=\"callout-" + kind + "\">";
        last = at + Blockquote.size();
    }
    result.append(html, last, std::string::npos);
    return result;
}

} // namespace

std::string markdownToHtml(const std::string& markdown, const std::vector<Heading>& headings)
{
    std::string html;
    html.reserve(markdown.size() * 2);
    md_html(
        markdown.data(), static_cast<MD_SIZE>(markdown.size()), appendOutput, &html, MD_DIALECT_GITHUB, 0);
    // Raw HTML stays allowed (imported Anki cards are HTML), but only what the allow-list keeps reaches
    // a view or an export.
    html = classifyCallouts(sanitizeHtml(html));
    return headings.empty() ? html : anchorHeadings(html, headings);
}

} // namespace mlaprep
