#include "CliPaths.h"

#include "common/Locations.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdlib>
#include <unistd.h>

namespace mlaprep::cli {

namespace {

std::optional<std::filesystem::path> environmentPath(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::filesystem::path(value);
}

std::filesystem::path executableDir()
{
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::current_path() : self.parent_path();
}

} // namespace

std::optional<std::filesystem::path> findBundle(const std::optional<std::string>& explicitDir)
{
    BundleSearch search;
    if (explicitDir) {
        search.explicitDir = std::filesystem::path(*explicitDir);
    }
    search.environmentDir = environmentPath("MLAPREP_BUNDLE");
    search.executableDir = executableDir();
    search.currentDir = std::filesystem::current_path();
#ifdef MLAPREP_SOURCE_CONTENT_DIR
    search.sourceTreeDir = std::filesystem::path(MLAPREP_SOURCE_CONTENT_DIR);
#endif
    return locateBundle(search);
}

std::filesystem::path findDatabase(const std::optional<std::string>& explicitDb,
                                   const std::optional<std::string>& explicitDataDir)
{
    DatabaseSearch search;
    if (explicitDb) {
        search.explicitDb = std::filesystem::path(*explicitDb);
    }
    search.environmentDb = environmentPath("MLAPREP_DB");
    if (explicitDataDir) {
        search.explicitDataDir = std::filesystem::path(*explicitDataDir);
    }
    search.environmentDataDir = environmentPath("MLAPREP_DATA_DIR");
    // The same folder the app uses: its organisation and application names decide it.
    QCoreApplication::setOrganizationName(QStringLiteral("mlaprep"));
    QCoreApplication::setApplicationName(QStringLiteral("mlaprep"));
    search.platformDataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toStdString();
    return locateDatabase(search);
}

} // namespace mlaprep::cli
