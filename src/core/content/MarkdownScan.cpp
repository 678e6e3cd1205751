#include "content/MarkdownScan.h"

#include <md4c.h>

#include <cctype>
#include <map>

namespace mlaprep {

namespace {

struct ScanState {
    std::string_view document;
    MarkdownScan scan;
    std::map<std::string, int> slugUses;
    int headingLevel = 0; // non-zero while inside a heading
    std::string headingText;
};

std::string attributeText(const MD_ATTRIBUTE& attribute)
{
    return std::string(attribute.text, attribute.size);
}

int enterBlock(MD_BLOCKTYPE type, void* detail, void* userdata)
{
    auto* state = static_cast<ScanState*>(userdata);
    if (type == MD_BLOCK_H) {
        state->headingLevel = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        state->headingText.clear();
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void*, void* userdata)
{
    auto* state = static_cast<ScanState*>(userdata);
    if (type == MD_BLOCK_H) {
        std::string slug = slugify(state->headingText);
        int uses = state->slugUses[slug]++;
        if (uses > 0) {
            slug += "-" + std::to_string(uses);
        }
        state->scan.headings.push_back(Heading { state->headingLevel, state->headingText, slug });
        state->headingLevel = 0;
    }
    return 0;
}

int enterSpan(MD_SPANTYPE type, void* detail, void* userdata)
{
    auto* state = static_cast<ScanState*>(userdata);
    if (type == MD_SPAN_A) {
        state->scan.links.push_back(attributeText(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
    } else if (type == MD_SPAN_IMG) {
        state->scan.links.push_back(attributeText(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src));
        state->scan.images.push_back(state->scan.links.back());
    }
    return 0;
}

int leaveSpan(MD_SPANTYPE, void*, void*)
{
    return 0;
}

// Pieces that follow each other in the document (the lines of an HTML block) are kept as one, so a tag
// spread over lines is seen whole; md4c's own line breaks are not in the document and join the pieces.
void recordRawHtml(ScanState& state, const MD_CHAR* text, MD_SIZE size)
{
    auto& pieces = state.scan.rawHtml;
    const bool inDocument
        = text >= state.document.data() && text < state.document.data() + state.document.size();
    if (!inDocument) {
        if (!pieces.empty()) {
            pieces.back().text.append(text, size);
        }
        return;
    }
    const auto offset = static_cast<std::size_t>(text - state.document.data());
    if (!pieces.empty() && offset >= pieces.back().offset
        && offset <= pieces.back().offset + pieces.back().text.size()) {
        pieces.back().text.append(text, size);
        return;
    }
    pieces.push_back(MarkdownScan::RawHtml { offset, std::string(text, size) });
}

int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    auto* state = static_cast<ScanState*>(userdata);
    if (type == MD_TEXT_HTML) {
        recordRawHtml(*state, text, size);
    }
    if (state->headingLevel == 0) {
        return 0;
    }
    if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
        state->headingText += ' ';
    } else if (type == MD_TEXT_ENTITY) {
        const std::string entity(text, size);
        state->headingText += entity == "&amp;" ? "&"
            : entity == "&lt;"                  ? "<"
            : entity == "&gt;"                  ? ">"
                                                : entity;
    } else {
        state->headingText.append(text, size);
    }
    return 0;
}

} // namespace

MarkdownScan scanMarkdown(const std::string& markdown)
{
    ScanState state;
    state.document = markdown;
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = onText;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &state);
    return std::move(state.scan);
}

std::string slugify(const std::string& headingText)
{
    std::string slug;
    for (unsigned char c : headingText) {
        if (std::isalnum(c)) {
            slug += static_cast<char>(std::tolower(c));
        } else if (c == ' ' || c == '-') {
            slug += '-';
        } else if (c >= 0x80) {
            slug += static_cast<char>(c); // letters of other scripts stay, as GitHub keeps them
        }
    }
    return slug;
}

bool isExternalOrAnchorLink(const std::string& destination)
{
    if (destination.empty() || destination.front() == '#') {
        return true;
    }
    auto colon = destination.find(':');
    auto slash = destination.find('/');
    return colon != std::string::npos && (slash == std::string::npos || colon < slash);
}

} // namespace mlaprep
