#pragma once

#include "common/CalendarDate.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

// Marks a difficulty that was present but not a number; the loader has reported it already.
inline constexpr int InvalidDifficulty = -1;

enum class QuestionType { Single, Multi, Ordering, Matching, Case };

std::optional<QuestionType> questionTypeFromString(const std::string& text);
const char* toString(QuestionType type);

struct Option {
    std::string id;
    std::string text;
    std::string why;
};

struct Prompt {
    std::string id;
    std::string text;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    std::string task;
    int difficulty = 0; // 1 easy … 3 hard; 0 when absent (a case child then takes its parent's)
    std::string stem;
    std::string explanation;
    std::string scenario;
    std::string note;
    std::vector<std::string> refs;
    std::vector<std::string> tags;
    std::vector<std::string> services;
    // The exam-guide bullets the item trains. A case child that lists none takes its parent's, and then
    // inheritsBullets is set (so a problem in them is reported once, on the parent).
    std::vector<std::string> bullets;
    bool inheritsBullets = false;
    // The day the item's facts were last checked; a case child without one takes its parent's.
    std::optional<CalendarDate> verified;
    bool inheritsVerified = false;
    // Raised when the key or the options change, so a learner's memory of the old item is relearned.
    int revision = 1;
    std::vector<Option> options;
    std::vector<Prompt> prompts;
    std::vector<std::string> answerIds; // single, multi, ordering
    std::map<std::string, std::string> answerPairs; // matching: prompt id → option id
    std::vector<Question> items; // case children
    std::string file;

    bool isCase() const { return type == QuestionType::Case; }
    const Option* findOption(const std::string& optionId) const;
};

} // namespace mlaprep
