#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

struct NoteVisitRow {
    std::string noteId;
    std::int64_t firstOpenedMs = 0;
    std::int64_t lastOpenedMs = 0;
    int openCount = 0;
};

class NoteVisitRepository {
public:
    explicit NoteVisitRepository(Database& database)
        : m_database(database)
    {
    }

    void recordOpened(const std::string& noteId, std::int64_t atMs);
    std::vector<NoteVisitRow> all();

private:
    Database& m_database;
};

} // namespace mlaprep
