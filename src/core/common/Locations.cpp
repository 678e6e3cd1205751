#include "common/Locations.h"

namespace mlaprep {

namespace {

bool holdsBundle(const std::filesystem::path& dir)
{
    std::error_code error;
    return std::filesystem::is_regular_file(dir / "bundle.json", error);
}

} // namespace

std::optional<std::filesystem::path> locateBundle(const BundleSearch& search)
{
    if (search.explicitDir) {
        return search.explicitDir;
    }
    if (search.environmentDir) {
        return search.environmentDir;
    }
    const auto installed = (search.executableDir / ".." / "share" / "mlaprep" / "content").lexically_normal();
    for (const auto& candidate : { installed, search.currentDir / "content" }) {
        if (holdsBundle(candidate)) {
            return candidate;
        }
    }
    if (search.sourceTreeDir && holdsBundle(*search.sourceTreeDir)) {
        return search.sourceTreeDir;
    }
    return std::nullopt;
}

std::filesystem::path locateDatabase(const DatabaseSearch& search)
{
    if (search.explicitDb) {
        return *search.explicitDb;
    }
    if (search.environmentDb) {
        return *search.environmentDb;
    }
    if (search.explicitDataDir) {
        return *search.explicitDataDir / DatabaseFileName;
    }
    if (search.environmentDataDir) {
        return *search.environmentDataDir / DatabaseFileName;
    }
    return search.platformDataDir / DatabaseFileName;
}

} // namespace mlaprep
