#include "services/ReviewRecorder.h"

#include "services/SrsRows.h"
#include "srs/Scheduler.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"

namespace mlaprep {

RecordedAnswer recordAnswer(Database& database, const srs::SchedulerConfig& config, const std::string& itemId,
    srs::ItemKind kind, fsrs::Rating rating, Instant at, int utcOffsetMinutes,
    std::chrono::milliseconds duration, srs::ReviewSource source)
{
    ReviewRecorder recorder(database);
    return recorder.record(config, itemId, kind, rating, at, utcOffsetMinutes, duration, source);
}

ReviewRecorder::ReviewRecorder(Database& database)
    : m_states(std::make_unique<ItemStateRepository>(database))
    , m_log(std::make_unique<ReviewLogRepository>(database))
{
}

ReviewRecorder::~ReviewRecorder() = default;

srs::ItemState ReviewRecorder::state(const std::string& itemId)
{
    const auto row = m_states->find(itemId);
    return row ? toItemState(*row) : srs::ItemState {};
}

RecordedAnswer ReviewRecorder::record(const srs::SchedulerConfig& config, const std::string& itemId,
    srs::ItemKind kind, fsrs::Rating rating, Instant at, int utcOffsetMinutes,
    std::chrono::milliseconds duration, srs::ReviewSource source)
{
    RecordedAnswer result;
    result.before = state(itemId);
    const srs::Preview next = srs::preview(
        result.before, at, utcOffsetMinutes, config, srs::fuzzSeed(itemId, result.before.reps));
    result.after = next[rating].state;
    m_states->save(toItemStateRow(itemId, kind, result.after));

    ReviewLogRow row;
    row.itemId = itemId;
    row.kind = std::string(srs::toString(kind));
    row.reviewedMs = toEpochMilliseconds(at);
    row.rating = fsrs::toGrade(rating);
    row.source = std::string(srs::toString(source));
    row.elapsedDays = next.elapsedDays;
    row.durationMs = duration.count();
    const ItemStateRow before = toItemStateRow(itemId, kind, result.before);
    row.phaseBefore = before.phase;
    row.stepBefore = before.step;
    row.stabilityBefore = before.stability;
    row.difficultyBefore = before.difficulty;
    row.dueBeforeMs = before.dueMs;
    row.lastReviewBeforeMs = before.lastReviewMs;
    row.repsBefore = before.reps;
    row.lapsesBefore = before.lapses;
    row.phaseAfter = srs::toInt(result.after.phase);
    row.stepAfter = result.after.step;
    row.stabilityAfter = result.after.memory->stability;
    row.difficultyAfter = result.after.memory->difficulty;
    row.dueAfterMs = toEpochMilliseconds(result.after.due);
    result.logId = m_log->append(row);
    return result;
}

} // namespace mlaprep
