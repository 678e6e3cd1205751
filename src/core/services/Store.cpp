#include "services/Store.h"

#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/StoreFiles.h"
#include "store/StoreSalvage.h"

#include <unistd.h>

namespace mlaprep {

namespace {

constexpr std::time_t CheckEverySeconds = 7 * 24 * 3600;
constexpr int DailyBackupsKept = 7;

using OpenResult = Result<std::shared_ptr<Store>>;

std::string restoreAdvice(const std::filesystem::path& path)
{
    const auto backups = Store::backups(path);
    if (backups.empty()) {
        return " No backup of it was found.";
    }
    return " Restore the last good backup (" + backups.front().filename().string()
        + ") from the app's File menu or with mlaprep-cli restore --db " + path.string() + ".";
}

OpenResult openFailure(const std::filesystem::path& path, const DbError& error)
{
    std::string message = "The data file " + std::string(toString(error.kind)) + " (" + error.what() + ").";
    if (error.kind == DbError::Kind::Corrupt) {
        message += " It was left as it is." + restoreAdvice(path);
    }
    return OpenResult::failure(storeProblem(message, path));
}

// The time of the last good check, kept in the "known" marker; 0 when never checked.
std::time_t lastCheck(const StoreFiles& files)
{
    try {
        return static_cast<std::time_t>(std::stoll(readSmallFile(files.knownMarker)));
    } catch (const std::exception&) {
        return 0;
    }
}

// A failed check leaves the damaged mark (with the findings), so that no later open writes to the file.
OpenResult markDamaged(const StoreFiles& files, const std::string& findings)
{
    writeSmallFile(files.damagedMarker, findings + "\n");
    return OpenResult::failure(storeProblem("The data file is damaged (SQLite's check found: " + findings
            + "). It was left as it is and nothing was written to it." + restoreAdvice(files.store),
        files.store));
}

// The checks before any write: refused versions throw, a failed quick check is detailed by a full
// integrity check. Empty when the store may be opened for writing.
std::optional<OpenResult> checkBeforeWriting(const StoreFiles& files, std::time_t now)
{
    if (std::filesystem::exists(files.damagedMarker)) {
        return OpenResult::failure(storeProblem("The data file was found damaged earlier ("
                + readSmallFile(files.damagedMarker).substr(0, 300)
                + ") and is not used until it is restored." + restoreAdvice(files.store),
            files.store));
    }
    Database reader(files.store, Database::Mode::ReadOnly);
    const bool migrationDue = reader.schemaVersion() < Database::latestSchemaVersion();
    const bool uncleanShutdown = std::filesystem::exists(files.openMarker);
    const bool weekly = now - lastCheck(files) >= CheckEverySeconds;
    if (!migrationDue && !uncleanShutdown && !weekly) {
        return std::nullopt;
    }
    if (const auto findings = reader.quickCheck(); !findings.empty()) {
        const auto detail = reader.integrityCheck();
        return markDamaged(files, detail.empty() ? findings : detail);
    }
    writeSmallFile(files.knownMarker, std::to_string(now));
    return std::nullopt;
}

void writeDailyBackup(Database& database, const StoreFiles& files, std::time_t now)
{
    const auto today = files.dailyBackup(localDay(now));
    std::error_code error;
    if (std::filesystem::exists(today, error)) {
        return;
    }
    database.backupTo(today);
    for (int age = DailyBackupsKept; age < DailyBackupsKept + 60; ++age) {
        std::filesystem::remove(
            files.dailyBackup(localDay(now - static_cast<std::time_t>(age) * 24 * 3600)), error);
    }
    // Migration backups are kept for the same week.
    for (const auto& backup : files.backupsNewestFirst()) {
        const auto name = backup.filename().string();
        if (name.rfind("before-v", 0) == 0) {
            const auto age = std::filesystem::file_time_type::clock::now()
                - std::filesystem::last_write_time(backup, error);
            if (!error && age > std::chrono::hours(24 * DailyBackupsKept)) {
                std::filesystem::remove(backup, error);
            }
        }
    }
}

// Moves the store file (when there is one) and its -wal and -shm to `aside`, so that no stale WAL is
// applied to whatever takes its place. Sets `error` when the store file itself could not be moved.
void moveStoreAside(
    const std::filesystem::path& path, const std::filesystem::path& aside, std::error_code& error)
{
    if (std::filesystem::exists(path, error)) {
        std::filesystem::rename(path, aside, error);
    }
    if (error) {
        return;
    }
    std::error_code ignored;
    for (const char* suffix : { "-wal", "-shm" }) {
        std::filesystem::rename(path.string() + suffix, aside.string() + suffix, ignored);
    }
}

// A store put in place by restore or recover: no longer marked damaged, and checked as of `now`.
void markReplacedSound(const StoreFiles& files, std::time_t now)
{
    std::error_code error;
    std::filesystem::remove(files.damagedMarker, error);
    writeSmallFile(files.knownMarker, std::to_string(now));
}

bool isEmptyOrMissing(const std::filesystem::path& path)
{
    std::error_code error;
    return !std::filesystem::exists(path, error)
        || (std::filesystem::is_regular_file(path, error) && std::filesystem::file_size(path, error) == 0);
}

// A store recorded here before that is now missing or empty is reported, never silently replaced.
std::optional<OpenResult> reportVanished(const StoreFiles& files)
{
    std::error_code error;
    if (!std::filesystem::exists(files.knownMarker, error) || !isEmptyOrMissing(files.store)) {
        return std::nullopt;
    }
    const bool missing = !std::filesystem::exists(files.store, error);
    return OpenResult::failure(
        storeProblem("Your data file was here before but is now " + std::string(missing ? "missing" : "empty")
                + ". No new one was created in its place." + restoreAdvice(files.store)
                + " To start afresh instead, delete " + files.knownMarker.filename().string() + ".",
            files.store));
}

} // namespace

Store::Store(std::filesystem::path path, std::unique_ptr<Database> database, bool ownsOpenMarker)
    : m_path(std::move(path))
    , m_database(std::move(database))
    , m_ownsOpenMarker(ownsOpenMarker)
{
}

Store::~Store()
{
    m_database.reset();
    if (m_ownsOpenMarker) {
        std::error_code error;
        std::filesystem::remove(StoreFiles(m_path).openMarker, error);
    }
}

OpenResult Store::open(const std::filesystem::path& path, std::time_t now)
{
    const StoreFiles files(path);
    std::error_code error;
    const bool known = std::filesystem::exists(files.knownMarker, error);
    if (auto vanished = reportVanished(files)) {
        return std::move(*vanished);
    }
    if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
        return OpenResult::failure(storeProblem(
            "The data file cannot be read or written: there is a folder or a device in its place.", path));
    }
    try {
        const bool existed = !isEmptyOrMissing(path);
        if (existed) {
            if (auto refused = checkBeforeWriting(files, now)) {
                return std::move(*refused);
            }
        }
        auto database = std::make_unique<Database>(path);
        if (database->migrated() && existed) {
            if (const auto findings = database->quickCheck(); !findings.empty()) {
                database.reset();
                return markDamaged(files, findings);
            }
        }
        if (!known || !existed) {
            writeSmallFile(files.knownMarker, std::to_string(now));
        }
        const bool ownsOpenMarker = writeSmallFile(files.openMarker, std::to_string(getpid()) + "\n");
        if (existed) {
            writeDailyBackup(*database, files, now);
        }
        return std::shared_ptr<Store>(new Store(path, std::move(database), ownsOpenMarker));
    } catch (const DbError& e) {
        return openFailure(path, e);
    } catch (...) {
        return OpenResult::failure(currentProblem());
    }
}

