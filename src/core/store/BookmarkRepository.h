#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

struct BookmarkRow {
    std::string kind; // note, heading, card, question
    std::string targetId;
    std::int64_t createdMs = 0;
};

class BookmarkRepository {
public:
    explicit BookmarkRepository(Database& database)
        : m_database(database)
    {
    }

    bool contains(const std::string& kind, const std::string& targetId);
    void add(const std::string& kind, const std::string& targetId, std::int64_t createdMs);
    void remove(const std::string& kind, const std::string& targetId);
    // Newest first.
    std::vector<BookmarkRow> all();

private:
    Database& m_database;
};

} // namespace mlaprep
