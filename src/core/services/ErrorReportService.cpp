#include "services/ErrorReportService.h"

#include "content/Bundle.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/ErrorReportRepository.h"
#include "store/EventRepository.h"
#include "store/Transaction.h"
#include "store/UserDeckRepository.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace mlaprep {

namespace {

constexpr const char* Kinds[] = { "note", "card", "question", "user-card" };

bool bundleHas(const Bundle& bundle, const std::string& kind, const std::string& itemId)
{
    if (kind == "note") {
        return bundle.findNote(itemId) != nullptr;
    }
    if (kind == "card") {
        return std::any_of(
            bundle.cards.begin(), bundle.cards.end(), [&](const Card& card) { return card.id == itemId; });
    }
    if (kind == "question") {
        return std::any_of(bundle.questions.begin(), bundle.questions.end(), [&](const Question& question) {
            return question.id == itemId
                || std::any_of(question.items.begin(), question.items.end(),
                    [&](const Question& child) { return child.id == itemId; });
        });
    }
    return true; // the learner's own imported cards are not in the bundle: the store knows them
}

std::string isoTime(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc {};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(
                    buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

} // namespace

const std::vector<std::string>& errorReportReasons()
{
    static const std::vector<std::string> Reasons {
        "Factually wrong",
        "Wrong answer key",
        "Outdated (service renamed, retired or changed)",
        "Unclear or ambiguous wording",
        "Typo or formatting",
        "Broken link or image",
        "Other",
    };
    return Reasons;
}

ErrorReportService::ErrorReportService(std::shared_ptr<Store> store, const Clock& clock, const Bundle& bundle)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_bundle(bundle)
{
}

Result<Changes> ErrorReportService::report(const std::string& itemKind, const std::string& itemId,
    const std::string& reason, const std::string& comment)
{
    const auto refuse = [&](const std::string& field, const std::string& message) {
        return Result<Changes>::failure(Problem { Severity::Error, "", itemId, field, message });
    };
    if (std::none_of(
            std::begin(Kinds), std::end(Kinds), [&](const char* kind) { return itemKind == kind; })) {
        return refuse("kind", "an error report is about a note, card or question");
    }
    if (itemId.empty()) {
        return refuse("item", "an error report needs the item it is about");
    }
    if (!bundleHas(m_bundle, itemKind, itemId)) {
        return refuse("item",
            "this bundle has no " + itemKind + " " + itemId
                + ": pick one from the list as you type, or use Report this on the item");
    }
    const auto& reasons = errorReportReasons();
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
        return refuse("reason", "choose a reason from the list");
    }
    return guardStore<Changes>(
        [&]() -> Result<Changes> {
            Database& database = m_store->database();
            if (itemKind == "user-card" && !UserDeckRepository(database).hasCard(itemId)) {
                return refuse("item",
                    "you have imported no card " + itemId
                        + ": pick one from the list as you type, or use Report this on the card");
            }
            Transaction transaction(database);
            ErrorReportRow row { 0, m_bundle.id, m_bundle.version, itemKind, itemId, reason, comment,
                toEpochMilliseconds(m_clock.now()), {} };
            row.uuid = EventRepository(database)
                           .recordLocal(sync::EventKind::ErrorReport, itemKind + ":" + itemId,
                               errorReportPayload(row), m_clock.now())
                           .uuid;
            ErrorReportRepository(database).add(row);
            transaction.commit();
            Changes changes;
            changes.errorReports = true;
            changes.ids.push_back(itemId);
            return changes;
        },
        itemId);
}

Result<Changes> ErrorReportService::remove(std::int64_t id)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        Transaction transaction(database);
        ErrorReportRepository reports(database);
        const auto report = reports.find(id);
        Changes changes;
        if (!report) {
            return changes;
        }
        reports.remove(report->uuid);
        // Retracted, never deleted: every device drops the report too.
        EventRepository(database).recordLocal(sync::EventKind::ErrorReportRetraction,
            report->itemKind + ":" + report->itemId, sync::Payload().set("target", report->uuid),
            m_clock.now());
        transaction.commit();
        changes.errorReports = true;
        return changes;
    });
}

Result<std::vector<ErrorReport>> ErrorReportService::reports()
{
    return guardStore<std::vector<ErrorReport>>([&]() -> Result<std::vector<ErrorReport>> {
        std::vector<ErrorReport> reports;
        for (const auto& row : ErrorReportRepository(m_store->database()).all()) {
            reports.push_back(ErrorReport { row.id, row.bundleId, row.bundleVersion, row.itemKind, row.itemId,
                row.reason, row.comment, row.createdMs });
        }
        return reports;
    });
}

std::string errorReportsMarkdown(const std::vector<ErrorReport>& reports)
{
    std::string out = "# mlaprep error reports\n\n" + std::to_string(reports.size()) + " report"
        + (reports.size() == 1 ? "" : "s") + ".\n";
    for (const auto& report : reports) {
        out += "\n## " + report.itemKind + " `" + report.itemId + "`: " + report.reason + "\n\n";
        out += "- Bundle: `" + report.bundleId + "` " + report.bundleVersion + "\n";
        out += "- Reported: " + isoTime(report.createdMs) + "\n";
        if (!report.comment.empty()) {
            out += "\n";
            std::size_t start = 0;
            while (start <= report.comment.size()) {
                const std::size_t end = std::min(report.comment.find('\n', start), report.comment.size());
                out += "> " + report.comment.substr(start, end - start) + "\n";
                start = end + 1;
            }
        }
    }
    return out;
}

std::string errorReportsJson(const std::vector<ErrorReport>& reports)
{
    std::string out = "[";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const auto& r = reports[i];
        out += std::string(i == 0 ? "\n" : ",\n") + "  {\"bundle\": " + jsonString(r.bundleId)
            + ", \"version\": " + jsonString(r.bundleVersion) + ", \"kind\": " + jsonString(r.itemKind)
            + ", \"item\": " + jsonString(r.itemId) + ", \"reason\": " + jsonString(r.reason)
            + ", \"comment\": " + jsonString(r.comment) + ", \"created\": " + jsonString(isoTime(r.createdMs))
            + "}";
    }
    return out + (reports.empty() ? "]\n" : "\n]\n");
}

} // namespace mlaprep
