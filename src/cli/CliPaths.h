#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace mlaprep::cli {

// The bundle by the lookup order of docs/cli.md (the same order the app uses).
std::optional<std::filesystem::path> findBundle(const std::optional<std::string>& explicitDir);

} // namespace mlaprep::cli
