#pragma once

// interop/ converts between mlaprep's content and other tools' formats (Anki, other question banks). It is
// pure: bytes and values in, values out. It never includes store/ or <sqlite3.h>; services/ combine it with
// the store.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep::interop {

// Anki's strip_html_preserving_media_filenames: <img src="x.png"> becomes " x.png ", then comments, style
// and script elements and tags go and the common entities are decoded. Used for checksums and duplicates.
std::string stripHtmlKeepMedia(std::string_view html);

// Whether a field is HTML: a tag of a common HTML element (or a comment) somewhere in it.
bool looksLikeHtml(std::string_view text);

// Plain text as an HTML field: & < > escaped, line breaks as <br>.
std::string plainTextToHtml(std::string_view text);

// HTML as a Markdown field that mlaprep's renderer passes through unchanged: one raw HTML block on one line
// (line breaks become &#10;, which renders as a line break inside <pre> and as a space elsewhere).
std::string htmlAsMarkdown(std::string_view html);

// Our Markdown rendered to the simple HTML Anki shows (md4c, GitHub dialect: tables and code kept).
std::string markdownToAnkiHtml(const std::string& markdown);

// The relative src="…" of every <img> in `html`, in order (absolute URLs and data: URIs are skipped).
std::vector<std::string> relativeImageSources(std::string_view html);

// `html` with each relative image source replaced by `rename(source)` (unchanged when it returns "").
std::string renameImageSources(std::string_view html, const std::function<std::string(const std::string&)>& rename);

} // namespace mlaprep::interop
