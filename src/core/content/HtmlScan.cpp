#include "content/HtmlScan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace mlaprep {

namespace {

constexpr std::array<std::string_view, 9> RawTextElements { "script", "style", "textarea", "title", "xmp",
    "iframe", "noembed", "noframes", "noscript" };

constexpr std::array<std::string_view, 62> AllowedElements { "a", "abbr", "article", "aside", "b", "big",
    "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small",
    "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u",
    "ul" };

// Elements that run code, load other resources, take input or restyle the page: dropped, and an error in
// a bundle. The document's own frame (html, head, body) is dropped quietly (Anki fields carry it).
constexpr std::array<std::string_view, 31> DangerousElements { "applet", "audio", "base", "button", "canvas",
    "embed", "form", "frame", "frameset", "iframe", "input", "link", "math", "meta", "noembed", "noframes",
    "noscript", "object", "option", "param", "portal", "script", "select", "source", "style", "svg",
    "template", "textarea", "title", "track", "video" };
constexpr std::array<std::string_view, 3> DocumentElements { "body", "head", "html" };

constexpr int MaxNesting = 64;

bool isVoid(const std::string& name)
{
    return name == "br" || name == "hr" || name == "img";
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view prefix)
{
    if (text.size() - std::min(at, text.size()) < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[at + i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

// Offset of the first case-insensitive `needle` (lower case) at or after `from`, or npos. Linear: the
// needle is short and has no repeated prefix that matters for closing tags.
std::size_t findNoCase(std::string_view text, std::string_view needle, std::size_t from)
{
    for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
        if (lower(text[at]) == needle.front() && startsWithNoCase(text, at, needle)) {
            return at;
        }
    }
    return std::string_view::npos;
}

template <std::size_t N> bool contains(const std::array<std::string_view, N>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Parses the attributes of a tag whose text (between the name and '>') is [from, to).
void parseAttributes(std::string_view html, std::size_t from, std::size_t to, HtmlTag& tag)
{
    std::size_t i = from;
    while (i < to) {
        while (i < to && (isSpace(html[i]) || html[i] == '/')) {
            ++i;
        }
        const std::size_t nameBegin = i;
        while (i < to && !isSpace(html[i]) && html[i] != '=' && html[i] != '/') {
            ++i;
        }
        if (i == nameBegin) {
            break;
        }
        HtmlTag::Attribute attribute;
        for (std::size_t k = nameBegin; k < i; ++k) {
            attribute.name += lower(html[k]);
        }
        while (i < to && isSpace(html[i])) {
            ++i;
        }
        if (i < to && html[i] == '=') {
            ++i;
            while (i < to && isSpace(html[i])) {
                ++i;
            }
            if (i < to && (html[i] == '"' || html[i] == '\'')) {
                const char quote = html[i++];
                attribute.valueBegin = i;
                while (i < to && html[i] != quote) {
                    ++i;
                }
                attribute.valueEnd = i;
                i = std::min(i + 1, to);
            } else {
                attribute.valueBegin = i;
                while (i < to && !isSpace(html[i])) {
                    ++i;
                }
                attribute.valueEnd = i;
            }
            attribute.value
                = std::string(html.substr(attribute.valueBegin, attribute.valueEnd - attribute.valueBegin));
        } else {
            attribute.valueBegin = attribute.valueEnd = i;
        }
        tag.attributes.push_back(std::move(attribute));
    }
}

void appendCodePoint(std::string& out, unsigned long codePoint)
{
    if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        out += "\xEF\xBF\xBD";
    } else if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// The target as a browser would read it: entities decoded, spaces and control characters removed.
std::string normalisedTarget(std::string_view target)
{
    std::string decoded = decodeHtmlEntities(target);
    decoded.erase(std::remove_if(decoded.begin(), decoded.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }),
        decoded.end());
    return decoded;
}

bool isRelativeInside(const std::string& target)
{
    if (target.empty() || target.front() == '/' || target.front() == '\\') {
        return false;
    }
    const auto colon = target.find(':');
    const auto end = target.find_first_of("/?#");
    if (colon != std::string::npos && (end == std::string::npos || colon < end)) {
        return false; // a scheme
    }
    int depth = 0;
    for (const auto& part : std::filesystem::path(target.substr(0, target.find_first_of("?#")))) {
        depth += part == ".." ? -1 : part == "." ? 0 : 1;
        if (depth < 0) {
            return false;
        }
    }
    return true;
}

struct AllowedAttribute {
    std::string_view element; // "*" for any
    std::string_view attribute;
};

constexpr std::array<AllowedAttribute, 14> AllowedAttributes { { { "a", "href" }, { "a", "name" },
    { "*", "id" }, { "img", "src" }, { "img", "alt" }, { "img", "title" }, { "img", "width" },
    { "img", "height" }, { "code", "class" }, { "td", "align" }, { "th", "align" }, { "td", "colspan" },
    { "th", "colspan" }, { "ol", "start" } } };

bool isAllowedAttribute(const std::string& element, const std::string& attribute)
{
    return std::any_of(AllowedAttributes.begin(), AllowedAttributes.end(), [&](const AllowedAttribute& a) {
        return (a.element == "*" || a.element == element) && a.attribute == attribute;
    });
}

} // namespace

const HtmlTag::Attribute* HtmlTag::attribute(std::string_view attributeName) const
{
    for (const auto& a : attributes) {
        if (a.name == attributeName) {
            return &a;
        }
    }
    return nullptr;
}

void scanHtml(std::string_view html, const std::function<void(std::string_view text)>& onText,
    const std::function<void(const HtmlTag& tag)>& onTag)
{
    std::size_t textBegin = 0;
    std::size_t nextGreater = 0; // cached position of the next '>', so a run of '<' stays linear
    auto flushText = [&](std::size_t until) {
        if (until > textBegin) {
            onText(html.substr(textBegin, until - textBegin));
        }
    };
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            const auto next = html.find('<', i);
            i = next == std::string_view::npos ? html.size() : next;
            continue;
        }
        HtmlTag tag;
        tag.begin = i;
        if (html.compare(i, 4, "<!--") == 0) {
            const auto close = html.find("-->", i + 4);
            tag.end = close == std::string_view::npos ? html.size() : close + 3;
        } else {
            std::size_t nameAt = i + 1;
            tag.closing = nameAt < html.size() && html[nameAt] == '/';
            nameAt += tag.closing ? 1 : 0;
            const bool declaration = nameAt < html.size() && (html[nameAt] == '!' || html[nameAt] == '?');
            if (nextGreater != std::string_view::npos && nextGreater <= i) {
                nextGreater = html.find('>', i);
            }
            const bool startsTag = nameAt < html.size()
                && (declaration || std::isalpha(static_cast<unsigned char>(html[nameAt])));
            if (!startsTag || nextGreater == std::string_view::npos) {
                ++i; // a lone '<' is text
                continue;
            }
            tag.end = nextGreater + 1;
            if (!declaration) {
                std::size_t nameEnd = nameAt;
                while (nameEnd < nextGreater && std::isalnum(static_cast<unsigned char>(html[nameEnd]))) {
                    tag.name += lower(html[nameEnd++]);
                }
                parseAttributes(html, nameEnd, nextGreater, tag);
            }
        }
        flushText(tag.begin);
        onTag(tag);
        i = tag.end;
        if (!tag.closing && contains(RawTextElements, tag.name)) {
            const std::string closingTag = "</" + tag.name;
            const auto close = findNoCase(html, closingTag, i);
            i = close == std::string_view::npos ? html.size() : close;
        }
        textBegin = i;
    }
    flushText(html.size());
}

