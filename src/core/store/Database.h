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
    // an older schema forward in one transaction. Refuses a file made by a newer schema (FileTooNew).
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

    std::int64_t lastInsertRowId() const;
    int changes() const;

    const std::filesystem::path& path() const { return m_path; }

    // Throws DbError describing the last failure, classified by SQLite result code.
    [[noreturn]] void fail(int code, std::string_view what) const;

private:
    Database(const std::filesystem::path& path, Mode mode, std::optional<int> stopAtVersion);
    void migrate(std::optional<int> stopAtVersion);

    std::filesystem::path m_path;
    sqlite3* m_handle = nullptr;
};

} // namespace mlaprep
