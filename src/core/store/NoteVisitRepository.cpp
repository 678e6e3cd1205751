#include "store/NoteVisitRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

void NoteVisitRepository::recordOpened(const std::string& noteId, std::int64_t atMs)
{
    m_database
        .prepare("INSERT INTO note_visits (note_id, first_opened_ms, last_opened_ms, open_count) VALUES (?1, "
                 "?2, ?2, 1) "
                 "ON CONFLICT (note_id) DO UPDATE SET last_opened_ms = excluded.last_opened_ms, "
                 "open_count = open_count + 1")
        .bind(1, noteId)
        .bind(2, atMs)
        .run();
}

std::vector<NoteVisitRow> NoteVisitRepository::all()
{
    std::vector<NoteVisitRow> rows;
    auto statement = m_database.prepare("SELECT note_id, first_opened_ms, last_opened_ms, open_count FROM "
                                        "note_visits ORDER BY last_opened_ms DESC");
    while (statement.step()) {
        rows.push_back(NoteVisitRow { statement.columnText(0), statement.columnInt(1), statement.columnInt(2),
            static_cast<int>(statement.columnInt(3)) });
    }
    return rows;
}

} // namespace mlaprep
