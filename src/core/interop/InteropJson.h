#pragma once

#include "services/AnkiService.h"

#include <string>

namespace mlaprep {

// `import-anki --json` (docs/cli.md): {"read","imported","duplicates","rejected","errors":[…]}, plus
// "warnings" and "committed".
std::string ankiImportSummaryJson(const AnkiImportSummary& summary);

} // namespace mlaprep
