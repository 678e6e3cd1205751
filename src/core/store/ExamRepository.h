#pragma once

#include "exam/ExamPlan.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

struct AttemptRow {
    std::int64_t id = 0;
    std::string uuid; // the same on every device
    // The device that started the attempt when it came from another device (read-only here); empty for
    // this store's own.
    std::string ownerDevice;
    std::string bundleId;
    std::string bundleVersion;
    std::string mode; // "exam" or "practice"
    std::uint64_t seed = 0;
    std::optional<long long> timeLimitMs;
    long long startedMs = 0;
    long long elapsedMs = 0;
    std::optional<long long> runningSinceMs; // none while paused or finished
    int position = 0;
    std::optional<long long> finishedMs;
    std::string finishReason; // "submitted", "time-up", "abandoned"; empty while open
    std::optional<int> scoredCorrect;
    std::optional<int> scoredTotal;
    std::optional<int> scaledScore;
};

struct ExamItemRow {
    ExamItem item;
    std::optional<std::string> answer;
    bool flagged = false;
    long long timeSpentMs = 0;
    std::vector<std::string> struck;
    std::optional<bool> correct; // set when the attempt is finished
};

struct AnswerChangeRow {
    std::string itemId;
    std::optional<std::string> answer; // none: the answer was cleared
    long long changedMs = 0;
    long long elapsedMs = 0; // the exam clock at the change
};

// SQL for exam_attempts, exam_items and exam_answer_changes (sql/004_exams.sql, 009_exam_pause_abandon.sql,
// 012_exam_struck_options.sql, 015_exam_attempt_events.sql).
// No transactions here:
// ExamService wraps each user action in one.
class ExamRepository {
public:
    explicit ExamRepository(Database& database)
        : m_database(database)
    {
    }

    // Inserts the attempt as it is, finished or not, with its uuid and owner.
    std::int64_t insertAttempt(const AttemptRow& attempt);
    void insertItem(std::int64_t attemptId, int position, const ExamItem& item);
    // An item with its answer, flag, strikes, time and result, as another device's attempt ended.
    void insertItem(std::int64_t attemptId, int position, const ExamItemRow& item);
    void insertAnswerChange(std::int64_t attemptId, const AnswerChangeRow& change);

    std::optional<std::int64_t> openAttemptId();
    std::optional<std::int64_t> latestAttemptId();
    std::optional<std::int64_t> latestAttemptWithSeed(std::uint64_t seed);
    std::optional<AttemptRow> attempt(std::int64_t attemptId);
    std::optional<std::int64_t> attemptIdOf(const std::string& uuid);
    std::vector<ExamItemRow> items(std::int64_t attemptId);
    // Every answer given per item, oldest first; NULL (cleared) answers are left out.
    std::map<std::string, std::vector<std::string>> answerHistory(std::int64_t attemptId);
    // Every change of answer, cleared ones too, in the order they were made.
    std::vector<AnswerChangeRow> answerChanges(std::int64_t attemptId);
    // This store's own finished attempts that have no exam-finished event yet (finished before attempts
    // synced, migration 15).
    std::vector<std::int64_t> ownFinishedWithoutEvent();

    // False when the attempt has no such item.
    bool setAnswer(std::int64_t attemptId, const std::string& itemId,
        const std::optional<std::string>& answer, long long changedMs, long long elapsedMs);
    bool setFlag(std::int64_t attemptId, const std::string& itemId, bool flagged);
    void setStruck(
        std::int64_t attemptId, const std::string& itemId, const std::vector<std::string>& optionIds);
    void setTimeSpent(std::int64_t attemptId, const std::string& itemId, long long ms);
    void saveClock(
        std::int64_t attemptId, long long elapsedMs, std::optional<long long> runningSinceMs, int position);
    void setCorrect(std::int64_t attemptId, const std::string& itemId, bool correct);
    void finish(const AttemptRow& finished);
    // With its items and answer changes.
    void removeAttempt(std::int64_t attemptId);

    // "Latest" and "recent" go by when an attempt started, not by row id: another device's attempt gets
    // its row when it arrives, which may be long after it was taken.
    std::vector<AttemptRow> finishedAttempts();
    // Item ids of the most recent `attempts` attempts (finished or not).
    std::vector<std::string> itemsOfRecentAttempts(int attempts);
    // Item ids answered wrong or left unanswered in the last `attempts` scored (not abandoned) attempts.
    std::vector<std::string> missedInRecentAttempts(int attempts);
    // Every item id ever placed in an attempt.
    std::vector<std::string> everPlacedItems();

private:
    Database& m_database;
};

} // namespace mlaprep
