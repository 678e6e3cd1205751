#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

// A learner's report of an error on one bundle item, for a content maintainer to act on.
struct ErrorReport {
    std::int64_t id = 0;
    std::string bundleId;
    std::string bundleVersion;
    std::string itemKind; // "note", "card", "question" or "user-card"
    std::string itemId;
    std::string reason; // one of errorReportReasons()
    std::string comment;
    std::int64_t createdMs = 0;
};

// The short list the learner picks a reason from.
const std::vector<std::string>& errorReportReasons();

class ErrorReportService {
public:
    // Reports name `bundle`'s id and version, and must name one of its items.
    ErrorReportService(std::shared_ptr<Store> store, const Clock& clock, const Bundle& bundle);

    // Refused (nothing stored) for an unknown kind or reason, an empty item id, a note, card or question
    // id that is not in the bundle, or an imported card ("user-card") id that is not in the store, imported
    // here or synced from another device (a mistyped id would reach the authors as a report about
    // nothing).
    Result<Changes> report(const std::string& itemKind, const std::string& itemId, const std::string& reason,
        const std::string& comment);
    // Removes the report here and retracts it (an error-report-retraction event), so every device drops it.
    Result<Changes> remove(std::int64_t id);
    Result<std::vector<ErrorReport>> reports();

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    const Bundle& m_bundle;
};

// Markdown for people (one section per report) and JSON for tools.
std::string errorReportsMarkdown(const std::vector<ErrorReport>& reports);
std::string errorReportsJson(const std::vector<ErrorReport>& reports);

} // namespace mlaprep
