#pragma once

#include "common/Result.h"
#include "content/Bundle.h"
#include "exam/ExamPlan.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace mlaprep {

struct AssemblyRequest {
    int questions = 65;
    std::uint64_t seed = 0;
    // Items from the learner's recent attempts: used only when the bank has too few others.
    std::set<std::string> recentlySeen;
    // Realism option: this many items, chosen by the seed, are unscored as on the real exam.
    int unscored = 0;
    // Practice filters (empty = everything). `onlyItems`, when set, restricts to those item ids
    // ("missed in my last N attempts", "never seen").
    std::set<std::string> domains;
    std::set<std::string> tasks;
    std::set<QuestionType> types;
    std::optional<std::set<std::string>> onlyItems;
    // Drill one exam-guide bullet: only items that cite it, as many as asked for or as the bank has,
    // spread over the domains by how many such items each has (the blueprint says nothing about a
    // bullet).
    std::string bullet;
};

// Assembles an exam by the blueprint (docs/exam-engine.md):
// - items per domain by the largest-remainder split of the manifest weights (65 → 18/17/14/16), over the
//   domains that the filters leave;
// - within a domain, task statements in proportion to the bank's items for them;
// - a case study is a unit: its children count as items and stay together, at most one case per domain;
// - no item twice; items in `recentlySeen` only when the rest of the bank cannot fill the domain;
// - unit order and option order seeded (options of single, multi and matching shuffled; an ordering
//   item's steps start in a shuffled order that is never the answer).
// Fails with a clear problem, never a short exam, when a domain has too few items.
Result<ExamPlan> assembleExam(const Bundle& bundle, const AssemblyRequest& request);

} // namespace mlaprep
