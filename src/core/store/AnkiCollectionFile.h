#pragma once

#include "interop/AnkiCollection.h"

#include <chrono>
#include <cstddef>
#include <string>

namespace mlaprep {

// Writes `rows` as a schema-11 Anki collection (an in-memory SQLite database) and returns the database
// file's bytes, ready to be zipped as collection.anki2. Throws DbError.
std::string serializeAnkiCollection(const interop::AnkiCollectionRows& rows);

// Reads the notes of an Anki collection from a database file's bytes (never touching the disk). Throws
// DbError: Corrupt when the bytes are not an SQLite database or lack Anki's tables; Other when reading
// takes longer than `budget` (a view that never ends, a query made slow on purpose) or the collection
// holds more than MaxAnkiNotes notes.
inline constexpr std::size_t MaxAnkiNotes = 500'000;
interop::AnkiReadCollection readAnkiCollection(
    const std::string& bytes, std::chrono::milliseconds budget = std::chrono::seconds(30));

} // namespace mlaprep
