#pragma once

#include <filesystem>
#include <optional>

namespace mlaprep {

// Where to look for the content bundle, in the order of docs/cli.md. The app and the CLI fill this
// from their arguments and environment, so both find the same bundle.
struct BundleSearch {
    std::optional<std::filesystem::path> explicitDir; // --bundle DIR
    std::optional<std::filesystem::path> environmentDir; // $MLAPREP_BUNDLE
    std::filesystem::path executableDir; // installed: <prefix>/bin → <prefix>/share/mlaprep/content
    std::filesystem::path currentDir; // ./content
    std::optional<std::filesystem::path> sourceTreeDir; // developer builds: the source tree's content/
};

// The first candidate that holds a bundle.json. An explicit or environment directory is returned as
// given even when it holds none, so that the caller's error names what the user asked for.
std::optional<std::filesystem::path> locateBundle(const BundleSearch& search);

// Where the learner's store lives (docs/cli.md): --db, $MLAPREP_DB, else progress.sqlite in the data
// folder (--data-dir, $MLAPREP_DATA_DIR, else the platform's application-data folder).
struct DatabaseSearch {
    std::optional<std::filesystem::path> explicitDb;
    std::optional<std::filesystem::path> environmentDb;
    std::optional<std::filesystem::path> explicitDataDir;
    std::optional<std::filesystem::path> environmentDataDir;
    std::filesystem::path platformDataDir;
};

inline constexpr const char* DatabaseFileName = "progress.sqlite";

std::filesystem::path locateDatabase(const DatabaseSearch& search);

} // namespace mlaprep
