#include "services/SrsRows.h"

#include "srs/StudyDay.h"

namespace mlaprep {

srs::ItemState toItemState(const ItemStateRow& row)
{
    srs::ItemState state;
    state.phase = srs::phaseFromInt(row.phase).value_or(srs::Phase::New);
    state.step = row.step;
    if (row.stability && row.difficulty) {
        state.memory = fsrs::MemoryState { *row.stability, *row.difficulty };
    }
    state.due = fromEpochMilliseconds(row.dueMs);
    if (row.lastReviewMs) {
        state.lastReview = fromEpochMilliseconds(*row.lastReviewMs);
    }
    state.reps = row.reps;
    state.lapses = row.lapses;
    return state;
}

srs::ExamDayItem toExamDayItem(const ItemStateRow& row, double weight, int utcOffsetMinutes, int dayStartHour)
{
    const auto dayOf = [&](std::int64_t ms) {
        return srs::studyDay(fromEpochMilliseconds(ms), utcOffsetMinutes, dayStartHour);
    };
    srs::ExamDayItem item;
    item.weight = weight;
    item.phase = srs::phaseFromInt(row.phase).value_or(srs::Phase::New);
    if (row.stability && row.difficulty) {
        item.memory = fsrs::MemoryState { *row.stability, *row.difficulty };
    }
    if (row.lastReviewMs) {
        item.lastReviewDay = dayOf(*row.lastReviewMs);
    }
    item.dueDay = dayOf(row.dueMs);
    item.kind = srs::itemKindFromString(row.kind).value_or(srs::ItemKind::Question);
    return item;
}

ItemStateRow toItemStateRow(const std::string& itemId, srs::ItemKind kind, const srs::ItemState& state)
{
    ItemStateRow row;
    row.itemId = itemId;
    row.kind = std::string(srs::toString(kind));
    row.phase = srs::toInt(state.phase);
    row.step = state.step;
    if (state.memory) {
        row.stability = state.memory->stability;
        row.difficulty = state.memory->difficulty;
    }
    row.dueMs = toEpochMilliseconds(state.due);
    if (state.lastReview) {
        row.lastReviewMs = toEpochMilliseconds(*state.lastReview);
    }
    row.reps = state.reps;
    row.lapses = state.lapses;
    return row;
}

srs::ItemState stateBefore(const ReviewLogRow& row)
{
    ItemStateRow before;
    before.phase = row.phaseBefore;
    before.step = row.stepBefore;
    before.stability = row.stabilityBefore;
    before.difficulty = row.difficultyBefore;
    before.dueMs = row.dueBeforeMs.value_or(0);
    before.lastReviewMs = row.lastReviewBeforeMs;
    before.reps = row.repsBefore;
    before.lapses = row.lapsesBefore;
    return toItemState(before);
}

} // namespace mlaprep
