#pragma once

#include "services/AnkiService.h"
#include "services/HistoryService.h"
#include "services/SyncService.h"

#include <string>

namespace mlaprep {

// `import-anki --json` (docs/cli.md): {"read","imported","duplicates","rejected","errors":[…]}, plus
// "warnings" and "committed".
std::string ankiImportSummaryJson(const AnkiImportSummary& summary);

// `import-history --json`: {"read","imported","duplicates","rejected","errors":[…],"committed"}.
std::string historyImportSummaryJson(const HistoryImportSummary& summary);

// `mlaprep-cli sync --json`: {"device", "written_events", "read_segments", "merged_events", "skipped"}.
std::string syncSummaryJson(const SyncSummary& summary);

} // namespace mlaprep
