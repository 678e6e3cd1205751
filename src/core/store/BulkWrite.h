#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace mlaprep {

class Database;

// Whether writing `incomingRows` into a table of `existingRows` is cheaper with the table's secondary
// indexes built once afterwards than kept up to date row by row: SQLite builds an index from sorted rows,
// while each row inserted into an index lands at a random place in it. Rebuilding costs the whole table,
// so it pays only when the write is large beside what is there. `existingRows` is asked only when the
// write is large at all.
bool worthRebuildingIndexes(std::int64_t incomingRows, const std::function<std::int64_t()>& existingRows);

// Runs `write` with `table`'s secondary indexes dropped, then builds each of them again from its own
// CREATE statement as stored in the schema, so no definition is copied here. `write` must not read the
// table through those indexes. Only inside the caller's transaction: when `write` throws, the rollback
// brings the indexes back with everything else. Throws DbError.
void writeWithIndexesRebuilt(Database& database, std::string_view table, const std::function<void()>& write);

} // namespace mlaprep
