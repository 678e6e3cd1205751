#include "store/BulkWrite.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <string>
#include <utility>
#include <vector>

namespace mlaprep {

namespace {

// Below this many rows the rebuild's fixed cost (a pass over the table per index) outweighs the saving.
constexpr std::int64_t MinimumBulkRows = 2000;

std::string quotedIdentifier(std::string_view name)
{
    std::string quoted = "\"";
    for (const char c : name) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

} // namespace

bool worthRebuildingIndexes(std::int64_t incomingRows, const std::function<std::int64_t()>& existingRows)
{
    return incomingRows >= MinimumBulkRows && 2 * incomingRows >= existingRows();
}

void writeWithIndexesRebuilt(Database& database, std::string_view table, const std::function<void()>& write)
{
    // Indexes SQLite makes for PRIMARY KEY and UNIQUE constraints have no statement and cannot be dropped.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
        auto statement
            = database.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 "
                               "AND sql IS NOT NULL ORDER BY name");
        statement.bind(1, table);
        while (statement.step()) {
            indexes.emplace_back(statement.columnText(0), statement.columnText(1));
        }
    }
    for (const auto& [name, definition] : indexes) {
        database.execute("DROP INDEX " + quotedIdentifier(name));
    }
    write();
    for (const auto& [name, definition] : indexes) {
        database.execute(definition);
    }
}

} // namespace mlaprep
