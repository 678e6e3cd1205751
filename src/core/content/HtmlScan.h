#pragma once

#include "common/Problem.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

// One tag of an HTML text, as a linear scanner sees it: a tag runs from '<' to the first '>' after it
// (a comment to "-->"), so no input can make the scan backtrack or recurse.
struct HtmlTag {
    struct Attribute {
        std::string name; // lower case
        std::string value; // as written (entities not decoded), without quotes
        std::size_t valueBegin = 0; // offsets of the value inside the scanned text
        std::size_t valueEnd = 0;
    };

    std::size_t begin = 0; // offset of '<'
    std::size_t end = 0; // one past '>'
    std::string name; // lower case; empty for a comment, doctype or processing instruction
    bool closing = false;
    std::vector<Attribute> attributes;

    const Attribute* attribute(std::string_view attributeName) const;
};

// Calls onText for each run of text and onTag for each tag, in order. The content of script, style and
// the other raw-text elements is skipped, not reported as text. A '<' that starts no tag is text.
void scanHtml(std::string_view html, const std::function<void(std::string_view text)>& onText,
    const std::function<void(const HtmlTag& tag)>& onTag);

// "&amp;" → "&", "&#106;" → "j"; unknown entities stay as written.
std::string decodeHtmlEntities(std::string_view text);

// &, <, > and " as entities, for text or a double-quoted attribute value.
std::string escapeHtml(std::string_view text);

// What a link in content may point at: an https: address (opened in the system browser after a
// confirmation) or an anchor or relative path inside the bundle (shown in the app). Entities and
// letter case are taken as a browser would, so "JaVaScRiPt&#58;" is refused too.
bool isAllowedLinkTarget(std::string_view href);

// An image may only come from inside the bundle: a relative path that does not climb out of it.
bool isAllowedImageSource(std::string_view source);

struct HtmlViolation {
    std::size_t offset = 0; // of the tag in the scanned text
    std::string message;
    Severity severity = Severity::Error; // a warning when the tag is kept as text, not dropped
};

// Keeps only the tags and attributes the app's views need (formatting, lists, tables, code, allowed
// links and images) and drops what can run code, load resources or restyle the view — script and style
// with their content, event handlers, style attributes, forms, <link>, <meta>, frames. A tag of no known
// element ("<NAME>" in running text) is shown as text. Each is reported to `violations` when given.
std::string sanitizeHtml(std::string_view html, std::vector<HtmlViolation>* violations = nullptr);

} // namespace mlaprep
