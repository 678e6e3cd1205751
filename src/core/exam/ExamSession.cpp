#include "exam/ExamSession.h"

#include <algorithm>

namespace mlaprep {

const char* finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Submitted:
        return "submitted";
    case FinishReason::TimeUp:
        return "time-up";
    case FinishReason::Abandoned:
        return "abandoned";
    }
    return "submitted";
}

FinishReason finishReasonFromName(const std::string& name)
{
    return name == "time-up"  ? FinishReason::TimeUp
        : name == "abandoned" ? FinishReason::Abandoned
                              : FinishReason::Submitted;
}

int AttemptState::answeredCount() const
{
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](const AttemptItem& i) { return i.answer.has_value(); }));
}

int AttemptState::flaggedCount() const
{
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](const AttemptItem& i) { return i.flagged; }));
}

long long AttemptState::elapsedMsAt(Instant now) const
{
    if (!runningSince) {
        return elapsedMs;
    }
    return elapsedMs + std::max(0LL, toEpochMilliseconds(now) - toEpochMilliseconds(*runningSince));
}

std::optional<long long> AttemptState::remainingMsAt(Instant now) const
{
    if (!timeLimitMs) {
        return std::nullopt;
    }
    return std::max(0LL, *timeLimitMs - elapsedMsAt(now));
}

ExamSession::ExamSession(AttemptState attempt, Instant now)
    : m_attempt(std::move(attempt))
    , m_now(now)
{
    const int last = std::max(0, static_cast<int>(m_attempt.items.size()) - 1);
    m_attempt.position = std::clamp(m_attempt.position, 0, last);
    m_onItemSinceMs = elapsedMs();
}

long long ExamSession::elapsedMs() const
{
    const long long elapsed = m_attempt.elapsedMsAt(m_now);
    return m_attempt.timeLimitMs ? std::min(elapsed, *m_attempt.timeLimitMs) : elapsed;
}

std::optional<long long> ExamSession::remainingMs() const
{
    return m_attempt.remainingMsAt(m_now);
}

const AttemptItem* ExamSession::currentItem() const
{
    if (m_attempt.items.empty()) {
        return nullptr;
    }
    return &m_attempt.items[static_cast<std::size_t>(m_attempt.position)];
}

AttemptItem* ExamSession::findItem(const std::string& itemId)
{
    auto found = std::find_if(m_attempt.items.begin(), m_attempt.items.end(),
        [&](const AttemptItem& item) { return item.item.itemId == itemId; });
    return found == m_attempt.items.end() ? nullptr : &*found;
}

Problem ExamSession::refusal(const std::string& field, const std::string& message) const
{
    return Problem { Severity::Error, "", "", field, "attempt " + std::to_string(id()) + " " + message };
}

std::optional<Problem> ExamSession::refuseUnlessRunning() const
{
    if (isFinished()) {
        return refusal("attempt", "is finished");
    }
    if (isPaused()) {
        return refusal("attempt", "is paused: resume it first");
    }
    return std::nullopt;
}

void ExamSession::settleItemTime(SessionStep& step)
{
    const long long elapsed = elapsedMs();
    AttemptItem* item
        = m_attempt.items.empty() ? nullptr : &m_attempt.items[static_cast<std::size_t>(position())];
    if (item && elapsed > m_onItemSinceMs) {
        item->timeSpentMs += elapsed - m_onItemSinceMs;
        step.timedItem = item->item.itemId;
    }
    m_onItemSinceMs = elapsed;
}

void ExamSession::foldClock()
{
    m_attempt.elapsedMs = elapsedMs();
    if (m_attempt.runningSince) {
        m_attempt.runningSince = m_now;
    }
}

void ExamSession::stopClock(FinishReason reason, SessionStep& step)
{
    settleItemTime(step);
    foldClock();
    m_attempt.runningSince.reset();
    m_attempt.finished = reason;
    step.finished = reason;
    step.changed = true;
}

