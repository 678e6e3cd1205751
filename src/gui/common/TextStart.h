#pragma once

#include <QString>

#include <string>

namespace mlaprep::gui {

// The start of a Markdown text as one plain line for a list or a printed summary: whitespace folded,
// Markdown marks dropped, cut at the last whole word within `limit` characters with " …" after it,
// never mid-word.
QString plainStart(const std::string& markdown, int limit);

} // namespace mlaprep::gui
