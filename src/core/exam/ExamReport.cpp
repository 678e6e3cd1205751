#include "exam/ExamReport.h"

#include "exam/Equating.h"
#include "exam/ScaledScore.h"

#include <map>

namespace mlaprep {

namespace {

// The answers the learner settled on, oldest first: each complete answer that differs from the one
// before, then the final answer if it replaced the last complete one (cleared or left part-done). Ticking
// the two boxes of a "Select TWO" item passes through a half answer: that is one answer, not a change.
std::vector<Answer> settledAnswers(const Question& question, const AttemptItemRecord& record)
{
    std::vector<Answer> settled;
    for (const Answer& answer : record.history) {
        if (isComplete(question, answer) && (settled.empty() || settled.back() != answer)) {
            settled.push_back(answer);
        }
    }
    const Answer last = record.answer.value_or(Answer {});
    if (!settled.empty() && settled.back() != last) {
        settled.push_back(last);
    }
    return settled;
}

} // namespace

ExamReport buildReport(const Bundle& bundle, const std::vector<AttemptItemRecord>& records)
{
    const std::vector<BankItem> bank = blueprintBank(bundle);
    std::map<std::string, const BankItem*> byId;
    for (const auto& item : bank) {
        byId[item.question->id] = &item;
    }
    std::vector<ScoredAnswer> scored;
    ExamReport report;
    std::map<std::string, AreaResult> domains;
    std::map<std::string, AreaResult> tasks;
    std::vector<analytics::ItemOutcome> outcomes;
    for (const auto& record : records) {
        ItemResult result;
        result.item = record.item;
        result.answer = record.answer;
        result.flagged = record.flagged;
        result.struck = record.struck;
        result.timeSpentMs = record.timeSpentMs;
        auto found = byId.find(record.item.itemId);
        const Question* question = found == byId.end() ? nullptr : found->second->question;
        if (question && record.answer) {
            result.correct = isCorrect(*question, *record.answer);
        }
        if (question) {
            const std::vector<Answer> settled = settledAnswers(*question, record);
            result.changes = settled.empty() ? 0 : static_cast<int>(settled.size()) - 1;
            if (settled.size() > 1) {
                const bool firstCorrect = isCorrect(*question, settled.front());
                result.rightToWrong = firstCorrect && !result.correct;
                result.wrongToRight = !firstCorrect && result.correct;
            }
        }
        report.totalTimeMs += record.timeSpentMs;
        report.answered += record.answer ? 1 : 0;
        if (!record.item.scored) {
            report.unscoredCount += 1;
        } else {
            report.scoredTotal += 1;
            report.scoredCorrect += result.correct ? 1 : 0;
            scored.push_back(ScoredAnswer { found == byId.end() ? 0 : found->second->level, result.correct });
            report.rightToWrong += result.rightToWrong ? 1 : 0;
            report.wrongToRight += result.wrongToRight ? 1 : 0;
            (result.flagged ? report.flaggedTotal : report.unflaggedTotal) += 1;
            (result.flagged ? report.flaggedCorrect : report.unflaggedCorrect) += result.correct ? 1 : 0;
            AreaResult& domain = domains[record.item.domainId];
            domain.total += 1;
            domain.correct += result.correct ? 1 : 0;
            AreaResult& task = tasks[record.item.taskId];
            task.total += 1;
            task.correct += result.correct ? 1 : 0;
            outcomes.push_back(analytics::ItemOutcome { record.item.itemId, result.correct });
        }
        report.items.push_back(std::move(result));
    }
    for (const auto& domain : bundle.domains) {
        AreaResult area = domains[domain.id];
        area.id = domain.id;
        area.title = domain.title;
        area.weight = domain.weight;
        report.domains.push_back(area);
        for (const auto& task : domain.tasks) {
            AreaResult taskArea = tasks[task.id];
            taskArea.id = task.id;
            taskArea.title = task.title;
            report.tasks.push_back(taskArea);
        }
    }
    report.weakestTask = analytics::weakestTaskBullets(bundle, outcomes);
    // Equated: the items' difficulties count, so a hard form is not marked down (docs/exam-engine.md).
    report.scaledScore = equatedScaledScore(scored, bank, irt::RaschConfig {}, bundle.exam);
    report.exam = bundle.exam;
    report.passed = report.scaledScore >= report.exam.pass;
    return report;
}

} // namespace mlaprep
