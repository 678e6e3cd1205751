#pragma once

#include <cstdint>
#include <functional>
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

// One answer with the memory state it left, for the readiness model.
struct MemoryRow {
    std::int64_t id = 0;
    std::string itemId;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    double stabilityAfter = 0.0;
    double difficultyAfter = 0.0;
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
    // Answers with an id above `afterId` given at or before `untilMs`, in id order; from the start
    // (`afterId` 0) in time order, as an import may have added old answers after new ones.
    void forEachAnswerAfter(
        std::int64_t afterId, std::int64_t untilMs, const std::function<void(const MemoryRow&)>& visit);
    // How many times rows were taken out of the log (reviewLogRemovals): when it moved, answers read
    // before may be gone.
    std::int64_t removals();

private:
    Database& m_database;
};

} // namespace mlaprep
