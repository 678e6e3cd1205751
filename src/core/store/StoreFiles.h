#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace mlaprep {

// The small files beside a store, so that a store given with --db keeps its own next to it:
//   progress.sqlite.known     the store existed here (and when it was last checked), so a missing or
//                             empty file is reported instead of silently becoming a new store
//   progress.sqlite.open      a session has it open; left behind by a session that did not close
//   progress.sqlite.damaged   a check found it damaged; it is not opened again until restored
//   progress.sqlite.backups/  daily-DAY.sqlite (7 kept), before-vN-STAMP.sqlite, manual-STAMP.sqlite
struct StoreFiles {
    explicit StoreFiles(std::filesystem::path storePath);

    std::filesystem::path store;
    std::filesystem::path knownMarker;
    std::filesystem::path openMarker;
    std::filesystem::path damagedMarker;
    std::filesystem::path backupDir;

    std::filesystem::path dailyBackup(const std::string& day) const;
    std::filesystem::path migrationBackup(int fromVersion, std::time_t now) const;
    std::filesystem::path manualBackup(std::time_t now) const;

    // Every backup in the backup folder, newest first (by the time it was written).
    std::vector<std::filesystem::path> backupsNewestFirst() const;
};

// "2026-12-01" in local time: the day a daily backup belongs to.
std::string localDay(std::time_t time);
// "2026-12-01T093000" in local time, for backup names that must not collide within a day.
std::string localStamp(std::time_t time);

// Writes `text` to `path` through a temporary file and a rename; false when the folder is not writable.
bool writeSmallFile(const std::filesystem::path& path, const std::string& text);
std::string readSmallFile(const std::filesystem::path& path);

} // namespace mlaprep
