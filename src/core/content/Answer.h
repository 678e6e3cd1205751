#pragma once

#include "content/Question.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

// A learner's response to one scored item (never a case parent): the chosen option ids for single and
// multi, the option ids in the learner's order for ordering, prompt → option for matching.
struct Answer {
    std::vector<std::string> choices;
    std::map<std::string, std::string> pairs;

    bool empty() const { return choices.empty() && pairs.empty(); }
    bool operator==(const Answer&) const = default;
};

// All-or-nothing credit as on the real exam: single the one key; multi every key and no extra;
// ordering the exact order; matching every pair.
bool isCorrect(const Question& question, const Answer& answer);

// Whether the answer is complete enough to count as answered (e.g. multi has as many choices as keys,
// matching has every prompt matched).
bool isComplete(const Question& question, const Answer& answer);

// A compact text form for storage: "a,c" for choices, "p1=a;p2=c" for pairs; empty for no answer.
std::string toText(const Answer& answer);
Answer answerFromText(const std::string& text);

// The key of a question as an Answer (what isCorrect compares with).
Answer keyOf(const Question& question);

} // namespace mlaprep
