#include "store/HistoryRepository.h"

#include "store/Database.h"
#include "store/ReviewLogRepository.h"
#include "store/Statement.h"

namespace mlaprep {

namespace {

constexpr std::string_view AttemptKeyPrefix = "history.attempt.";

} // namespace

std::vector<HistoryRow> HistoryRepository::answers()
{
    // An exam answer is recorded when its mock is finished (or, imported, at its own time within the
    // mock's span), so the mock that placed the item and spans the answer's time is the one it came from.
    auto statement = m_database.prepare(
        "SELECT r.item_id, r.kind, r.reviewed_ms, r.rating, r.source, r.duration_ms, "
        "(SELECT a.id FROM exam_items i JOIN exam_attempts a ON a.id = i.attempt_id "
        " WHERE r.source = 'exam' AND i.item_id = r.item_id AND a.mode = 'exam' AND a.finished_ms IS NOT "
        "NULL "
        " AND a.started_ms <= r.reviewed_ms AND r.reviewed_ms <= a.finished_ms ORDER BY a.id DESC LIMIT 1) "
        "FROM review_log r ORDER BY r.reviewed_ms, r.id");
    std::vector<HistoryRow> rows;
    while (statement.step()) {
        HistoryRow row;
        row.itemId = statement.columnText(0);
        row.kind = statement.columnText(1);
        row.reviewedMs = statement.columnInt(2);
        row.rating = static_cast<int>(statement.columnInt(3));
        row.source = statement.columnText(4);
        row.durationMs = statement.columnInt(5);
        if (!statement.columnIsNull(6)) {
            row.attemptId = statement.columnInt(6);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::map<std::int64_t, std::string> HistoryRepository::importedAttemptNames()
{
    auto statement = m_database.prepare("SELECT key, value FROM settings WHERE substr(key, 1, ?1) = ?2");
    statement.bind(1, static_cast<int>(AttemptKeyPrefix.size())).bind(2, AttemptKeyPrefix);
    std::map<std::int64_t, std::string> names;
    while (statement.step()) {
        const std::string key = statement.columnText(0);
        try {
            names[std::stoll(statement.columnText(1))] = key.substr(AttemptKeyPrefix.size());
        } catch (const std::exception&) {
            // A hand-edited setting that is not an attempt id names nothing.
        }
    }
    return names;
}

void HistoryRepository::nameImportedAttempt(std::int64_t attemptId, std::string_view name)
{
    auto statement = m_database.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
    statement.bind(1, std::string(AttemptKeyPrefix) + std::string(name)).bind(2, std::to_string(attemptId));
    statement.run();
}

void HistoryRepository::removeItem(std::string_view itemId)
{
    auto log = m_database.prepare("DELETE FROM review_log WHERE item_id = ?1");
    log.bind(1, itemId);
    log.run();
    countReviewLogRemoval(m_database);
    auto state = m_database.prepare("DELETE FROM item_states WHERE item_id = ?1");
    state.bind(1, itemId);
    state.run();
}

} // namespace mlaprep
