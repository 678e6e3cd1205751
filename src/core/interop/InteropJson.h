#pragma once

#include "services/AnkiService.h"
#include "services/HistoryService.h"
#include "services/SyncService.h"
#include "analytics/RealExamResult.h"

#include <string>
#include <vector>

namespace mlaprep {

// `import-anki --json` (docs/cli.md): {"read","imported","duplicates","rejected","errors":[…]}, plus
// "warnings" and "committed".
std::string ankiImportSummaryJson(const AnkiImportSummary& summary);

// `import-history --json`: {"read","imported","duplicates","rejected","errors":[…],"committed"}.
std::string historyImportSummaryJson(const HistoryImportSummary& summary);

// `mlaprep-cli sync --json`: {"device", "written_events", "read_segments", "merged_events", "skipped"}.
std::string syncSummaryJson(const SyncSummary& summary);

// `mlaprep-cli real-results --json`: an array, oldest exam first, of {"exam_date", "scaled" (null when
// only pass or fail was given), "passed", "recorded_at", "forecast": {"estimate", "low", "high",
// "interval", "p_pass", "enough_data", "answers", "seen_share"}}; the forecast is the one of the day before.
std::string realExamResultsJson(const std::vector<RealExamResultRow>& results);

} // namespace mlaprep
