#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

// One answer of review_log, as the Stats screen needs it.
struct StatsAnswerRow {
    std::string itemId;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    std::string source; // "review", "exam" or "practice"
    int phaseBefore = 0;
};

// An item that has been answered at least once (not New) and when it falls due.
struct StatsDueRow {
    std::string itemId;
    std::int64_t dueMs = 0;
};

// A finished exam attempt and its score.
struct StatsAttemptRow {
    std::int64_t id = 0;
    std::string mode; // "exam" or "practice"
    std::int64_t finishedMs = 0;
    int scoredCorrect = 0;
    int scoredTotal = 0;
    std::optional<int> scaledScore;
};

// Read-only queries for the Stats screen (StatsService turns them into figures).
class StatsRepository {
public:
    explicit StatsRepository(Database& database)
        : m_database(database)
    {
    }

    // Every answer in time order.
    std::vector<StatsAnswerRow> answers();
    // Every item in learning, review or relearning, in due order.
    std::vector<StatsDueRow> scheduled();
    // Every scored attempt (finished, not abandoned) in finishing order.
    std::vector<StatsAttemptRow> finishedAttempts();

private:
    Database& m_database;
};

} // namespace mlaprep