bool ExamSession::advance(Instant now, SessionStep& step)
{
    m_now = std::max(m_now, now);
    if (!isRunning() || !m_attempt.timeLimitMs || elapsedMs() < *m_attempt.timeLimitMs) {
        return false;
    }
    stopClock(FinishReason::TimeUp, step);
    return true;
}

Result<SessionStep> ExamSession::editItem(const std::string& itemId, Instant now,
    const std::function<std::optional<Problem>(AttemptItem&, SessionStep&)>& edit)
{
    SessionStep step;
    if (advance(now, step)) {
        return step;
    }
    if (auto refused = refuseUnlessRunning()) {
        return Result<SessionStep>::failure(*refused);
    }
    AttemptItem* item = findItem(itemId);
    if (!item) {
        return Result<SessionStep>::failure(refusal("item", "has no item " + itemId));
    }
    if (auto refused = edit(*item, step)) {
        return Result<SessionStep>::failure(*refused);
    }
    step.changed = true;
    foldClock();
    return step;
}

Result<SessionStep> ExamSession::answer(
    const std::string& itemId, const std::optional<Answer>& answer, Instant now)
{
    return editItem(itemId, now, [&](AttemptItem& item, SessionStep& step) -> std::optional<Problem> {
        item.answer = answer && !answer->empty() ? answer : std::nullopt;
        step.answeredItem = itemId;
        return std::nullopt;
    });
}

Result<SessionStep> ExamSession::flag(const std::string& itemId, bool flagged, Instant now)
{
    return editItem(itemId, now, [&](AttemptItem& item, SessionStep& step) -> std::optional<Problem> {
        item.flagged = flagged;
        step.flaggedItem = itemId;
        return std::nullopt;
    });
}

Result<SessionStep> ExamSession::strike(
    const std::string& itemId, const std::string& optionId, bool struck, Instant now)
{
    return editItem(itemId, now, [&](AttemptItem& item, SessionStep& step) -> std::optional<Problem> {
        const auto& order = item.item.optionOrder;
        if (std::find(order.begin(), order.end(), optionId) == order.end()) {
            return refusal("option", itemId + " has no option " + optionId);
        }
        if (struck) {
            item.struck.insert(optionId);
        } else {
            item.struck.erase(optionId);
        }
        step.struckItem = itemId;
        return std::nullopt;
    });
}

Result<SessionStep> ExamSession::moveTo(int position, Instant now)
{
    SessionStep step;
    if (advance(now, step)) {
        return step;
    }
    if (auto refused = refuseUnlessRunning()) {
        return Result<SessionStep>::failure(*refused);
    }
    if (position < 0 || position >= static_cast<int>(m_attempt.items.size())) {
        return Result<SessionStep>::failure(refusal("position",
            "has no position " + std::to_string(position) + " (it has "
                + std::to_string(m_attempt.items.size()) + " items)"));
    }
    settleItemTime(step);
    m_attempt.position = position;
    step.changed = true;
    foldClock();
    return step;
}

SessionStep ExamSession::tick(Instant now)
{
    SessionStep step;
    advance(now, step);
    return step;
}

Result<SessionStep> ExamSession::pause(Instant now)
{
    SessionStep step;
    if (advance(now, step) || isPaused()) {
        return step;
    }
    if (isFinished()) {
        return Result<SessionStep>::failure(refusal("attempt", "is finished"));
    }
    settleItemTime(step);
    foldClock();
    m_attempt.runningSince.reset();
    step.changed = true;
    return step;
}

Result<SessionStep> ExamSession::resume(Instant now)
{
    SessionStep step;
    m_now = std::max(m_now, now);
    if (isFinished()) {
        return Result<SessionStep>::failure(refusal("attempt", "is finished"));
    }
    if (isRunning()) {
        return step;
    }
    m_attempt.runningSince = m_now;
    step.changed = true;
    // A clock stored at its limit (a store from before pausing existed) ends here, not on the next tick.
    advance(m_now, step);
    return step;
}

Result<SessionStep> ExamSession::end(FinishReason reason, Instant now)
{
    SessionStep step;
    if (isFinished() || advance(now, step)) {
        return step;
    }
    stopClock(reason, step);
    return step;
}

} // namespace mlaprep
