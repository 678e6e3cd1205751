#pragma once

#include "content/Question.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep {

// One scored item as placed in an attempt: case children carry their case's id and stay adjacent.
struct ExamItem {
    std::string itemId;
    std::string caseId;
    std::string taskId;
    std::string domainId;
    QuestionType type = QuestionType::Single;
    std::vector<std::string> optionOrder; // display order for this attempt
    bool scored = true;
};

struct ExamPlan {
    std::uint64_t seed = 0;
    std::vector<ExamItem> items;
};

} // namespace mlaprep
