#pragma once

// store/ is the only place that knows SQL and includes <sqlite3.h>. Its classes throw DbError;
// services/ catch it and return Result values, so no exception reaches Qt's event loop.

#include "store/DbError.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace mlaprep {

class Statement;

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating when ReadWrite) the file, sets WAL, foreign keys and a busy timeout, and migrates
    // an older schema forward in one transaction, after a backup of the old file. Refuses a file made by a
    // newer schema (FileTooNew) or with a negative version (Corrupt). ReadOnly also reads a store in a
    // folder it cannot write to.
    explicit Database(const std::filesystem::path& path, Mode mode = Mode::ReadWrite);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // For migration tests: open without migrating past `version`.
    static Database openAtVersion(const std::filesystem::path& path, int version);

    void execute(std::string_view sql);
    Statement prepare(std::string_view sql);

    int schemaVersion();
    static int latestSchemaVersion();

    // Whether opening this connection moved the schema forward (a backup was written before it was).
    bool migrated() const { return m_migrated; }

    // PRAGMA quick_check (O(file size)): empty when the file is sound, else SQLite's first findings.
    std::string quickCheck();
    // PRAGMA integrity_check, at most `maxFindings` lines: what a failed quick check is reported with.
    std::string integrityCheck(int maxFindings = 10);

    // A consistent copy of the whole store through SQLite's online backup API, written to a temporary
    // file beside `target` and renamed into place, so a half-written backup never has the final name.
    void backupTo(const std::filesystem::path& target);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // PRAGMA data_version: changes whenever another connection (a sync worker, another process) commits
    // to the file, never for this connection's own commits. Readers that cache values compare it.
    std::int64_t dataVersion();

    const std::filesystem::path& path() const { return m_path; }

    // Throws DbError describing the last failure, classified by SQLite result code.
    [[noreturn]] void fail(int code, std::string_view what) const;

private:
    Database(const std::filesystem::path& path, Mode mode, std::optional<int> stopAtVersion);
    void migrate(std::optional<int> stopAtVersion);

    void checkVersionReadable(int version) const;

    std::filesystem::path m_path;
    sqlite3* m_handle = nullptr;
    bool m_migrated = false;
};

} // namespace mlaprep
