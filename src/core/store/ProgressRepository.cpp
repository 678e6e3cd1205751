#include "store/ProgressRepository.h"

#include "store/Database.h"
#include "store/ReviewLogRepository.h"
#include "store/Statement.h"

namespace mlaprep {

std::vector<AnswerRow> ProgressRepository::answers()
{
    std::vector<AnswerRow> rows;
    auto statement
        = m_database.prepare("SELECT item_id, kind, reviewed_ms, rating, source, phase_before FROM "
                             "review_log ORDER BY reviewed_ms, id");
    while (statement.step()) {
        rows.push_back(AnswerRow { statement.columnText(0), statement.columnText(1), statement.columnInt(2),
            static_cast<int>(statement.columnInt(3)), statement.columnText(4),
            static_cast<int>(statement.columnInt(5)) });
    }
    return rows;
}

void ProgressRepository::forEachAnswerAfter(
    std::int64_t afterId, std::int64_t untilMs, const std::function<void(const MemoryRow&)>& visit)
{
    auto statement
        = m_database.prepare("SELECT id, item_id, reviewed_ms, rating, stability_after, "
                             "difficulty_after FROM review_log WHERE id > ?1 AND reviewed_ms <= ?2 "
                             "ORDER BY CASE WHEN ?1 = 0 THEN reviewed_ms ELSE id END, id");
    statement.bind(1, afterId).bind(2, untilMs);
    MemoryRow row;
    while (statement.step()) {
        row.id = statement.columnInt(0);
        row.itemId = statement.columnText(1);
        row.reviewedMs = statement.columnInt(2);
        row.rating = static_cast<int>(statement.columnInt(3));
        row.stabilityAfter = statement.columnDouble(4);
        row.difficultyAfter = statement.columnDouble(5);
        visit(row);
    }
}

std::int64_t ProgressRepository::removals()
{
    return reviewLogRemovals(m_database);
}

} // namespace mlaprep
