#pragma once

#include "interop/AnkiCollection.h"

#include <string>

namespace mlaprep {

// Writes `rows` as a schema-11 Anki collection (an in-memory SQLite database) and returns the database
// file's bytes, ready to be zipped as collection.anki2. Throws DbError.
std::string serializeAnkiCollection(const interop::AnkiCollectionRows& rows);

// Reads the notes of an Anki collection from a database file's bytes (never touching the disk). Throws
// DbError: Corrupt when the bytes are not an SQLite database or lack Anki's tables.
interop::AnkiReadCollection readAnkiCollection(const std::string& bytes);

} // namespace mlaprep
