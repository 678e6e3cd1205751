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
    mlaprep::markdownToHtml(text, scan.headings);
    // What the sanitiser lets through must stay as it is when sanitised again.
    std::vector<mlaprep::HtmlViolation> violations;
    const std::string once = mlaprep::sanitizeHtml(text, &violations);
    if (mlaprep::sanitizeHtml(once) != once) {
        __builtin_trap();
    }
    return 0;
}
