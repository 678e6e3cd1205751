#include "services/ReviewRecorder.h"

#include "services/SrsRows.h"
#include "srs/Scheduler.h"
#include "srs/SettingText.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"

#include <algorithm>
#include <set>

namespace mlaprep {

namespace {

// Answers are applied in HLC order, and a device whose clock was behind has wall times before the
// answer applied just before. Applying at the later of the two keeps time, and elapsed days, from running
// backwards; recording and replaying share the rule so both give the same state.
Instant notBefore(Instant at, const srs::ItemState& before)
{
    return before.lastReview && at < *before.lastReview ? *before.lastReview : at;
}

// The retention and weights an answer was recorded with; one recorded before they were kept with it
// takes `fallback`'s. A recorded answer without weights had the defaults.
void useSettingsOfAnswer(
    const sync::Payload& answer, const srs::SchedulerConfig& fallback, srs::SchedulerConfig& atAnswer)
{
    const auto retention = answer.get("retention");
    const auto weights = answer.get("weights");
    atAnswer.desiredRetention
        = (retention ? srs::numberFromText(*retention) : std::nullopt).value_or(fallback.desiredRetention);
    atAnswer.parameters = (weights ? srs::parametersFromText(*weights) : std::nullopt)
                              .value_or(retention ? fsrs::DefaultParameters : fallback.parameters);
}

} // namespace

bool isReplayedKind(std::string_view kind)
{
    return std::find(ReplayedEventKinds.begin(), ReplayedEventKinds.end(), kind) != ReplayedEventKinds.end();
}

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
    , m_events(std::make_unique<EventRepository>(database))
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
    sync::Payload payload;
    payload.set("at", toEpochMilliseconds(at))
        .set("duration", static_cast<long long>(duration.count()))
        .set("kind", srs::toString(kind))
        .set("offset", utcOffsetMinutes)
        .set("rating", fsrs::toGrade(rating))
        .set("source", srs::toString(source))
        .set("retention", srs::numberText(config.desiredRetention));
    // The weights in force go with the answer too, so a replay on any device schedules it as this one did;
    // the defaults are left out, as most answers have them.
    if (config.parameters != fsrs::DefaultParameters) {
        payload.set("weights", srs::parametersText(config.parameters));
    }
    const sync::Event event = m_events->recordLocal(sync::EventKind::Review, itemId, payload, at);
    const srs::ItemState before = state(itemId);
    RecordedAnswer recorded = apply(config, itemId, kind, before, rating, notBefore(at, before),
        utcOffsetMinutes, duration, source, event.uuid);
    m_states->save(toItemStateRow(itemId, kind, recorded.after));
    return recorded;
}

int ReviewRecorder::replay(
    const srs::SchedulerConfig& config, const std::string& itemId, const std::vector<sync::Event>& events)
{
    std::set<std::string> retracted;
    for (const auto& event : events) {
        if (event.kind == sync::EventKind::ReviewRetraction) {
            if (const auto payload = sync::Payload::decode(event.payload)) {
                retracted.insert(payload->get("target").value_or(""));
            }
        }
    }
    srs::ItemState current;
    // Each answer is scheduled with the retention and weights it was given with (recorded with it), so
    // the replay is what its device computed then; answers recorded before that use `config`'s.
    srs::SchedulerConfig atAnswer = config;
    std::optional<srs::ItemKind> lastKind;
    int replayed = 0;
    bool endsReset = false;
    for (const auto& event : events) {
        if (event.kind == sync::EventKind::ReviewRetraction || retracted.count(event.uuid) != 0) {
            continue;
        }
        if (event.kind == sync::EventKind::Reset) {
            current = srs::ItemState {};
            endsReset = true;
            continue;
        }
        const auto payload = sync::Payload::decode(event.payload);
        const auto kind = payload ? srs::itemKindFromString(payload->get("kind").value_or("")) : std::nullopt;
        const auto rating
            = payload ? fsrs::ratingFromGrade(payload->getInteger("rating").value_or(0)) : std::nullopt;
        const auto source
            = payload ? srs::reviewSourceFromString(payload->get("source").value_or("")) : std::nullopt;
        const auto atMs = payload ? payload->getInteger("at") : std::nullopt;
        if (!kind || !rating || !source || !atMs) {
            // An event this version cannot read (a newer kind of answer) leaves the history as it is.
            continue;
        }
        const srs::ItemKind answerKind = *kind;
        const Instant at = notBefore(fromEpochMilliseconds(*atMs), current);
        useSettingsOfAnswer(*payload, config, atAnswer);
        const int offset = static_cast<int>(payload->getInteger("offset").value_or(0));
        const auto duration = std::chrono::milliseconds(payload->getInteger("duration").value_or(0));
        current
            = apply(atAnswer, itemId, answerKind, current, *rating, at, offset, duration, *source, event.uuid)
                  .after;
        lastKind = answerKind;
        ++replayed;
        endsReset = false;
    }
    // The state is written once, after the last answer: the log rows hold every step before it.
    if (lastKind && !endsReset) {
        m_states->save(toItemStateRow(itemId, *lastKind, current));
    }
    if (replayed == 0 || endsReset) {
        const auto row = m_states->find(itemId);
        const auto kind = row ? srs::itemKindFromString(row->kind) : std::nullopt;
        if (kind) {
            m_states->save(toItemStateRow(itemId, *kind, srs::ItemState {}));
        }
    }
    return replayed;
}

RecordedAnswer ReviewRecorder::apply(const srs::SchedulerConfig& config, const std::string& itemId,
    srs::ItemKind kind, const srs::ItemState& before, fsrs::Rating rating, Instant at, int utcOffsetMinutes,
    std::chrono::milliseconds duration, srs::ReviewSource source, const std::string& eventUuid)
{
    RecordedAnswer result;
    result.before = before;
    const srs::Preview next = srs::preview(
        result.before, at, utcOffsetMinutes, config, srs::fuzzSeed(itemId, result.before.reps));
    result.after = next[rating].state;

    ReviewLogRow row;
    row.itemId = itemId;
    row.kind = std::string(srs::toString(kind));
    row.reviewedMs = toEpochMilliseconds(at);
    row.rating = fsrs::toGrade(rating);
    row.source = std::string(srs::toString(source));
    row.elapsedDays = next.elapsedDays;
    row.durationMs = duration.count();
    const ItemStateRow beforeRow = toItemStateRow(itemId, kind, result.before);
    row.phaseBefore = beforeRow.phase;
    row.stepBefore = beforeRow.step;
    row.stabilityBefore = beforeRow.stability;
    row.difficultyBefore = beforeRow.difficulty;
    row.dueBeforeMs = beforeRow.dueMs;
    row.lastReviewBeforeMs = beforeRow.lastReviewMs;
    row.repsBefore = beforeRow.reps;
    row.lapsesBefore = beforeRow.lapses;
    row.phaseAfter = srs::toInt(result.after.phase);
    row.stepAfter = result.after.step;
    row.stabilityAfter = result.after.memory->stability;
    row.difficultyAfter = result.after.memory->difficulty;
    row.dueAfterMs = toEpochMilliseconds(result.after.due);
    row.eventUuid = eventUuid;
    result.logId = m_log->append(row);
    return result;
}

} // namespace mlaprep
