#include "store/StoreSalvage.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace mlaprep {
namespace {

constexpr int Chunk = 256;
// Jumps past an unreadable stretch grow by doubling up to this, then the table is given up on.
constexpr std::int64_t LongestJump = std::int64_t { 1 } << 40;

// `text` between `quote` characters, each quote inside doubled: an SQL identifier ('"') or literal ('\'').
std::string quotedWith(const std::string& text, char quote)
{
    std::string out(1, quote);
    for (const char c : text) {
        out += c;
        if (c == quote) {
            out += c;
        }
    }
    return out + quote;
}

std::string quoted(const std::string& name)
{
    return quotedWith(name, '"');
}

struct Table {
    std::string name;
    bool withoutRowid = false;
};

// The target's ordinary tables (not SQLite's own, not virtual tables and their shadow tables, which
// are rebuilt from what they index).
// Tables the source has and the target's schema version does not (added by hand or by a tool): made in
// the target from their own CREATE statement, so the salvage carries everything readable.
void addTablesOnlyInSource(Database& target)
{
    std::vector<std::string> creates;
    auto extra
        = target.prepare("SELECT sql FROM old.sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
                         "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                         "AND name NOT IN (SELECT name FROM main.sqlite_master)");
    while (extra.step()) {
        creates.push_back(extra.columnText(0));
    }
    for (const auto& create : creates) {
        target.execute(create);
    }
}

std::vector<Table> tablesToCopy(Database& target)
{
    std::vector<std::string> virtualTables;
    std::vector<Table> tables;
    auto list = target.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (list.step()) {
        const std::string name = list.columnText(0);
        const std::string sql = list.columnText(1);
        if (sql.rfind("CREATE VIRTUAL", 0) == 0) {
            virtualTables.push_back(name);
        } else {
            tables.push_back(Table { name, sql.find("WITHOUT ROWID") != std::string::npos });
        }
    }
    std::erase_if(tables, [&](const Table& table) {
        for (const auto& owner : virtualTables) {
            if (table.name.rfind(owner + "_", 0) == 0) {
                return true;
            }
        }
        return false;
    });
    return tables;
}

std::vector<std::string> columnsOf(Database& database, const std::string& schema, const std::string& table)
{
    std::vector<std::string> columns;
    auto info = database.prepare("SELECT name FROM pragma_table_info(?1, ?2)");
    info.bind(1, table).bind(2, schema);
    while (info.step()) {
        columns.push_back(info.columnText(0));
    }
    return columns;
}

class TableCopy {
public:
    TableCopy(Database& target, const Table& table, const std::string& columns)
        : m_target(target)
        , m_table(table)
        , m_columns(columns)
    {
    }

    void run(SalvageCounts& counts)
    {
        if (m_table.withoutRowid) {
            copyWhole(counts);
            return;
        }
        std::int64_t cursor = std::numeric_limits<std::int64_t>::min();
        std::int64_t jump = 1;
        bool readAny = false;
        bool failedAny = false;
        while (true) {
            std::vector<std::int64_t> ids;
            bool failed = false;
            try {
                auto next = m_target.prepare("SELECT rowid FROM old." + quoted(m_table.name)
                    + " WHERE rowid > ?1 ORDER BY rowid LIMIT ?2");
                next.bind(1, cursor).bind(2, Chunk);
                while (next.step()) {
                    ids.push_back(next.columnInt(0));
                }
            } catch (const DbError&) {
                failed = true;
                failedAny = true;
            }
            if (!ids.empty()) {
                readAny = true;
                copyRows(ids, counts);
                cursor = ids.back();
                jump = 1;
            }
            if (failed && ids.empty()) {
                if (jump > LongestJump || cursor > std::numeric_limits<std::int64_t>::max() - jump) {
                    break;
                }
                if (jump == 1) {
                    ++counts.damagedStretches;
                }
                cursor += jump;
                jump *= 2;
                continue;
            }
            if (!failed && static_cast<int>(ids.size()) < Chunk) {
                break;
            }
        }
        if (failedAny && !readAny) {
            counts.tablesLost.push_back(m_table.name);
        }
    }

private:
    void copyWhole(SalvageCounts& counts)
    {
        try {
            m_target.execute("INSERT OR IGNORE INTO main." + quoted(m_table.name) + " (" + m_columns
                + ") SELECT " + m_columns + " FROM old." + quoted(m_table.name));
            counts.rowsCopied += m_target.changes();
        } catch (const DbError&) {
            counts.tablesLost.push_back(m_table.name);
        }
    }

    // The rows of one chunk in one statement; when that fails, one by one, so one bad row costs itself.
    void copyRows(const std::vector<std::int64_t>& ids, SalvageCounts& counts)
    {
        const std::string insert = "INSERT OR IGNORE INTO main." + quoted(m_table.name) + " (rowid, "
            + m_columns + ") SELECT rowid, " + m_columns + " FROM old." + quoted(m_table.name);
        try {
            auto chunk = m_target.prepare(insert + " WHERE rowid >= ?1 AND rowid <= ?2");
            chunk.bind(1, ids.front()).bind(2, ids.back()).run();
            counts.rowsCopied += m_target.changes();
            return;
        } catch (const DbError&) {
        }
        auto row = m_target.prepare(insert + " WHERE rowid = ?1");
        for (const std::int64_t id : ids) {
            try {
                row.reset();
                row.bind(1, id).run();
                counts.rowsCopied += m_target.changes();
            } catch (const DbError&) {
                ++counts.rowsUnreadable;
            }
        }
    }

    Database& m_target;
    const Table& m_table;
    const std::string& m_columns;
};

} // namespace

SalvageCounts salvageStore(const std::filesystem::path& source, const std::filesystem::path& target)
{
    const int version = Database(source, Database::Mode::ReadOnly).schemaVersion();
    if (version < 1 || version > Database::latestSchemaVersion()) {
        throw DbError(DbError::Kind::Corrupt,
            "its schema version " + std::to_string(version) + " is not one mlaprep made");
    }
    Database database = Database::openAtVersion(target, version);
    database.execute("PRAGMA foreign_keys = OFF");
    // The target is a scratch file until the copy is done and checked: no sync per statement, one at
    // the end.
    database.execute("PRAGMA synchronous = OFF");
    database.execute("ATTACH DATABASE " + quotedWith(source.string(), '\'') + " AS old");
    // No transaction around the copy: a read that meets a damaged page of the attached source leaves
    // its pager in an error state that a COMMIT spanning both files then reports, losing everything.
    // Each statement commits on its own instead.
    SalvageCounts counts;
    addTablesOnlyInSource(database);
    for (const Table& table : tablesToCopy(database)) {
        std::string common;
        const auto sourceColumns = columnsOf(database, "old", table.name);
        for (const auto& column : columnsOf(database, "main", table.name)) {
            if (std::find(sourceColumns.begin(), sourceColumns.end(), column) != sourceColumns.end()) {
                common += (common.empty() ? "" : ", ") + quoted(column);
            }
        }
        if (common.empty()) {
            counts.tablesLost.push_back(table.name);
            continue;
        }
        TableCopy(database, table, common).run(counts);
    }
    database.execute("DETACH DATABASE old");
    database.execute("PRAGMA synchronous = FULL");
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    return counts;
}

} // namespace mlaprep
