#include "interop/InteropJson.h"

#include "interop/HistoryJsonl.h"

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

std::string realExamResultsJson(const std::vector<RealExamResultRow>& results)
{
    nlohmann::json json = nlohmann::json::array();
    for (const auto& result : results) {
        const ForecastBefore& forecast = result.forecast;
        json.push_back({
            { "exam_date", result.examDate },
            { "scaled", result.scaled ? nlohmann::json(*result.scaled) : nlohmann::json(nullptr) },
            { "passed", result.passed },
            { "recorded_at", formatRfc3339(result.recordedMs) },
            { "forecast",
                {
                    { "estimate", forecast.estimate },
                    { "low", forecast.low },
                    { "high", forecast.high },
                    { "interval", forecast.interval },
                    { "p_pass", forecast.passProbability },
                    { "enough_data", forecast.enoughData },
                    { "answers", forecast.answers },
                    { "seen_share", forecast.seenShare },
                } },
        });
    }
    return json.dump(2);
}

} // namespace mlaprep
