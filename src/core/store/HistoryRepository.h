#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;

// One answer of review_log as a history file carries it, with the finished mock it belongs to.
struct HistoryRow {
    std::string itemId;
    std::string kind;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    std::string source;
    std::int64_t durationMs = 0;
    std::optional<std::int64_t> attemptId; // exam answers: the mock whose items and time span hold it
};

// Queries for history import and export (sql/003_srs.sql, 004_exams.sql; imported attempt names are
// settings "history.attempt.NAME" → attempt id). No transactions here: the service holds one.
class HistoryRepository {
public:
    explicit HistoryRepository(Database& database)
        : m_database(database)
    {
    }

    // Every answer in time order.
    std::vector<HistoryRow> answers();
    // The names imported attempts came with, by attempt id.
    std::map<std::int64_t, std::string> importedAttemptNames();
    void nameImportedAttempt(std::int64_t attemptId, std::string_view name);
    // Removes an item's answers and its scheduling state, before its history is replayed.
    void removeItem(std::string_view itemId);

private:
    Database& m_database;
};

} // namespace mlaprep
