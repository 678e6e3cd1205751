#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "content/Answer.h"
#include "exam/ExamPlan.h"
#include "exam/ExamReport.h"
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

enum class ExamMode { Exam, Practice };
enum class FinishReason { Submitted, TimeUp };

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

struct AttemptItem {
    ExamItem item;
    std::optional<Answer> answer;
    bool flagged = false;
    long long timeSpentMs = 0;
};

struct AttemptState {
    std::int64_t id = 0;
    ExamMode mode = ExamMode::Exam;
    std::uint64_t seed = 0;
    std::optional<long long> timeLimitMs;
    long long elapsedMs = 0;
    int position = 0;
    bool finished = false;
    std::vector<AttemptItem> items;

    int answeredCount() const;
    int flaggedCount() const;
    std::optional<long long> remainingMs() const;
};

struct AttemptSummary {
    std::int64_t id = 0;
    ExamMode mode = ExamMode::Exam;
    Instant started;
    long long elapsedMs = 0;
    int items = 0;
    int scoredCorrect = 0;
    int scoredTotal = 0;
    int scaledScore = 0;
    bool timeUp = false;
};

// Mock exams and practice sessions, persisted on every action: one call is one transaction, so a crash
// or kill after a call returns loses nothing. Clock time is passed in as `elapsedMs` by the caller that
// runs the clock (the exam screen, exam-sim); the store keeps the largest value seen.
class ExamService {
public:
    // Extra minutes of the ESL accommodation and the unscored count of the realism option.
    static constexpr int ExtraMinutes = 30;
    static constexpr int UnscoredItems = 15;

    // `schedulerConfig` is the learner's SRS configuration (StudyService::config()): finishing an attempt
    // feeds its answers to the same scheduler the Review screen uses.
    ExamService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);

    Result<AttemptState> start(const StartRequest& request);
    // The attempt left open (closed or killed app), if any.
    Result<std::optional<AttemptState>> openAttempt();
    Result<AttemptState> attempt(std::int64_t attemptId);
    // The most recent attempt with this seed, open or finished.
    Result<std::optional<AttemptState>> attemptWithSeed(std::uint64_t seed);
    // The open attempt, else the most recent finished one; none when there was never an attempt.
    Result<std::optional<AttemptState>> latestAttempt();

    Result<Changes> recordAnswer(std::int64_t attemptId, const std::string& itemId,
        const std::optional<Answer>& answer, long long elapsedMs);
    Result<Changes> setFlag(
        std::int64_t attemptId, const std::string& itemId, bool flagged, long long elapsedMs);
    // Leaves the item at the current position (adding the time spent on it) for `position`.
    Result<Changes> moveTo(std::int64_t attemptId, int position, const std::string& leftItemId,
        long long timeOnItemMs, long long elapsedMs);
    Result<Changes> saveClock(std::int64_t attemptId, long long elapsedMs);

    // Scores the attempt, stores the result and feeds every answered item to the SRS queue (wrong → Again,
    // right but flagged or slow → Hard, right → Good), in one transaction. Unanswered items are left to
    // the queue as they were. Finishing an attempt twice returns the stored report.
    Result<ExamReport> finish(std::int64_t attemptId, FinishReason reason, long long elapsedMs);
    Result<ExamReport> report(std::int64_t attemptId);
    Result<std::vector<AttemptSummary>> history();

    const Bundle& bundle() const { return m_bundle; }

private:
    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
    std::unordered_map<std::string, const Question*> m_items;
};

} // namespace mlaprep
