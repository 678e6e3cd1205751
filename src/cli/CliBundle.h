#pragma once

#include "content/BundleLoader.h"

#include <optional>
#include <string>

namespace mlaprep::cli {

// Finds and loads the bundle for a subcommand that uses content; on failure prints the problems (or that
// none was found) to stderr and returns nothing.
std::optional<LoadedBundle> loadBundleForCommand(const std::optional<std::string>& explicitDir);

} // namespace mlaprep::cli
