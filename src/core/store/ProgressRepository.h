#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

// One answer of review_log, as progress figures need it.
struct AnswerRow {
    std::string itemId;
    std::string kind;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    std::string source;
    int phaseBefore = 0;
};

// Read-only queries for mastery, readiness and the Stats screen.
class ProgressRepository {
public:
    explicit ProgressRepository(Database& database)
        : m_database(database)
    {
    }

    // Every answer in time order.
    std::vector<AnswerRow> answers();

private:
    Database& m_database;
};

} // namespace mlaprep
