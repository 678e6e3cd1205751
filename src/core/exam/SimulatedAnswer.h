#pragma once

#include "content/Answer.h"
#include "content/Question.h"

#include <string>
#include <vector>

namespace mlaprep {

// A complete, valid (not necessarily correct) answer, as a hurried candidate would give: the first
// options shown, the steps in the order shown, every prompt matched to the first option. Used by
// `mlaprep-cli exam-sim` to drive the engine without a window.
Answer simulatedAnswer(const Question& question, const std::vector<std::string>& optionOrder);

// A complete answer that is wrong (for histories that record only right or wrong, and for simulated
// learners): the hurried answer above when that is wrong, else the key with one part changed.
Answer wrongAnswer(const Question& question, const std::vector<std::string>& optionOrder);

} // namespace mlaprep
