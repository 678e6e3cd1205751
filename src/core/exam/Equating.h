#pragma once

#include "content/Bundle.h"
#include "irt/Rasch.h"

#include <string>
#include <vector>

namespace mlaprep {

// A scored item of the bank with its bundle level and its expected share of a fresh blueprint mock:
// a domain's items share its blueprint count equally (tasks get items in proportion to the bank).
struct BankItem {
    const Question* question = nullptr;
    std::string domainId;
    int level = 0; // 1–3, the case parent's when the child has none
    double share = 0.0; // the shares of the bank sum to 1
};

// The bank of `bundle` as a blueprint mock of `questions` items draws from it.
std::vector<BankItem> blueprintBank(const Bundle& bundle, int questions = 65);

// One scored answer of a mock: the item's level (0 when the bundle no longer has it) and whether it was
// right.
struct ScoredAnswer {
    int level = 0;
    bool correct = false;
};

// The mock-exam scaled estimate (docs/exam-engine.md): the fraction the learner is expected to get right
// on the whole bank by the blueprint, from a Rasch ability fitted to these answers, through the scaled
// map onto `exam`'s scale. A hard and an easy mock of the same learner give the same estimate within noise.
int equatedScaledScore(const std::vector<ScoredAnswer>& answers, const std::vector<BankItem>& bank,
    const irt::RaschConfig& config, const ExamSpec& exam);

} // namespace mlaprep
