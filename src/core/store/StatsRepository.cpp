#include "store/StatsRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

std::vector<StatsAnswerRow> StatsRepository::answers()
{
    std::vector<StatsAnswerRow> rows;
    auto statement = m_database.prepare(
        "SELECT item_id, reviewed_ms, rating, source, phase_before FROM review_log ORDER BY reviewed_ms, id");
    while (statement.step()) {
        rows.push_back(StatsAnswerRow { statement.columnText(0), statement.columnInt(1),
            static_cast<int>(statement.columnInt(2)), statement.columnText(3),
            static_cast<int>(statement.columnInt(4)) });
    }
    return rows;
}

std::vector<StatsDueRow> StatsRepository::scheduled()
{
    std::vector<StatsDueRow> rows;
    auto statement
        = m_database.prepare("SELECT item_id, due_ms FROM item_states WHERE phase <> 0 ORDER BY due_ms");
    while (statement.step()) {
        rows.push_back(StatsDueRow { statement.columnText(0), statement.columnInt(1) });
    }
    return rows;
}

std::vector<StatsAttemptRow> StatsRepository::finishedAttempts()
{
    std::vector<StatsAttemptRow> rows;
    auto statement = m_database.prepare(
        "SELECT id, mode, finished_ms, scored_correct, scored_total, scaled_score FROM exam_attempts "
        "WHERE finished_ms IS NOT NULL AND finish_reason IS NOT 'abandoned' ORDER BY finished_ms, id");
    while (statement.step()) {
        StatsAttemptRow row;
        row.id = statement.columnInt(0);
        row.mode = statement.columnText(1);
        row.finishedMs = statement.columnInt(2);
        row.scoredCorrect = statement.columnIsNull(3) ? 0 : static_cast<int>(statement.columnInt(3));
        row.scoredTotal = statement.columnIsNull(4) ? 0 : static_cast<int>(statement.columnInt(4));
        if (!statement.columnIsNull(5)) {
            row.scaledScore = static_cast<int>(statement.columnInt(5));
        }
        rows.push_back(row);
    }
    return rows;
}

} // namespace mlaprep
