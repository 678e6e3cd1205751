#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace mlaprep {

class Database;

// item_revisions: the content revision each item's learning state was built on.
class ItemRevisionRepository {
public:
    explicit ItemRevisionRepository(Database& database)
        : m_database(database)
    {
    }

    // Item id → revision, for every item with a recorded one.
    std::unordered_map<std::string, int> all();
    void save(std::string_view itemId, int revision);

private:
    Database& m_database;
};

} // namespace mlaprep