std::string decodeHtmlEntities(std::string_view text)
{
    static const std::pair<std::string_view, std::string_view> Named[] = {
        { "&nbsp;", " " },
        { "&amp;", "&" },
        { "&lt;", "<" },
        { "&gt;", ">" },
        { "&quot;", "\"" },
        { "&apos;", "'" },
        { "&colon;", ":" },
        { "&tab;", "\t" },
        { "&newline;", "\n" },
    };
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '&') {
            result += text[i++];
            continue;
        }
        if (i + 2 < text.size() && text[i + 1] == '#') {
            const bool hex = text[i + 2] == 'x' || text[i + 2] == 'X';
            std::size_t k = i + (hex ? 3 : 2);
            unsigned long codePoint = 0;
            const std::size_t digitsBegin = k;
            while (k < text.size() && k - digitsBegin < 8
                && (hex ? std::isxdigit(static_cast<unsigned char>(text[k]))
                        : std::isdigit(static_cast<unsigned char>(text[k])))) {
                codePoint = codePoint * (hex ? 16 : 10)
                    + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(text[k]))
                            ? text[k] - '0'
                            : lower(text[k]) - 'a' + 10);
                ++k;
            }
            if (k > digitsBegin) {
                appendCodePoint(result, codePoint);
                i = k < text.size() && text[k] == ';' ? k + 1 : k;
                continue;
            }
        }
        bool replaced = false;
        for (const auto& [entity, value] : Named) {
            if (startsWithNoCase(text, i, entity)) {
                result += value;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            result += text[i++];
        }
    }
    return result;
}

