#pragma once

#include "Arguments.h"
#include "content/BundleLoader.h"
#include "session/AppSession.h"

#include <memory>

#include <optional>
#include <string>

namespace mlaprep::cli {

// Finds and loads the bundle for a subcommand that uses content; on failure prints the problems (or that
// none was found) to stderr and returns nothing.
std::optional<LoadedBundle> loadBundleForCommand(const std::optional<std::string>& explicitDir);

// The session a command that reads and writes the learner's data runs in: the bundle (as above) and the
// store found from --db / --data-dir, opened for writing. On failure prints why to stderr and returns null.
std::unique_ptr<AppSession> openSessionForCommand(const Arguments& arguments, const Clock& clock);

} // namespace mlaprep::cli