OpenResult Store::openWorkerConnection() const
{
    try {
        return std::shared_ptr<Store>(new Store(m_path, std::make_unique<Database>(m_path), false));
    } catch (const DbError& e) {
        return openFailure(m_path, e);
    }
}

OpenResult Store::openReadOnly(const std::filesystem::path& path)
{
    if (auto vanished = reportVanished(StoreFiles(path))) {
        return std::move(*vanished);
    }
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return OpenResult::failure(storeProblem("There is no data file here.", path));
    }
    const StoreFiles files(path);
    if (std::filesystem::exists(files.damagedMarker, error)) {
        return OpenResult::failure(
            storeProblem("The data file was found damaged earlier and is not used until it is restored."
                    + restoreAdvice(path),
                path));
    }
    try {
        auto database = std::make_unique<Database>(path, Database::Mode::ReadOnly);
        // A session that did not close may have left damage behind: a reading command checks too, so it
        // never reports from a damaged file (the check reads only).
        if (std::filesystem::exists(files.openMarker, error)) {
            if (const auto findings = database->quickCheck(); !findings.empty()) {
                const auto detail = database->integrityCheck();
                database.reset();
                return markDamaged(files, detail.empty() ? findings : detail);
            }
        }
        return std::shared_ptr<Store>(new Store(path, std::move(database), false));
    } catch (const DbError& e) {
        return openFailure(path, e);
    } catch (...) {
        return OpenResult::failure(currentProblem());
    }
}