std::string escapeHtml(std::string_view text)
{
    std::string result;
    result.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            result += "&amp;";
            break;
        case '<':
            result += "&lt;";
            break;
        case '>':
            result += "&gt;";
            break;
        case '"':
            result += "&quot;";
            break;
        default:
            result += c;
        }
    }
    return result;
}

bool isAllowedLinkTarget(std::string_view href)
{
    const std::string target = normalisedTarget(href);
    if (target.empty()) {
        return false;
    }
    if (target.front() == '#') {
        return true;
    }
    if (startsWithNoCase(target, 0, "https://")) {
        return target.size() > 8;
    }
    return isRelativeInside(target);
}

bool isAllowedImageSource(std::string_view source)
{
    return isRelativeInside(normalisedTarget(source));
}

std::string sanitizeHtml(std::string_view html, std::vector<HtmlViolation>* violations)
{
    std::string result;
    result.reserve(html.size());
    int depth = 0;
    int droppedOpenings = 0;
    auto report = [&](std::size_t offset, std::string message, Severity severity = Severity::Error) {
        if (violations) {
            violations->push_back(HtmlViolation { offset, std::move(message), severity });
        }
    };
    scanHtml(
        html,
        [&](std::string_view text) {
            for (const char c : text) {
                result += c == '<' ? std::string_view("&lt;") : std::string_view(&c, 1);
            }
        },
        [&](const HtmlTag& tag) {
            if (tag.name.empty()) {
                return; // comments and declarations carry nothing to show
            }
            if (contains(DocumentElements, tag.name)) {
                return;
            }
            if (contains(DangerousElements, tag.name)) {
                if (!tag.closing) {
                    report(tag.begin, "<" + tag.name + "> is not allowed (dropped)");
                }
                return;
            }
            if (!contains(AllowedElements, tag.name)) {
                // Most likely text that only looks like a tag ("SM_CHANNEL_<NAME>"): shown as written.
                const std::string_view written
                    = html.substr(tag.begin, std::min<std::size_t>(tag.end - tag.begin, 60));
                result += escapeHtml(html.substr(tag.begin, tag.end - tag.begin));
                report(tag.begin,
                    std::string(written)
                        + " is not an HTML element mlaprep shows; it is shown as text (write \\"
                        + std::string(written) + " or put it in `code`)",
                    Severity::Warning);
                return;
            }
            if (!isVoid(tag.name)) {
                // Deep nesting (10,000 ">" make as many block quotes) is flattened past MaxNesting: a view
                // lays nested blocks out recursively. Closing tags pair with the openings kept or dropped.
                if (!tag.closing && depth >= MaxNesting) {
                    ++droppedOpenings;
                    return;
                }
                if (tag.closing && droppedOpenings > 0) {
                    --droppedOpenings;
                    return;
                }
                if (tag.closing && depth == 0) {
                    return; // a closing tag with nothing open
                }
                depth += tag.closing ? -1 : 1;
            }
            result += tag.closing ? "</" : "<";
            result += tag.name;
            if (!tag.closing) {
                for (const auto& attribute : tag.attributes) {
                    if (!isAllowedAttribute(tag.name, attribute.name)) {
                        report(tag.begin,
                            "attribute " + attribute.name + " of <" + tag.name
                                + "> is not allowed (dropped)");
                        continue;
                    }
                    if (attribute.name == "href" && !isAllowedLinkTarget(attribute.value)) {
                        report(tag.begin,
                            "link to \"" + attribute.value
                                + "\" is not allowed (only https:// and links inside the bundle)");
                        continue;
                    }
                    if (attribute.name == "src" && !isAllowedImageSource(attribute.value)) {
                        report(tag.begin,
                            "image \"" + attribute.value + "\" is not inside the bundle (dropped)");
                        continue;
                    }
                    result += ' ';
                    result += attribute.name;
                    result += "=\"";
                    result += escapeHtml(decodeHtmlEntities(attribute.value));
                    result += '"';
                }
            }
            result += '>';
        });
    return result;
}

} // namespace mlaprep
