// The Markdown renderer and scanner, and the HTML sanitiser behind them, on arbitrary text.

#include "content/HtmlScan.h"
#include "content/MarkdownHtml.h"
#include "content/MarkdownScan.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto scan = mlaprep::scanMarkdown(text);
    const std::string html = mlaprep::markdownToHtml(text, scan.headings);
    // What the sanitiser lets through must stay as it is when sanitised again.
    if (mlaprep::sanitizeHtml(html) != html) {
        __builtin_trap();
    }
    std::vector<mlaprep::HtmlViolation> violations;
    mlaprep::sanitizeHtml(text, &violations);
    return 0;
}
