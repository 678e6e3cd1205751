#include "store/ItemRevisionRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

std::unordered_map<std::string, int> ItemRevisionRepository::all()
{
    std::unordered_map<std::string, int> revisions;
    auto statement = m_database.prepare("SELECT item_id, revision FROM item_revisions");
    while (statement.step()) {
        revisions.emplace(statement.columnText(0), static_cast<int>(statement.columnInt(1)));
    }
    return revisions;
}

void ItemRevisionRepository::save(std::string_view itemId, int revision)
{
    m_database.prepare("INSERT OR REPLACE INTO item_revisions (item_id, revision) VALUES (?1, ?2)")
        .bind(1, itemId)
        .bind(2, revision)
        .run();
}

} // namespace mlaprep
