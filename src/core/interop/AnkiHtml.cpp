#include "interop/AnkiHtml.h"

#include "content/MarkdownHtml.h"

#include <regex>

namespace mlaprep::interop {

namespace {

const std::regex& imageTag()
{
    static const std::regex Image(R"re(<img[^>]*?\ssrc\s*=\s*["']?([^"'>\s]+)["']?[^>]*>)re", std::regex::icase);
    return Image;
}

std::string decodeEntities(const std::string& text)
{
    static const std::pair<std::string_view, std::string_view> Named[] = {
        { "&nbsp;", " " },
        { "&amp;", "&" },
        { "&lt;", "<" },
        { "&gt;", ">" },
        { "&quot;", "\"" },
        { "&#39;", "'" },
        { "&apos;", "'" },
    };
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, value] : Named) {
                if (text.compare(i, entity.size(), entity) == 0) {
                    result += value;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            result += text[i++];
        }
    }
    return result;
}

bool isRelativeSource(const std::string& source)
{
    return !source.empty() && source.find("://") == std::string::npos && source.rfind("data:", 0) != 0
        && source.front() != '/';
}

} // namespace

std::string stripHtmlKeepMedia(std::string_view html)
{
    static const std::regex Comment("<!--[\\s\\S]*?-->");
    static const std::regex Style("<style[^>]*>[\\s\\S]*?</style>", std::regex::icase);
    static const std::regex Script("<script[^>]*>[\\s\\S]*?</script>", std::regex::icase);
    static const std::regex Tag("<[\\s\\S]*?>");
    std::string text = std::regex_replace(std::string(html), imageTag(), " $1 ");
    text = std::regex_replace(text, Comment, "");
    text = std::regex_replace(text, Style, "");
    text = std::regex_replace(text, Script, "");
    text = std::regex_replace(text, Tag, "");
    return decodeEntities(text);
}

bool looksLikeHtml(std::string_view text)
{
    // Known element names only, so "<since training>" in plain text is not mistaken for markup.
    static const std::regex Html("<(?:/?(?:a|b|i|u|s|em|strong|br|p|div|span|img|code|pre|ul|ol|li|table|"
                                 "thead|tbody|tr|td|th|h[1-6]|hr|sub|sup|font|blockquote|audio|video)\\b[^>]*|"
                                 "!--[\\s\\S]*?--)>",
        std::regex::icase);
    return std::regex_search(text.begin(), text.end(), Html);
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
    const std::string text(html);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), imageTag()); it != std::sregex_iterator();
         ++it) {
        const std::string source = (*it)[1].str();
        if (isRelativeSource(source)) {
            sources.push_back(source);
        }
    }
    return sources;
}

std::string renameImageSources(
    std::string_view html, const std::function<std::string(const std::string&)>& rename)
{
    const std::string text(html);
    std::string result;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), imageTag()); it != std::sregex_iterator();
         ++it) {
        const auto& source = (*it)[1];
        const std::string replacement = isRelativeSource(source.str()) ? rename(source.str()) : std::string();
        if (replacement.empty()) {
            continue;
        }
        result.append(last, source.first);
        result += replacement;
        last = source.second;
    }
    result.append(last, text.cend());
    return result;
}

} // namespace mlaprep::interop