Result<std::filesystem::path> Store::backup(
    const std::optional<std::filesystem::path>& target, std::time_t now)
{
    const auto destination = target.value_or(StoreFiles(m_path).manualBackup(now));
    try {
        m_database->backupTo(destination);
        return destination;
    } catch (const DbError& e) {
        return Result<std::filesystem::path>::failure(
            storeProblem(std::string("The backup could not be written: ") + e.what(), destination));
    }
}

std::vector<std::filesystem::path> Store::backups(const std::filesystem::path& path)
{
    return StoreFiles(path).backupsNewestFirst();
}

Result<std::filesystem::path> Store::restore(
    const std::filesystem::path& path, const std::optional<std::filesystem::path>& from, std::time_t now)
{
    using RestoreResult = Result<std::filesystem::path>;
    const StoreFiles files(path);
    std::vector<std::filesystem::path> candidates
        = from ? std::vector<std::filesystem::path> { *from } : backups(path);
    if (candidates.empty()) {
        return RestoreResult::failure(storeProblem("There is no backup to restore.", path));
    }
    std::string refusals;
    for (const auto& candidate : candidates) {
        try {
            Database backup(candidate, Database::Mode::ReadOnly);
            if (const auto findings = backup.quickCheck(); !findings.empty()) {
                refusals += " " + candidate.filename().string() + " is damaged too (" + findings + ").";
                continue;
            }
            std::error_code error;
            moveStoreAside(path, path.string() + ".replaced-" + localStamp(now), error);
            if (error) {
                return RestoreResult::failure(storeProblem(
                    "The data file could not be moved aside, so nothing was restored: " + error.message(),
                    path));
            }
            backup.backupTo(path);
            markReplacedSound(files, now);
            return candidate;
        } catch (const DbError& e) {
            refusals += " " + candidate.filename().string() + " cannot be used (" + e.what() + ").";
        }
    }
    return RestoreResult::failure(storeProblem("No backup could be restored." + refusals, path));
}

bool Store::markedDamaged(const std::filesystem::path& path)
{
    std::error_code error;
    return std::filesystem::exists(StoreFiles(path).damagedMarker, error);
}

Result<Store::Recovery> Store::recover(const std::filesystem::path& path, std::time_t now)
{
    using RecoverResult = Result<Recovery>;
    const StoreFiles files(path);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error) || std::filesystem::file_size(path, error) == 0) {
        return RecoverResult::failure(storeProblem("There is no data file here to recover.", path));
    }
    const std::string stamp = localStamp(now);
    const std::filesystem::path copy = path.string() + ".recover-source";
    const std::filesystem::path recovered = path.string() + ".recovered-" + stamp;
    const auto removeWork = [&] {
        for (const auto& work : { copy, recovered }) {
            for (const char* suffix : { "", "-wal", "-shm", "-journal" }) {
                std::filesystem::remove(work.string() + suffix, error);
            }
        }
    };
    removeWork();
    try {
        // The damaged file is only ever read: SQLite works on a copy (with its -wal, whose committed
        // transactions count), so not even a checkpoint touches the original.
        std::filesystem::copy_file(path, copy);
        if (std::filesystem::exists(path.string() + "-wal", error)) {
            std::filesystem::copy_file(path.string() + "-wal", copy.string() + "-wal");
        }
        const SalvageCounts counts = salvageStore(copy, recovered);
        if (const auto findings = Database(recovered, Database::Mode::ReadOnly).quickCheck();
            !findings.empty()) {
            removeWork();
            return RecoverResult::failure(storeProblem(
                "The recovered copy did not pass its own check (" + findings + "), so nothing was changed.",
                path));
        }
        Recovery recovery { counts.rowsCopied, counts.rowsUnreadable, counts.damagedStretches,
            counts.tablesLost, path.string() + ".damaged-" + stamp };
        moveStoreAside(path, recovery.keptAs, error);
        if (error) {
            throw std::filesystem::filesystem_error("rename", path, recovery.keptAs, error);
        }
        std::filesystem::rename(recovered, path);
        for (const char* suffix : { "-wal", "-shm" }) {
            std::filesystem::remove(recovered.string() + suffix, error);
        }
        removeWork();
        markReplacedSound(files, now);
        return recovery;
    } catch (const DbError& e) {
        removeWork();
        return RecoverResult::failure(storeProblem("Nothing could be recovered from the data file ("
                + std::string(e.what()) + "); it was left as it is." + restoreAdvice(path),
            path));
    } catch (const std::filesystem::filesystem_error& e) {
        removeWork();
        return RecoverResult::failure(storeProblem("The recovery could not write beside the data file ("
                + std::string(e.what()) + "); the data file was left as it is.",
            path));
    }
}

} // namespace mlaprep
