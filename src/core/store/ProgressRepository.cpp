#include "store/ProgressRepository.h"

#include "store/Database.h"
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

} // namespace mlaprep
