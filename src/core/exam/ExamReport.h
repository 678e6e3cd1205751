#pragma once

#include "analytics/BulletAccuracy.h"
#include "content/Answer.h"
#include "content/Bundle.h"
#include "exam/ExamPlan.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mlaprep {

// What the store keeps of one item of an attempt, as the report needs it.
struct AttemptItemRecord {
    ExamItem item;
    std::optional<Answer> answer; // final answer; none when unanswered
    bool flagged = false;
    long long timeSpentMs = 0;
    std::vector<Answer> history; // every answer given, oldest first (cleared answers left out)
    std::set<std::string> struck; // option ids the learner ruled out
};

struct ItemResult {
    ExamItem item;
    std::optional<Answer> answer;
    bool correct = false;
    bool flagged = false;
    std::set<std::string> struck;
    long long timeSpentMs = 0;
    int changes = 0;
    bool rightToWrong = false;
    bool wrongToRight = false;
};

struct AreaResult {
    std::string id;
    std::string title;
    double weight = 0.0; // domains only
    int correct = 0;
    int total = 0;

    double percent() const { return total > 0 ? 100.0 * correct / total : 0.0; }
};

struct ExamReport {
    // The attempt the report is of, for its heading (ExamService::report fills these in).
    std::int64_t attemptId = 0;
    long long startedMs = 0; // epoch milliseconds
    std::string bundleVersion; // the bundle the attempt was taken on
    std::string device; // the name of the device that took it when another one; empty for this one's
    int scoredCorrect = 0;
    int scoredTotal = 0;
    int scaledScore = 100;
    ExamSpec exam; // the bundle's: the scale and pass mark the score is on
    bool passed = false;
    int answered = 0;
    int unscoredCount = 0;
    int rightToWrong = 0;
    int wrongToRight = 0;
    int flaggedCorrect = 0;
    int flaggedTotal = 0;
    int unflaggedCorrect = 0;
    int unflaggedTotal = 0;
    long long totalTimeMs = 0;
    std::vector<AreaResult> domains; // manifest order, with "Meets Competencies" from meetsCompetencies()
    std::vector<AreaResult> tasks; // manifest order
    std::vector<ItemResult> items; // attempt order
    // The task statement this attempt went worst on, with the accuracy on each of its bullets.
    std::optional<analytics::WeakTaskBullets> weakestTask;
};

// Scores an attempt: all-or-nothing per item, each case child on its own; unscored items are reported
// but count toward nothing. Items missing from the bundle (a later bundle dropped them) count as wrong.
ExamReport buildReport(const Bundle& bundle, const std::vector<AttemptItemRecord>& records);

} // namespace mlaprep
