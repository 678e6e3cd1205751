#include "interop/InteropJson.h"

#include <nlohmann/json.hpp>

namespace mlaprep {

namespace {

// The counts every import reports, whatever it imports.
template <typename Summary> nlohmann::json importCounts(const Summary& summary)
{
    return nlohmann::json {
        { "read", summary.read },
        { "imported", summary.imported },
        { "duplicates", summary.duplicates },
        { "rejected", summary.rejected },
        { "errors", summary.errors },
        { "committed", summary.committed },
    };
}

} // namespace

std::string ankiImportSummaryJson(const AnkiImportSummary& summary)
{
    nlohmann::json json = importCounts(summary);
    json["warnings"] = summary.warnings;
    return json.dump();
}

std::string historyImportSummaryJson(const HistoryImportSummary& summary)
{
    return importCounts(summary).dump();
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
