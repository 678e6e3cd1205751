#pragma once

// services/ is the API the GUI and the CLI call: one user intent is one call, one SQLite transaction,
// and a Result carrying what changed. Headers here only forward-declare store types.

#include "common/Result.h"

#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

// The learner's store, opened (and migrated) for writing. A failure is a Problem whose message says
// what is wrong in words the user can act on (too new, damaged, in use, unreadable, gone).
//
// Guarding the file (the marker files and backups are described in store/StoreFiles.h):
// - a store that was here before and is now missing or empty is reported, never recreated;
// - PRAGMA quick_check runs after a session that did not close, before and after a migration, and when
//   the last check is a week old; a failed check (detailed by integrity_check) marks the store damaged,
//   and a damaged store is not opened again, so nothing writes to it, until a backup is restored;
// - the first open of each day writes a backup (SQLite's online backup API), kept for 7 days.
class Store {
public:
    static Result<std::shared_ptr<Store>> open(
        const std::filesystem::path& path, std::time_t now = std::time(nullptr));
    // For read-only commands: never creates or migrates a store; a missing file is an error. Reads a
    // store in a folder it cannot write to.
    static Result<std::shared_ptr<Store>> openReadOnly(const std::filesystem::path& path);
    ~Store();

    // A second connection to this open store, for a worker thread (a connection is used by one thread
    // only). It checks, marks and backs up nothing: this store did that when it opened.
    Result<std::shared_ptr<Store>> openWorkerConnection() const;

    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database& database() { return *m_database; }
    const std::filesystem::path& path() const { return m_path; }

    // A backup of the open store now (File → Back up now…, mlaprep-cli backup): to `target`, or to a
    // manual-STAMP.sqlite in the backup folder. Returns the file written.
    Result<std::filesystem::path> backup(const std::optional<std::filesystem::path>& target = std::nullopt,
        std::time_t now = std::time(nullptr));

    // Whether a check found the store at `path` damaged (and it has not been restored or recovered since).
    static bool markedDamaged(const std::filesystem::path& path);

    // The backups beside the store at `path`, newest first.
    static std::vector<std::filesystem::path> backups(const std::filesystem::path& path);

    // Puts a backup in place of the store at `path` (which must not be open): checks the backup first,
    // keeps the current file (and its -wal, -shm) beside it as path.replaced-STAMP, and clears the damaged
    // mark. Without `from`, the newest backup that passes its check. Returns the backup used.
    static Result<std::filesystem::path> restore(const std::filesystem::path& path,
        const std::optional<std::filesystem::path>& from = std::nullopt,
        std::time_t now = std::time(nullptr));

    // What recover() got out of a damaged store, and where the damaged file was kept.
    struct Recovery {
        std::int64_t rowsCopied = 0;
        std::int64_t rowsUnreadable = 0;
        int damagedStretches = 0;
        std::vector<std::string> tablesLost;
        std::filesystem::path keptAs;
    };
    // For a damaged store with no good backup (or when the learner prefers it): copies every row that
    // can still be read into a new file of the same schema, checks the new file, keeps the damaged one
    // (with its -wal, -shm) beside it as path.damaged-STAMP, puts the new one in its place and clears the
    // damaged mark. The damaged file is only read, through a copy. The store at `path` must not be open.
    static Result<Recovery> recover(const std::filesystem::path& path, std::time_t now = std::time(nullptr));

private:
    Store(std::filesystem::path path, std::unique_ptr<Database> database, bool ownsOpenMarker);

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_database;
    bool m_ownsOpenMarker = false;
};

} // namespace mlaprep
