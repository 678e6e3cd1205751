#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mlaprep {

// What a salvage got out of a damaged store.
struct SalvageCounts {
    std::int64_t rowsCopied = 0;
    // Rows SQLite found but could not read, and stretches of a table it could not walk (a damaged page
    // of a b-tree hides however many rows it held: those are not counted, only the stretch).
    std::int64_t rowsUnreadable = 0;
    int damagedStretches = 0;
    // Tables of which nothing at all could be read.
    std::vector<std::string> tablesLost;
};

// Copies every row SQLite can still read from the damaged store at `source` (a copy of it: the damaged
// file itself is only read) into the new store file `target`, which gets the source's schema version:
// table by table in rowid order, stepping past pages that cannot be read, in one transaction. This is
// the b-tree half of the sqlite3 shell's .recover (the recover extension that also reads orphaned pages
// is not in Debian's libsqlite3 3.40). Throws DbError when not even the schema can be read.
SalvageCounts salvageStore(const std::filesystem::path& source, const std::filesystem::path& target);

} // namespace mlaprep
