#pragma once

#include "services/AnkiService.h"
#include "services/HistoryService.h"

#include <string>

namespace mlaprep {

// `import-anki --json` (docs/cli.md): {"read","imported","duplicates","rejected","errors":[…]}, plus
// "warnings" and "committed".
std::string ankiImportSummaryJson(const AnkiImportSummary& summary);

// `import-history --json`: {"read","imported","duplicates","rejected","errors":[…],"committed"}.
std::string historyImportSummaryJson(const HistoryImportSummary& summary);

} // namespace mlaprep
