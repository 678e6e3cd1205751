#pragma once

// The rows of a schema-11 Anki collection (collection.anki2 / collection.anki21), as plain values: what
// interop/ builds for an export and reads back on an import, and what store/AnkiCollectionFile writes to
// and reads from SQLite. Layout as Anki 2.1's legacy schema (and genanki) write it: one `col` row whose
// conf, models, decks and dconf columns hold JSON; `notes` with fields joined by 0x1f; one `cards` row
// per note here (Basic note type: one template).

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep::interop {

inline constexpr char AnkiFieldSeparator = '\x1f';
inline constexpr int AnkiLegacySchemaVersion = 11;

struct AnkiCardRow {
    std::int64_t id = 0;
    std::int64_t deckId = 1;
    int type = 0;   // 0 new, 1 learning, 2 review, 3 relearning
    int queue = 0;  // 0 new, 1 learning, 2 review
    std::int64_t due = 0; // new: position; learning: epoch seconds; review: days since col.crt
    int interval = 0;
    int factor = 0;
    int reps = 0;
    int lapses = 0;
    int left = 0;
    std::string data; // JSON; FSRS memory state {"s","d","dr"} as Anki 23.10+ keeps it
};

struct AnkiNoteRow {
    std::int64_t id = 0;
    std::string guid;
    std::int64_t modelId = 0;
    std::string tags;      // " tag1 tag2 " as Anki stores them
    std::string fields;    // joined by AnkiFieldSeparator
    std::string sortField;
    std::uint32_t checksum = 0;
    AnkiCardRow card;
};

struct AnkiCollectionRows {
    std::int64_t createdSeconds = 0; // col.crt
    std::int64_t modifiedMs = 0;     // col.mod, col.scm
    int version = AnkiLegacySchemaVersion;
    std::string confJson = "{}";
    std::string modelsJson = "{}";
    std::string decksJson = "{}";
    std::string dconfJson = "{}";
    std::vector<AnkiNoteRow> notes;
};

// What an import reads from a collection: each note with its model id and the deck of its first card.
struct AnkiReadNote {
    std::int64_t id = 0;
    std::string guid;
    std::int64_t modelId = 0;
    std::string tags;
    std::string fields;
    std::int64_t deckId = 0;
};

struct AnkiReadCollection {
    int version = 0;
    std::string modelsJson;
    std::string decksJson;
    std::vector<AnkiReadNote> notes;
};

} // namespace mlaprep::interop
