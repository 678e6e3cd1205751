#pragma once

#include "content/BundleLoader.h"

#include <string>

namespace mlaprep {

// The `validate --json` document of docs/cli.md: errors, warnings and counts by domain, task and type.
std::string validationReportJson(const LoadedBundle& loaded);

} // namespace mlaprep
