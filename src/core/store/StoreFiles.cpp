#include "store/StoreFiles.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace mlaprep {

namespace {

std::filesystem::path beside(const std::filesystem::path& store, const std::string& suffix)
{
    return std::filesystem::path(store.string() + suffix);
}

std::string formatLocal(std::time_t time, const char* format)
{
    std::tm local {};
    localtime_r(&time, &local);
    char text[32];
    std::strftime(text, sizeof text, format, &local);
    return text;
}

} // namespace

StoreFiles::StoreFiles(std::filesystem::path storePath)
    : store(std::move(storePath))
    , knownMarker(beside(store, ".known"))
    , openMarker(beside(store, ".open"))
    , damagedMarker(beside(store, ".damaged"))
    , backupDir(beside(store, ".backups"))
{
}

std::filesystem::path StoreFiles::dailyBackup(const std::string& day) const
{
    return backupDir / ("daily-" + day + ".sqlite");
}

std::filesystem::path StoreFiles::migrationBackup(int fromVersion, std::time_t now) const
{
    return backupDir / ("before-v" + std::to_string(fromVersion) + "-" + localStamp(now) + ".sqlite");
}

std::filesystem::path StoreFiles::manualBackup(std::time_t now) const
{
    return backupDir / ("manual-" + localStamp(now) + ".sqlite");
}

std::vector<std::filesystem::path> StoreFiles::backupsNewestFirst() const
{
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(backupDir, error)) {
        if (entry.is_regular_file(error) && entry.path().extension() == ".sqlite") {
            found.emplace_back(entry.last_write_time(error), entry.path());
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::filesystem::path> paths;
    for (auto& [time, path] : found) {
        paths.push_back(std::move(path));
    }
    return paths;
}

std::string localDay(std::time_t time)
{
    return formatLocal(time, "%Y-%m-%d");
}

std::string localStamp(std::time_t time)
{
    return formatLocal(time, "%Y-%m-%dT%H%M%S");
}

bool writeSmallFile(const std::filesystem::path& path, const std::string& text)
{
    const auto temporary = std::filesystem::path(path.string() + ".tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        return false;
    }
    return true;
}

std::string readSmallFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace mlaprep
