#pragma once

#include "content/BundleLoader.h"

#include <string>

namespace mlaprep {

// The `validate --json` document of docs/cli.md: errors, warnings, counts by domain, task and type, and
// the stalest items (the oldest `verified` dates).
std::string validationReportJson(const LoadedBundle& loaded);

} // namespace mlaprep
