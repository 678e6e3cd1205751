#pragma once

#include "common/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep::interop {

// One note of an Anki plain-text file (Anki's "Notes in Plain Text" export, or any CSV/TSV written for
// Anki's importer): its fields in column order with the meta columns (guid, notetype, deck, tags) taken
// out, and those meta values.
struct AnkiTextNote {
    std::vector<std::string> fields;
    std::string guid;
    std::string deck;
    std::string notetype;
    std::vector<std::string> tags;
    int line = 0; // 1-based line of the file where the note's record starts
};

// A parsed file. `html` says whether the fields are HTML: from the `#html:` header, else sniffed as Anki
// does (any field that looks like HTML makes the whole file HTML).
struct AnkiTextFile {
    char separator = '\t';
    bool separatorFromHeader = false;
    bool html = false;
    std::string deck;
    std::string notetype;
    std::vector<std::string> globalTags;
    std::vector<std::string> columnNames;
    std::vector<AnkiTextNote> notes;
    Problems warnings; // headers that were not understood, and similar
};

struct AnkiTextReadOptions {
    std::string fileName;              // named in every problem
    std::optional<char> separator;     // overrides the header and the sniffing
};

// Reads Anki's text format as its importer does (rslib/src/import_export/text/csv): an optional `tags:`
// first line, then `#key:value` header lines (separator, html, tags, columns, notetype, deck, and the
// `… column:N` keys; unknown keys are warnings), then CSV records in the separator: fields may be quoted
// with "…" (a doubled "" inside is one quote, and a quoted field may span lines); lines starting with #
// are comments; CRLF and LF both end a record; a UTF-8 BOM is skipped. Without a separator header the
// separator is sniffed from the records (tab, |, ;, comma, colon, space: the first that splits every
// record into the same number of fields, at least two). Fails, naming file and line, on invalid UTF-8,
// an unterminated quoted field (a truncated file) or a file with no records.
Result<AnkiTextFile> readAnkiText(std::string_view bytes, const AnkiTextReadOptions& options);

// "tab", "pipe", "semicolon", "colon", "comma", "space" (any case) or a single character; nothing when
// the text names no separator Anki knows.
std::optional<char> separatorFromName(std::string_view text);
const char* separatorName(char separator);

// What writeAnkiText writes: headers `#separator`, `#html`, then `#deck:` when every note has the same deck
// (else `#deck column`), `#guid column` and `#tags column` as needed; records quoted where needed.
struct AnkiTextExport {
    std::vector<AnkiTextNote> notes;
    char separator = '\t';
    bool html = true;
    bool withGuid = true;
    bool withTags = true;
};

std::string writeAnkiText(const AnkiTextExport& file);

} // namespace mlaprep::interop
