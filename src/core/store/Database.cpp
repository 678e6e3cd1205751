#include "store/Database.h"

#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/StoreFiles.h"
#include "store/Transaction.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <unistd.h>

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

// Whether a read-only connection can read the file where it is: a WAL store needs its -shm file, which
// SQLite cannot create in a folder that is not writable.
bool canReadFromHere(sqlite3* handle)
{
    return sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool folderIsWritable(const std::filesystem::path& path)
{
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return access(folder.c_str(), W_OK) == 0;
}

std::string immutableUri(const std::filesystem::path& path)
{
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%') {
            static const char* Hex = "0123456789ABCDEF";
            uri += '%';
            uri += Hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            uri += Hex[static_cast<unsigned char>(c) & 0xF];
        } else {
            uri += c;
        }
    }
    return uri + "?mode=ro&immutable=1";
}

} // namespace

const char* toString(DbError::Kind kind)
{
    switch (kind) {
    case DbError::Kind::FileTooNew:
        return "was made by a newer version of mlaprep";
    case DbError::Kind::Corrupt:
        return "is damaged or is not an mlaprep data file";
    case DbError::Kind::Locked:
        return "is in use by another program";
    case DbError::Kind::Io:
        return "cannot be read or written";
    case DbError::Kind::Constraint:
        return "rejected inconsistent data";
    case DbError::Kind::Other:
        break;
    }
    return "gave a database error";
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
    int code = sqlite3_open_v2(path.c_str(), &m_handle, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code == SQLITE_OK && mode == Mode::ReadOnly && !folderIsWritable(path)
        && !canReadFromHere(m_handle)) {
        // A WAL store in a folder we cannot write to: SQLite cannot make its -shm file there. Nothing
        // can be writing it either, so read it as immutable.
        sqlite3_close_v2(m_handle);
        m_handle = nullptr;
        code = sqlite3_open_v2(immutableUri(path).c_str(), &m_handle,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
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
        } else {
            checkVersionReadable(schemaVersion());
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
    checkVersionReadable(version);
    if (version >= target) {
        return;
    }
    if (version > 0) {
        backupTo(StoreFiles(m_path).migrationBackup(version, std::time(nullptr)));
    }
    m_migrated = true;
    Transaction transaction(*this);
    for (; version < target; ++version) {
        execute(scripts[static_cast<std::size_t>(version)]);
    }
    execute("PRAGMA user_version = " + std::to_string(target));
    transaction.commit();
}

void Database::checkVersionReadable(int version) const
{
    if (version < 0) {
        throw DbError(DbError::Kind::Corrupt,
            m_path.string() + " has schema version " + std::to_string(version)
                + ", which no mlaprep writes; the file is damaged");
    }
    if (version > latestSchemaVersion()) {
        throw DbError(DbError::Kind::FileTooNew,
            m_path.string() + " has schema version " + std::to_string(version) + "; this mlaprep reads up to "
                + std::to_string(latestSchemaVersion()));
    }
}

namespace {

// The findings of a check pragma, "ok" left out. A page so damaged that SQLite cannot even walk it fails
// the check's own statement: that failure is a finding too, not an error of the check.
std::string checkFindings(Database& database, const std::string& pragma)
{
    std::string findings;
    try {
        auto statement = database.prepare(pragma);
        while (statement.step()) {
            std::string line = statement.columnText(0);
            std::replace(line.begin(), line.end(), '\n', ' ');
            if (line != "ok") {
                findings += (findings.empty() ? "" : "; ") + line;
            }
        }
    } catch (const DbError& error) {
        if (error.kind != DbError::Kind::Corrupt) {
            throw;
        }
        findings += (findings.empty() ? "" : "; ") + std::string(error.what());
    }
    return findings;
}

} // namespace

std::string Database::quickCheck()
{
    return checkFindings(*this, "PRAGMA quick_check(10)");
}

std::string Database::integrityCheck(int maxFindings)
{
    return checkFindings(*this, "PRAGMA integrity_check(" + std::to_string(maxFindings) + ")");
}

void Database::backupTo(const std::filesystem::path& target)
{
    std::error_code error;
    std::filesystem::create_directories(target.parent_path(), error);
    const auto temporary = std::filesystem::path(target.string() + ".partial");
    std::filesystem::remove(temporary, error);
    sqlite3* destination = nullptr;
    int code = sqlite3_open_v2(temporary.c_str(), &destination,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code == SQLITE_OK) {
        sqlite3_backup* backup = sqlite3_backup_init(destination, "main", m_handle, "main");
        if (backup == nullptr) {
            code = sqlite3_errcode(destination);
        } else {
            // All pages in one step: the copy is consistent without holding up a writer for long on a
            // store of a few megabytes.
            code = sqlite3_backup_step(backup, -1);
            const int finish = sqlite3_backup_finish(backup);
            code = code == SQLITE_DONE ? finish : code;
        }
    }
    const std::string detail = destination ? sqlite3_errmsg(destination) : sqlite3_errstr(code);
    sqlite3_close_v2(destination);
    if (code != SQLITE_OK) {
        std::filesystem::remove(temporary, error);
        throw DbError(classify(code), "cannot back up to " + target.string() + ": " + detail);
    }
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw DbError(DbError::Kind::Io, "cannot back up to " + target.string() + ": " + error.message());
    }
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

std::int64_t Database::dataVersion()
{
    auto statement = prepare("PRAGMA data_version");
    statement.step();
    return statement.columnInt(0);
}

void Database::fail(int code, std::string_view what) const
{
    throw DbError(classify(code), std::string(what) + ": " + sqlite3_errmsg(m_handle));
}

} // namespace mlaprep
