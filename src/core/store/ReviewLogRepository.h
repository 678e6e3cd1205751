#pragma once

#include "store/KeptStatement.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;

// One row of review_log: an answer with the item's state before and after it, so that the answer can
// be undone exactly and the history replayed or optimised.
struct ReviewLogRow {
    std::int64_t id = 0;
    std::string itemId;
    std::string kind;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    std::string source;
    double elapsedDays = 0.0;
    std::int64_t durationMs = 0;
    int phaseBefore = 0;
    int stepBefore = 0;
    std::optional<double> stabilityBefore;
    std::optional<double> difficultyBefore;
    std::optional<std::int64_t> dueBeforeMs;
    std::optional<std::int64_t> lastReviewBeforeMs;
    int repsBefore = 0;
    int lapsesBefore = 0;
    int phaseAfter = 0;
    int stepAfter = 0;
    double stabilityAfter = 0.0;
    double difficultyAfter = 0.0;
    std::int64_t dueAfterMs = 0;
    // The review event the answer was recorded as (events table); empty only for rows of another origin.
    std::string eventUuid;
};

// The rows a history replay needs, in item then time order.
struct ReviewHistoryRow {
    std::string itemId;
    std::int64_t reviewedMs = 0;
    int rating = 0;
    double elapsedDays = 0.0;
};

// The typical time of one kind of look at an item, from the Review screen's answers.
struct DurationSummary {
    std::string kind; // "card" / "question"
    bool firstSight = false; // the item was New before the answer
    double medianMs = 0.0;
    int answers = 0;
};

// Rows leave the log only when an answer is undone or an item's history is rebuilt (import, sync). Every
// removal is counted in the settings table, so a reader that keeps the log in memory (the readiness
// model) notices one with a key lookup instead of counting the log.
void countReviewLogRemoval(Database& database);
std::int64_t reviewLogRemovals(Database& database);

class ReviewLogRepository {
public:
    explicit ReviewLogRepository(Database& database);

    // Appends the row (its id is ignored) and returns the new id.
    std::int64_t append(const ReviewLogRow& row);
    // The newest answer given on this device from `source`, if any: by time, since a sync's replay
    // renumbers rows, and never another device's answer that the replay wrote into this log.
    std::optional<ReviewLogRow> lastLocalFromSource(std::string_view source);
    // The id of the newest row for an item.
    std::optional<std::int64_t> lastIdForItem(std::string_view itemId);
    // The largest id in the log (0 when it is empty): every row appended later has a larger one.
    std::int64_t newestId();
    // How often each rating (Again, Hard, Good, Easy) was given to an item in the Review phase, from
    // any source: how the learner rates reviews.
    std::array<std::int64_t, 4> reviewRatingCounts();
    void remove(std::int64_t id);
    // Every row of an item, before its history is replayed from its events.
    void removeItem(std::string_view itemId);
    // Rows from `source` at or after `sinceMs` whose item was in `phaseBefore`: answers given today
    // per queue, for the daily limits.
    int countSince(std::int64_t sinceMs, std::string_view source, int phaseBefore);
    std::int64_t count();
    // When the first answer was given, if any.
    std::optional<std::int64_t> earliestMs();
    // Median answer durations on the Review screen per kind and first sight or not, over answers that
    // took between 1 s and 10 min (a learner who walked away is not a timing).
    std::vector<DurationSummary> durationSummaries();
    // Every answer in item order, then time order.
    void forEachInItemOrder(const std::function<void(const ReviewHistoryRow&)>& visit);

private:
    Database& m_database;
    KeptStatement m_append;
    KeptStatement m_lastLocalFromSource;
    KeptStatement m_lastIdForItem;
    KeptStatement m_remove;
    KeptStatement m_countSince;
};

} // namespace mlaprep
