#include "interop/AnkiHtml.h"

#include "content/MarkdownHtml.h"

#include "content/HtmlScan.h"

#include <algorithm>
#include <iterator>

namespace mlaprep::interop {

namespace {

bool isRelativeSource(const std::string& source)
{
    return !source.empty() && source.find("://") == std::string::npos && source.rfind("data:", 0) != 0
        && source.front() != '/';
}

// Each <img> tag's src attribute, in order (the linear scanner: no regex on imported text).
void forEachImageSource(std::string_view html, const std::function<void(const HtmlTag::Attribute&)>& visit)
{
    scanHtml(
        html, [](std::string_view) {},
        [&](const HtmlTag& tag) {
            if (tag.name == "img" && !tag.closing) {
                if (const auto* source = tag.attribute("src"); source && !source->value.empty()) {
                    visit(*source);
                }
            }
        });
}

} // namespace

std::string stripHtmlKeepMedia(std::string_view html)
{
    std::string text;
    text.reserve(html.size());
    scanHtml(
        html, [&](std::string_view run) { text.append(run); },
        [&](const HtmlTag& tag) {
            if (tag.name == "img" && !tag.closing) {
                if (const auto* source = tag.attribute("src"); source && !source->value.empty()) {
                    text += " " + source->value + " ";
                }
            }
        });
    return decodeHtmlEntities(text);
}

bool looksLikeHtml(std::string_view text)
{
    // Known element names only, so "<since training>" in plain text is not mistaken for markup.
    static constexpr std::string_view Known[] = { "a", "b", "i", "u", "s", "em", "strong", "br", "p", "div",
        "span", "img", "code", "pre", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "sub", "sup", "font", "blockquote", "audio", "video" };
    bool found = false;
    scanHtml(
        text, [](std::string_view) {},
        [&](const HtmlTag& tag) {
            const bool comment = text.compare(tag.begin, 4, "<!--") == 0;
            found = found || comment
                || std::find(std::begin(Known), std::end(Known), tag.name) != std::end(Known);
        });
    return found;
}

std::string plainTextToHtml(std::string_view text)
{
    std::string html;
    html.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '&') {
            html += "&amp;";
        } else if (c == '<') {
            html += "&lt;";
        } else if (c == '>') {
            html += "&gt;";
        } else if (c == '\r') {
            // A CR before LF is part of the line break; a lone CR is one.
            if (i + 1 >= text.size() || text[i + 1] != '\n') {
                html += "<br>";
            }
        } else if (c == '\n') {
            html += "<br>";
        } else {
            html += c;
        }
    }
    return html;
}

std::string htmlAsMarkdown(std::string_view html)
{
    std::string block = "<div>";
    for (const char c : html) {
        if (c == '\n') {
            block += "&#10;";
        } else if (c != '\r') {
            block += c;
        }
    }
    block += "</div>";
    return block;
}

std::string markdownToAnkiHtml(const std::string& markdown)
{
    std::string html = markdownToHtml(markdown);
    while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) {
        html.pop_back();
    }
    return html;
}

std::vector<std::string> relativeImageSources(std::string_view html)
{
    std::vector<std::string> sources;
    forEachImageSource(html, [&](const HtmlTag::Attribute& source) {
        if (isRelativeSource(source.value)) {
            sources.push_back(source.value);
        }
    });
    return sources;
}

std::string renameImageSources(
    std::string_view html, const std::function<std::string(const std::string&)>& rename)
{
    std::string result;
    std::size_t last = 0;
    forEachImageSource(html, [&](const HtmlTag::Attribute& source) {
        const std::string replacement = isRelativeSource(source.value) ? rename(source.value) : std::string();
        if (replacement.empty()) {
            return;
        }
        result.append(html.substr(last, source.valueBegin - last));
        result += replacement;
        last = source.valueEnd;
    });
    result.append(html.substr(last));
    return result;
}

} // namespace mlaprep::interop
