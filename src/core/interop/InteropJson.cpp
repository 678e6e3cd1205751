#include "interop/InteropJson.h"

#include <nlohmann/json.hpp>

namespace mlaprep {

std::string ankiImportSummaryJson(const AnkiImportSummary& summary)
{
    const nlohmann::json json {
        { "read", summary.read },
        { "imported", summary.imported },
        { "duplicates", summary.duplicates },
        { "rejected", summary.rejected },
        { "errors", summary.errors },
        { "warnings", summary.warnings },
        { "committed", summary.committed },
    };
    return json.dump();
}

std::string historyImportSummaryJson(const HistoryImportSummary& summary)
{
    const nlohmann::json json {
        { "read", summary.read },
        { "imported", summary.imported },
        { "duplicates", summary.duplicates },
        { "rejected", summary.rejected },
        { "errors", summary.errors },
        { "committed", summary.committed },
    };
    return json.dump();
}

std::string syncSummaryJson(const SyncSummary& summary)
{
    const nlohmann::json json {
        { "device", summary.device },
        { "written_events", summary.writtenEvents },
        { "read_segments", summary.readSegments },
        { "merged_events", summary.mergedEvents },
        { "skipped", summary.skipped },
    };
    return json.dump();
}

} // namespace mlaprep
