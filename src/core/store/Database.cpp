#include "store/Database.h"

#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <sqlite3.h>

namespace mlaprep {

namespace {

constexpr int BusyTimeoutMs = 5000;

DbError::Kind classify(int code)
{
    switch (code & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return DbError::Kind::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DbError::Kind::Locked;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return DbError::Kind::Io;
    case SQLITE_CONSTRAINT:
        return DbError::Kind::Constraint;
    default:
        return DbError::Kind::Other;
    }
}

} // namespace

const char* toString(DbError::Kind kind)
{
    switch (kind) {
    case DbError::Kind::FileTooNew:
        return "made by a newer version of mlaprep";
    case DbError::Kind::Corrupt:
        return "damaged or not an mlaprep data file";
    case DbError::Kind::Locked:
        return "in use by another program";
    case DbError::Kind::Io:
        return "cannot be read or written";
    case DbError::Kind::Constraint:
        return "rejected inconsistent data";
    case DbError::Kind::Other:
        break;
    }
    return "database error";
}

Database::Database(const std::filesystem::path& path, Mode mode)
    : Database(path, mode, std::nullopt)
{
}

Database Database::openAtVersion(const std::filesystem::path& path, int version)
{
    return Database(path, Mode::ReadWrite, version);
}

Database::Database(const std::filesystem::path& path, Mode mode, std::optional<int> stopAtVersion)
    : m_path(path)
{
    if (mode == Mode::ReadWrite && path.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
    }
    const int flags
        = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int code = sqlite3_open_v2(path.c_str(), &m_handle, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        std::string detail = m_handle ? sqlite3_errmsg(m_handle) : sqlite3_errstr(code);
        sqlite3_close_v2(m_handle);
        m_handle = nullptr;
        throw DbError(classify(code), "cannot open " + path.string() + ": " + detail);
    }
    try {
        sqlite3_busy_timeout(m_handle, BusyTimeoutMs);
        sqlite3_extended_result_codes(m_handle, 1);
        execute("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadWrite) {
            execute("PRAGMA journal_mode = WAL");
            // FULL: a committed answer survives power loss too, not only a killed process.
            execute("PRAGMA synchronous = FULL");
            // 32 MiB of page cache (the default is 2 MiB) keeps the review-log indexes' hot pages in memory,
            // so a rating commit writes its pages instead of reading them back first.
            execute("PRAGMA cache_size = -32768");
            migrate(stopAtVersion);
        } else if (schemaVersion() > latestSchemaVersion()) {
            throw DbError(DbError::Kind::FileTooNew,
                path.string() + " has schema version " + std::to_string(schemaVersion()));
        }
    } catch (...) {
        sqlite3_close_v2(m_handle);
        m_handle = nullptr;
        throw;
    }
}

Database::~Database()
{
    sqlite3_close_v2(m_handle);
}

void Database::migrate(std::optional<int> stopAtVersion)
{
    const auto& scripts = migrationScripts();
    const int target = stopAtVersion.value_or(latestSchemaVersion());
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        throw DbError(DbError::Kind::FileTooNew,
            m_path.string() + " has schema version " + std::to_string(version) + "; this mlaprep reads up to "
                + std::to_string(latestSchemaVersion()));
    }
    if (version >= target) {
        return;
    }
    Transaction transaction(*this);
    for (; version < target; ++version) {
        execute(scripts[static_cast<std::size_t>(version)]);
    }
    execute("PRAGMA user_version = " + std::to_string(target));
    transaction.commit();
}

void Database::execute(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(m_handle, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw DbError(classify(code), detail);
    }
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* statement = nullptr;
    const int code
        = sqlite3_prepare_v2(m_handle, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) {
        fail(code, "prepare");
    }
    return Statement(*this, statement);
}

int Database::schemaVersion()
{
    auto statement = prepare("PRAGMA user_version");
    statement.step();
    return static_cast<int>(statement.columnInt(0));
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(migrationScripts().size());
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

int Database::changes() const
{
    return sqlite3_changes(m_handle);
}

void Database::fail(int code, std::string_view what) const
{
    throw DbError(classify(code), std::string(what) + ": " + sqlite3_errmsg(m_handle));
}

} // namespace mlaprep
