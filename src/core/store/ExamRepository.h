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
};

// SQL for exam_attempts, exam_items and exam_answer_changes (sql/004_exams.sql, 009_exam_pause_abandon.sql,
// 012_exam_struck_options.sql).
// No transactions here:
// ExamService wraps each user action in one.
class ExamRepository {
public:
    explicit ExamRepository(Database& database)
        : m_database(database)
    {
    }

    std::int64_t insertAttempt(const AttemptRow& attempt);
    void insertItem(std::int64_t attemptId, int position, const ExamItem& item);

    std::optional<std::int64_t> openAttemptId();
    std::optional<std::int64_t> latestAttemptId();
    std::optional<std::int64_t> latestAttemptWithSeed(std::uint64_t seed);
    std::optional<AttemptRow> attempt(std::int64_t attemptId);
    std::vector<ExamItemRow> items(std::int64_t attemptId);
    // Every answer given per item, oldest first; NULL (cleared) answers are left out.
    std::map<std::string, std::vector<std::string>> answerHistory(std::int64_t attemptId);

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
