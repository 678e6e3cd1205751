#include "store/BookmarkRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

bool BookmarkRepository::contains(const std::string& kind, const std::string& targetId)
{
    auto statement = m_database.prepare("SELECT 1 FROM bookmarks WHERE target_kind = ?1 AND target_id = ?2");
    statement.bind(1, kind).bind(2, targetId);
    return statement.step();
}

void BookmarkRepository::add(const std::string& kind, const std::string& targetId, std::int64_t createdMs)
{
    m_database
        .prepare("INSERT OR IGNORE INTO bookmarks (target_kind, target_id, created_ms) VALUES (?1, ?2, ?3)")
        .bind(1, kind)
        .bind(2, targetId)
        .bind(3, createdMs)
        .run();
}

void BookmarkRepository::remove(const std::string& kind, const std::string& targetId)
{
    m_database.prepare("DELETE FROM bookmarks WHERE target_kind = ?1 AND target_id = ?2")
        .bind(1, kind)
        .bind(2, targetId)
        .run();
}

std::vector<BookmarkRow> BookmarkRepository::all()
{
    std::vector<BookmarkRow> rows;
    auto statement = m_database.prepare(
        "SELECT target_kind, target_id, created_ms FROM bookmarks ORDER BY created_ms DESC, target_id");
    while (statement.step()) {
        rows.push_back(
            BookmarkRow { statement.columnText(0), statement.columnText(1), statement.columnInt(2) });
    }
    return rows;
}

} // namespace mlaprep
