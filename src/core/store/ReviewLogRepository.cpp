#include "store/ReviewLogRepository.h"

#include "store/Database.h"

namespace mlaprep {

namespace {

void bindOptional(Statement& statement, int index, const std::optional<double>& value)
{
    value ? statement.bind(index, *value) : statement.bindNull(index);
}

void bindOptional(Statement& statement, int index, const std::optional<std::int64_t>& value)
{
    value ? statement.bind(index, *value) : statement.bindNull(index);
}

constexpr auto RemovalsKey = "review_log.removals";

template <typename T> std::optional<T> optionalColumn(const Statement& statement, int column)
{
    if (statement.columnIsNull(column)) {
        return std::nullopt;
    }
    if constexpr (std::is_same_v<T, double>) {
        return statement.columnDouble(column);
    } else {
        return statement.columnInt(column);
    }
}

} // namespace

ReviewLogRepository::ReviewLogRepository(Database& database)
    : m_database(database)
    , m_append(database,
          "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
          "phase_before, step_before, stability_before, difficulty_before, due_before_ms, "
          "last_review_before_ms, reps_before, lapses_before, phase_after, step_after, stability_after, "
          "difficulty_after, due_after_ms, event_uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
          "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)")
    , m_lastLocalFromSource(database,
          "SELECT id, item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, phase_before, "
          "step_before, stability_before, difficulty_before, due_before_ms, last_review_before_ms, "
          "reps_before, lapses_before, phase_after, step_after, stability_after, difficulty_after, "
          "due_after_ms, event_uuid FROM review_log WHERE source = ?1 AND NOT EXISTS (SELECT 1 FROM events "
          "WHERE events.uuid = review_log.event_uuid AND events.origin = 'remote') "
          "ORDER BY reviewed_ms DESC, id DESC LIMIT 1")
    , m_lastIdForItem(
          database, "SELECT id FROM review_log WHERE item_id = ?1 ORDER BY reviewed_ms DESC, id DESC LIMIT 1")
    , m_remove(database, "DELETE FROM review_log WHERE id = ?1")
    , m_countSince(database,
          "SELECT count(*) FROM review_log WHERE reviewed_ms >= ?1 AND source = ?2 AND phase_before = ?3")
{
}

std::int64_t ReviewLogRepository::append(const ReviewLogRow& row)
{
    Statement& statement = m_append.get();
    ResetOnExit reset(statement);
    statement.bind(1, row.itemId)
        .bind(2, row.kind)
        .bind(3, row.reviewedMs)
        .bind(4, row.rating)
        .bind(5, row.source)
        .bind(6, row.elapsedDays)
        .bind(7, row.durationMs)
        .bind(8, row.phaseBefore)
        .bind(9, row.stepBefore);
    bindOptional(statement, 10, row.stabilityBefore);
    bindOptional(statement, 11, row.difficultyBefore);
    bindOptional(statement, 12, row.dueBeforeMs);
    bindOptional(statement, 13, row.lastReviewBeforeMs);
    statement.bind(14, row.repsBefore)
        .bind(15, row.lapsesBefore)
        .bind(16, row.phaseAfter)
        .bind(17, row.stepAfter)
        .bind(18, row.stabilityAfter)
        .bind(19, row.difficultyAfter)
        .bind(20, row.dueAfterMs);
    row.eventUuid.empty() ? statement.bindNull(21) : statement.bind(21, row.eventUuid);
    statement.run();
    return m_database.lastInsertRowId();
}

std::int64_t ReviewLogRepository::newestId()
{
    auto statement = m_database.prepare("SELECT coalesce(max(id), 0) FROM review_log");
    statement.step();
    return statement.columnInt(0);
}

std::array<std::int64_t, 4> ReviewLogRepository::reviewRatingCounts()
{
    std::array<std::int64_t, 4> counts {};
    auto statement = m_database.prepare(
        "SELECT rating, count(*) FROM review_log WHERE phase_before = 2 GROUP BY rating");
    while (statement.step()) {
        const auto rating = statement.columnInt(0);
        if (rating >= 1 && rating <= 4) {
            counts[static_cast<std::size_t>(rating - 1)] = statement.columnInt(1);
        }
    }
    return counts;
}

std::optional<ReviewLogRow> ReviewLogRepository::lastLocalFromSource(std::string_view source)
{
    Statement& statement = m_lastLocalFromSource.get();
    ResetOnExit reset(statement);
    statement.bind(1, source);
    if (!statement.step()) {
        return std::nullopt;
    }
    ReviewLogRow row;
    row.id = statement.columnInt(0);
    row.itemId = statement.columnText(1);
    row.kind = statement.columnText(2);
    row.reviewedMs = statement.columnInt(3);
    row.rating = static_cast<int>(statement.columnInt(4));
    row.source = statement.columnText(5);
    row.elapsedDays = statement.columnDouble(6);
    row.durationMs = statement.columnInt(7);
    row.phaseBefore = static_cast<int>(statement.columnInt(8));
    row.stepBefore = static_cast<int>(statement.columnInt(9));
    row.stabilityBefore = optionalColumn<double>(statement, 10);
    row.difficultyBefore = optionalColumn<double>(statement, 11);
    row.dueBeforeMs = optionalColumn<std::int64_t>(statement, 12);
    row.lastReviewBeforeMs = optionalColumn<std::int64_t>(statement, 13);
    row.repsBefore = static_cast<int>(statement.columnInt(14));
    row.lapsesBefore = static_cast<int>(statement.columnInt(15));
    row.phaseAfter = static_cast<int>(statement.columnInt(16));
    row.stepAfter = static_cast<int>(statement.columnInt(17));
    row.stabilityAfter = statement.columnDouble(18);
    row.difficultyAfter = statement.columnDouble(19);
    row.dueAfterMs = statement.columnInt(20);
    row.eventUuid = statement.columnIsNull(21) ? std::string() : statement.columnText(21);
    return row;
}

std::optional<std::int64_t> ReviewLogRepository::lastIdForItem(std::string_view itemId)
{
    Statement& statement = m_lastIdForItem.get();
    ResetOnExit reset(statement);
    statement.bind(1, itemId);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnInt(0);
}

void countReviewLogRemoval(Database& database)
{
    database
        .prepare("INSERT INTO settings (key, value) VALUES (?1, '1') "
                 "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        .bind(1, RemovalsKey)
        .run();
}

std::int64_t reviewLogRemovals(Database& database)
{
    auto statement = database.prepare("SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1");
    statement.bind(1, RemovalsKey);
    return statement.step() ? statement.columnInt(0) : 0;
}

void ReviewLogRepository::removeItem(std::string_view itemId)
{
    m_database.prepare("DELETE FROM review_log WHERE item_id = ?1").bind(1, itemId).run();
    countReviewLogRemoval(m_database);
}

void ReviewLogRepository::remove(std::int64_t id)
{
    Statement& statement = m_remove.get();
    ResetOnExit reset(statement);
    statement.bind(1, id);
    statement.run();
    countReviewLogRemoval(m_database);
}

int ReviewLogRepository::countSince(std::int64_t sinceMs, std::string_view source, int phaseBefore)
{
    Statement& statement = m_countSince.get();
    ResetOnExit reset(statement);
    statement.bind(1, sinceMs).bind(2, source).bind(3, phaseBefore);
    return statement.step() ? static_cast<int>(statement.columnInt(0)) : 0;
}

std::int64_t ReviewLogRepository::count()
{
    auto statement = m_database.prepare("SELECT count(*) FROM review_log");
    return statement.step() ? statement.columnInt(0) : 0;
}

std::optional<std::int64_t> ReviewLogRepository::earliestMs()
{
    auto statement = m_database.prepare("SELECT min(reviewed_ms) FROM review_log");
    if (!statement.step() || statement.columnIsNull(0)) {
        return std::nullopt;
    }
    return statement.columnInt(0);
}

std::vector<DurationSummary> ReviewLogRepository::durationSummaries()
{
    auto statement = m_database.prepare("SELECT kind, phase_before = 0, duration_ms FROM review_log "
                                        "WHERE source = 'review' AND duration_ms BETWEEN 1000 AND 600000 "
                                        "ORDER BY 1, 2, 3");
    std::vector<DurationSummary> summaries;
    std::vector<double> durations;
    auto close = [&] {
        if (!durations.empty()) {
            const std::size_t middle = durations.size() / 2;
            summaries.back().medianMs = durations.size() % 2 == 1
                ? durations[middle]
                : (durations[middle - 1] + durations[middle]) / 2.0;
            summaries.back().answers = static_cast<int>(durations.size());
        }
        durations.clear();
    };
    while (statement.step()) {
        const std::string kind = statement.columnText(0);
        const bool firstSight = statement.columnInt(1) != 0;
        if (summaries.empty() || summaries.back().kind != kind || summaries.back().firstSight != firstSight) {
            close();
            summaries.push_back(DurationSummary { kind, firstSight });
        }
        durations.push_back(static_cast<double>(statement.columnInt(2)));
    }
    close();
    return summaries;
}

void ReviewLogRepository::forEachInItemOrder(const std::function<void(const ReviewHistoryRow&)>& visit)
{
    auto statement = m_database.prepare("SELECT item_id, reviewed_ms, rating, elapsed_days FROM review_log "
                                        "ORDER BY item_id, reviewed_ms, id");
    ReviewHistoryRow row;
    while (statement.step()) {
        row.itemId = statement.columnText(0);
        row.reviewedMs = statement.columnInt(1);
        row.rating = static_cast<int>(statement.columnInt(2));
        row.elapsedDays = statement.columnDouble(3);
        visit(row);
    }
}

} // namespace mlaprep
