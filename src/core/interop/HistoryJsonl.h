#pragma once

#include "srs/ReviewSource.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

// One answer of a study history in the JSON Lines format of docs/cli.md ("import-history"):
// {"item": "q-1.1-030", "at": "2026-11-20T10:15:00Z", "correct": true, "seconds": 75, "source": "practice"}
// for questions, with "rating" optional and "attempt" on exam lines; {"item", "at", "rating", "seconds",
// "source": "review"} for cards. Unknown fields are ignored.
struct HistoryEntry {
    int line = 0; // 1-based line in the file
    std::string item;
    std::int64_t atMs = 0;
    srs::ReviewSource source = srs::ReviewSource::Review;
    std::optional<bool> correct;
    std::optional<int> rating; // 1 Again … 4 Easy
    double seconds = 0.0;
    std::string attempt; // exam lines: the lines sharing it form one finished mock
};

struct HistoryFile {
    int read = 0; // non-blank lines
    std::vector<HistoryEntry> entries; // the valid lines, in file order
    std::vector<std::string> errors; // "FILE:LINE: why", one per bad line
};

// Parses the text of a history file; `fileName` prefixes the errors. Checks each line on its own (the
// item ids are checked by the caller, which knows the bundle).
HistoryFile parseHistory(std::string_view text, const std::string& fileName);

// One line of the format (no newline); `question` decides whether "correct" is written.
std::string historyLine(const HistoryEntry& entry, bool question);

// RFC 3339 with "Z" or a ±HH:MM offset and optional fractional seconds, to epoch milliseconds (UTC).
std::optional<std::int64_t> parseRfc3339(std::string_view text);
// "2026-11-20T10:15:00Z", with ".123" when the milliseconds are not zero.
std::string formatRfc3339(std::int64_t ms);

} // namespace mlaprep
