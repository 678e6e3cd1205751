#include "services/ExamEvents.h"

#include "interop/AttemptItemsJson.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ExamRepository.h"

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

namespace {

sync::Payload finishedPayload(
    ExamRepository& repository, const AttemptRow& attempt, const std::string& device)
{
    sync::Payload payload = examStartedPayload(attempt);
    payload.set("device", device)
        .set("elapsed", attempt.elapsedMs)
        .set("finished", attempt.finishedMs.value_or(0))
        .set("items",
            attemptItemsJson(
                AttemptItems { repository.items(attempt.id), repository.answerChanges(attempt.id) }))
        .set("position", attempt.position)
        .set("reason", attempt.finishReason);
    if (attempt.scoredCorrect) {
        payload.set("correct", *attempt.scoredCorrect)
            .set("total", attempt.scoredTotal.value_or(0))
            .set("scaled", attempt.scaledScore.value_or(0));
    }
    return payload;
}

bool isFinishReason(const std::string& reason)
{
    return reason == "submitted" || reason == "time-up" || reason == "abandoned";
}

// The attempt an exam-finished event describes, with its items and answer changes; none when the
// payload misses a field or has one of the wrong kind.
struct FinishedAttempt {
    AttemptRow attempt;
    AttemptItems items;
};

std::optional<FinishedAttempt> finishedAttemptOf(const sync::Event& event)
{
    const auto payload = sync::Payload::decode(event.payload);
    if (!payload) {
        return std::nullopt;
    }
    FinishedAttempt finished;
    AttemptRow& attempt = finished.attempt;
    attempt.uuid = event.itemId;
    attempt.ownerDevice = payload->get("device").value_or(event.hlc.device);
    attempt.bundleId = payload->get("bundle").value_or("");
    attempt.bundleVersion = payload->get("version").value_or("");
    attempt.mode = payload->get("mode").value_or("");
    attempt.finishReason = payload->get("reason").value_or("");
    const auto seed = payload->getInteger("seed");
    const auto started = payload->getInteger("started");
    const auto ended = payload->getInteger("finished");
    const auto items = payload->get("items");
    if (attempt.uuid.empty() || attempt.ownerDevice.empty()
        || (attempt.mode != "exam" && attempt.mode != "practice") || !isFinishReason(attempt.finishReason)
        || !seed || !started || !ended || !items) {
        return std::nullopt;
    }
    attempt.seed = static_cast<std::uint64_t>(*seed);
    attempt.startedMs = *started;
    attempt.finishedMs = *ended;
    attempt.timeLimitMs = payload->getInteger("limit");
    attempt.elapsedMs = payload->getInteger("elapsed").value_or(0);
    attempt.position = static_cast<int>(payload->getInteger("position").value_or(0));
    if (const auto correct = payload->getInteger("correct")) {
        attempt.scoredCorrect = static_cast<int>(*correct);
        attempt.scoredTotal = static_cast<int>(payload->getInteger("total").value_or(0));
        attempt.scaledScore = static_cast<int>(payload->getInteger("scaled").value_or(0));
    }
    auto parsed = attemptItemsFromJson(*items);
    if (!parsed) {
        return std::nullopt;
    }
    finished.items = std::move(*parsed);
    return finished;
}

} // namespace

sync::Payload examStartedPayload(const AttemptRow& attempt)
{
    sync::Payload payload;
    payload.set("bundle", attempt.bundleId)
        .set("version", attempt.bundleVersion)
        .set("mode", attempt.mode)
        .set("seed", static_cast<long long>(attempt.seed))
        .set("started", attempt.startedMs);
    if (attempt.timeLimitMs) {
        payload.set("limit", *attempt.timeLimitMs);
    }
    return payload;
}

void recordExamFinished(Database& database, EventRepository& events, std::int64_t attemptId, Instant at)
{
    ExamRepository repository(database);
    const auto attempt = repository.attempt(attemptId);
    if (!attempt || !attempt->ownerDevice.empty()) {
        return; // another device's attempt: it records its own finish
    }
    events.recordLocal(sync::EventKind::ExamFinished, attempt->uuid,
        finishedPayload(repository, *attempt, events.device()), at);
}

void recordFinishedHistory(Database& database, EventRepository& events)
{
    ExamRepository repository(database);
    const std::string history(sync::HistoryDevice);
    for (const auto id : repository.ownFinishedWithoutEvent()) {
        const auto attempt = repository.attempt(id);
        events.recordHistory(sync::Event { attempt->uuid + "/finished",
            sync::Hlc { attempt->finishedMs.value_or(attempt->startedMs), 0, history },
            std::string(sync::EventKind::ExamFinished), attempt->uuid,
            finishedPayload(repository, *attempt, history).encode() });
    }
}

bool applyExamFinished(Database& database, EventRepository& events, const sync::Event& event)
{
    ExamRepository repository(database);
    if (const auto id = repository.attemptIdOf(event.itemId)) {
        // Ours, never overwritten; another device's, kept unless this event is the earliest finish of
        // all (a store copied to a second machine may finish one attempt twice): every store then shows
        // the same finish, whatever order the events came in.
        if (repository.attempt(*id)->ownerDevice.empty()
            || events.forItem(event.itemId, { sync::EventKind::ExamFinished }).front().uuid != event.uuid
            || !finishedAttemptOf(event)) {
            return false;
        }
        repository.removeAttempt(*id);
    }
    const auto finished = finishedAttemptOf(event);
    if (!finished) {
        return false;
    }
    const std::int64_t id = repository.insertAttempt(finished->attempt);
    int position = 0;
    for (const auto& item : finished->items.items) {
        repository.insertItem(id, position++, item);
    }
    for (const auto& change : finished->items.changes) {
        repository.insertAnswerChange(id, change);
    }
    return true;
}

} // namespace mlaprep
