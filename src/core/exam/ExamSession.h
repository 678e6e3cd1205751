#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "content/Answer.h"
#include "exam/ExamPlan.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mlaprep {

enum class ExamMode { Exam, Practice };
// Abandoned: the learner gave the attempt up. It stays in history, unscored, and feeds nothing.
enum class FinishReason { Submitted, TimeUp, Abandoned };

// "submitted", "time-up", "abandoned": the store's and exam-status's words.
const char* finishReasonName(FinishReason reason);
// Submitted for any other word.
FinishReason finishReasonFromName(const std::string& name);

struct AttemptItem {
    ExamItem item;
    std::optional<Answer> answer;
    bool flagged = false;
    long long timeSpentMs = 0;
    std::set<std::string> struck; // option ids the learner ruled out
};

// One attempt as the store keeps it. Its clock is `elapsedMs` plus the wall time since `runningSince`;
// there is no `runningSince` while the attempt is paused or finished.
struct AttemptState {
    std::int64_t id = 0;
    ExamMode mode = ExamMode::Exam;
    std::uint64_t seed = 0;
    std::optional<long long> timeLimitMs;
    long long elapsedMs = 0;
    std::optional<Instant> runningSince;
    int position = 0;
    std::optional<FinishReason> finished;
    std::vector<AttemptItem> items;

    bool isFinished() const { return finished.has_value(); }
    bool isPaused() const { return !finished && !runningSince; }
    int answeredCount() const;
    int flaggedCount() const;
    // The clock at `now`. A wall clock set back never runs it backwards.
    long long elapsedMsAt(Instant now) const;
    std::optional<long long> remainingMsAt(Instant now) const;
};

// What one transition of an ExamSession changed, for ExamService to write in one transaction. The new
// values are read from the session itself; `changed` false means there is nothing to write.
struct SessionStep {
    bool changed = false;
    std::optional<std::string> answeredItem;
    std::optional<std::string> flaggedItem;
    std::optional<std::string> struckItem;
    // The item whose time on screen grew (left, or current when the attempt ended).
    std::optional<std::string> timedItem;
    std::optional<FinishReason> finished;
};

// The state machine of one attempt: answer, flag, move, tick, pause, resume and end, each driven by the
// instant the caller passes (the exam screen's timer, exam-sim, a test's manual clock) and never by a
// timer of its own. A running attempt's clock is wall time, so it runs on while the app is closed, as
// the real exam's does; only pause stops it. Every transition first moves the clock to `now`, and a
// timed attempt whose time has run out ends there with TimeUp instead of doing what was asked, exactly
// once. The session is a value: ExamService applies a transition to a copy, writes the step and keeps
// the copy only once the write has committed.
class ExamSession {
public:
    ExamSession(AttemptState attempt, Instant now);

    const AttemptState& attempt() const { return m_attempt; }
    std::int64_t id() const { return m_attempt.id; }
    ExamMode mode() const { return m_attempt.mode; }
    bool isFinished() const { return m_attempt.isFinished(); }
    bool isPaused() const { return m_attempt.isPaused(); }
    bool isRunning() const { return !isFinished() && !isPaused(); }
    std::optional<FinishReason> finishReason() const { return m_attempt.finished; }
    // The instant the session was last driven to, and its clock then.
    Instant now() const { return m_now; }
    long long elapsedMs() const;
    std::optional<long long> remainingMs() const;
    int position() const { return m_attempt.position; }
    // Null when the attempt has no items.
    const AttemptItem* currentItem() const;

    // An empty answer clears the item's answer.
    Result<SessionStep> answer(const std::string& itemId, const std::optional<Answer>& answer, Instant now);
    Result<SessionStep> flag(const std::string& itemId, bool flagged, Instant now);
    // Strikes an option of the item through (rules it out), or restores it; choosing it stays possible.
    Result<SessionStep> strike(
        const std::string& itemId, const std::string& optionId, bool struck, Instant now);
    // Leaves the current item (its time on screen grows) for the one at `position`.
    Result<SessionStep> moveTo(int position, Instant now);
    // What the screen's timer calls: nothing to write until the time runs out, then the TimeUp end.
    SessionStep tick(Instant now);
    Result<SessionStep> pause(Instant now);
    Result<SessionStep> resume(Instant now);
    // Submitted or Abandoned; ending a finished attempt again changes nothing.
    Result<SessionStep> end(FinishReason reason, Instant now);

private:
    // Moves the clock to `now`; true when that ended the attempt (its time ran out).
    bool advance(Instant now, SessionStep& step);
    Problem refusal(const std::string& field, const std::string& message) const;
    std::optional<Problem> refuseUnlessRunning() const;
    AttemptItem* findItem(const std::string& itemId);
    // Moves the clock to `now` (a time-up ends the attempt first), then runs `edit` on an item of the
    // running attempt; `edit` may refuse with a problem, and leaves nothing changed when it does.
    Result<SessionStep> editItem(const std::string& itemId, Instant now,
        const std::function<std::optional<Problem>(AttemptItem&, SessionStep&)>& edit);
    // Adds the time since the current item came on screen to it.
    void settleItemTime(SessionStep& step);
    // Writes the clock at m_now into the attempt, as the store will keep it.
    void foldClock();
    void stopClock(FinishReason reason, SessionStep& step);

    AttemptState m_attempt;
    Instant m_now;
    long long m_onItemSinceMs = 0; // the clock when the current item came on screen
};

} // namespace mlaprep
