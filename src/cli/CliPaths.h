#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace mlaprep::cli {

// The bundle by the lookup order of docs/cli.md (the same order the app uses).
std::optional<std::filesystem::path> findBundle(const std::optional<std::string>& explicitDir);

// The learner's store by the lookup order of docs/cli.md (--db, $MLAPREP_DB, --data-dir,
// $MLAPREP_DATA_DIR, the platform's application-data folder).
std::filesystem::path findDatabase(const std::optional<std::string>& explicitDb,
                                   const std::optional<std::string>& explicitDataDir);

} // namespace mlaprep::cli
