#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "content/Answer.h"
#include "exam/ExamPlan.h"
#include "exam/ExamReport.h"
#include "exam/ExamSession.h"
#include "services/Changes.h"
#include "srs/SchedulerConfig.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

struct StartRequest {
    ExamMode mode = ExamMode::Exam;
    std::uint64_t seed = 0;
    int questions = 65;
    bool timed = true; // practice may be untimed; a mock is always timed
    bool extraTime = false; // +30 minutes (the ESL accommodation)
    bool unscoredRealism = false; // 15 unscored items as on the real exam, revealed in the report
    std::set<std::string> domains;
    std::set<std::string> tasks;
    std::set<QuestionType> types;
    int missedInLastAttempts = 0; // > 0: only items answered wrong in the learner's last N attempts
    bool neverSeen = false; // only items never placed in an attempt
    std::string bullet; // practice: only items that train this exam-guide bullet (AssemblyRequest::bullet)
};

struct AttemptSummary {
    std::int64_t id = 0;
    ExamMode mode = ExamMode::Exam;
    Instant started;
    long long elapsedMs = 0;
    int items = 0;
    int scoredCorrect = 0;
    int scoredTotal = 0;
    int scaledScore = 0; // 0 for an abandoned attempt, which is never scored
    FinishReason finishReason = FinishReason::Submitted;
    // The name of the device that took it when that is another one (a synced, read-only attempt); empty
    // for this device's own.
    std::string device;
};

// An attempt another device started and has not finished, as far as this store has synced: it shows in
// the history, and only that device can resume or end it.
struct AttemptElsewhere {
    std::string uuid;
    ExamMode mode = ExamMode::Exam;
    Instant started;
    std::string device; // its name
};

// Mock exams and practice sessions, persisted on every action: one call is one transaction, so a crash
// or kill after a call returns loses nothing. The caller holds an ExamSession (the state machine of the
// attempt) and passes it to each intent; the service drives it with its clock, writes what changed and
// keeps the change in the session only once the transaction has committed. An intent that finds the time
// run out ends the attempt as TimeUp instead (the session then says so).
class ExamService {
public:
    // Extra minutes of the ESL accommodation and the unscored count of the realism option.
    static constexpr int ExtraMinutes = 30;
    static constexpr int UnscoredItems = 15;

    // `schedulerConfig` is the learner's SRS configuration (StudyService::config()): finishing an attempt
    // feeds its answers to the same scheduler the Review screen uses.
    ExamService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);

    // Refused while another attempt is open (running or paused): resume, end or abandon that first.
    Result<ExamSession> start(const StartRequest& request);
    // The attempt left open (closed or killed app, or paused), if any, picked up now. A timed attempt
    // whose time ran out while the app was closed comes back finished as TimeUp, scored with the answers
    // it had.
    Result<std::optional<ExamSession>> openSession();
    Result<AttemptState> attempt(std::int64_t attemptId);
    // The most recent attempt with this seed, open or finished.
    Result<std::optional<AttemptState>> attemptWithSeed(std::uint64_t seed);
    // The open attempt, else the most recent finished one; none when there was never an attempt. Reads
    // only (exam-status opens the store read-only).
    Result<std::optional<AttemptState>> latestAttempt();

    // An empty answer clears the item's answer.
    Result<Changes> answer(
        ExamSession& session, const std::string& itemId, const std::optional<Answer>& answer);
    Result<Changes> flag(ExamSession& session, const std::string& itemId, bool flagged);
    Result<Changes> strike(
        ExamSession& session, const std::string& itemId, const std::string& optionId, bool struck);
    Result<Changes> moveTo(ExamSession& session, int position);
    // The exam screen's timer: writes nothing until the time runs out, then ends the attempt as TimeUp.
    Result<Changes> tick(ExamSession& session);
    // Stops the clock, in the store too: a paused attempt stays paused across a restart.
    Result<Changes> pause(ExamSession& session);
    Result<Changes> resume(ExamSession& session);
    // Scores the attempt, stores the result and feeds every answered item to the SRS queue (wrong → Again,
    // right but flagged or slow → Hard, right → Good), in one transaction. Unanswered items are left to
    // the queue as they were. Ending a finished attempt again changes nothing.
    Result<Changes> submit(ExamSession& session);
    // Ends the attempt unscored: it stays in history as abandoned, feeds neither the queue nor the stats,
    // and no longer blocks starting another.
    Result<Changes> abandon(ExamSession& session);

    Result<ExamReport> report(std::int64_t attemptId);
    // Finished attempts, newest first, this device's and those synced from others.
    Result<std::vector<AttemptSummary>> history();
    // Attempts running on other devices, oldest first.
    Result<std::vector<AttemptElsewhere>> inProgressElsewhere();

    const Bundle& bundle() const { return m_bundle; }

private:
    // Applies `transition` to a copy of the session, writes its step in one transaction and then keeps
    // the copy.
    template <typename Transition> Result<Changes> apply(ExamSession& session, Transition&& transition);
    // Writes one step of `session` (already applied to it); the caller holds the transaction.
    void writeStep(const ExamSession& session, const SessionStep& step);
    // Scores the finished attempt, stores its result and feeds its answers to the SRS queue.
    void scoreFinished(const ExamSession& session);

    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
    std::unordered_map<std::string, const Question*> m_items;
};

} // namespace mlaprep
