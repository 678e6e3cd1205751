#include "exam/Equating.h"

#include "exam/Blueprint.h"
#include "exam/ScaledScore.h"

#include <map>

namespace mlaprep {

std::vector<BankItem> blueprintBank(const Bundle& bundle, int questions)
{
    std::vector<BankItem> bank;
    std::map<std::string, int> itemsOfDomain;
    for (const ScoredItem& scored : bundle.scoredItemsWithCases()) {
        if (const Domain* domain = bundle.domainOfTask(scored.item->task)) {
            bank.push_back(BankItem { scored.item, domain->id, scored.difficulty(), 0.0 });
            ++itemsOfDomain[domain->id];
        }
    }
    const auto targets = domainTargets(bundle, questions);
    double total = 0.0;
    for (const auto& [domainId, count] : targets) {
        if (itemsOfDomain[domainId] > 0) {
            total += count;
        }
    }
    for (auto& item : bank) {
        const auto target = targets.find(item.domainId);
        if (target != targets.end() && total > 0.0) {
            item.share = target->second / total / itemsOfDomain[item.domainId];
        }
    }
    return bank;
}

int equatedScaledScore(const std::vector<ScoredAnswer>& answers, const std::vector<BankItem>& bank,
    const irt::RaschConfig& config, const ExamSpec& exam)
{
    if (answers.empty()) {
        return exam.scaleMin;
    }
    std::vector<irt::WeightedAnswer> weighted;
    weighted.reserve(answers.size());
    for (const auto& answer : answers) {
        weighted.push_back(
            irt::WeightedAnswer { irt::levelDifficulty(answer.level, config), 1.0, answer.correct });
    }
    std::vector<irt::FormItem> reference;
    reference.reserve(bank.size());
    for (const auto& item : bank) {
        reference.push_back(irt::FormItem { irt::levelDifficulty(item.level, config), item.share });
    }
    return scaledScoreEstimate(irt::equatedFraction(weighted, reference, config), exam);
}

} // namespace mlaprep
