#include "interop/ValidationReport.h"

#include "content/Freshness.h"

#include <nlohmann/json.hpp>

namespace mlaprep {

namespace {

// The items a maintainer re-checks next, enough for one sitting.
constexpr std::size_t StalestListed = 20;

} // namespace

std::string validationReportJson(const LoadedBundle& loaded)
{
    using Json = nlohmann::ordered_json;
    Json errors = Json::array();
    Json warnings = Json::array();
    for (const auto& problem : loaded.problems) {
        Json entry { { "file", problem.file }, { "id", problem.itemId }, { "field", problem.field },
            { "message", problem.message } };
        if (problem.line > 0) {
            entry["line"] = problem.line;
            entry["column"] = problem.column;
        }
        (problem.isError() ? errors : warnings).push_back(std::move(entry));
    }
    Json stalest = Json::array();
    for (const auto& item : stalestItems(loaded.bundle, StalestListed)) {
        stalest.push_back(Json { { "id", item.id }, { "verified", item.verified.toText() } });
    }
    const BundleCounts counts = countBundle(loaded.bundle);
    Json report { { "errors", std::move(errors) }, { "warnings", std::move(warnings) },
        { "counts",
            { { "notes", counts.notes }, { "cards", counts.cards }, { "questions", counts.questions },
                { "scored_items", counts.scoredItems }, { "by_domain", counts.byDomain },
                { "by_task", counts.byTask }, { "by_type", counts.byType } } },
        { "stalest", std::move(stalest) } };
    // Invalid UTF-8 never reaches here (the loader rejects it), but replace rather than throw regardless.
    return report.dump(2, ' ', false, Json::error_handler_t::replace);
}

} // namespace mlaprep
