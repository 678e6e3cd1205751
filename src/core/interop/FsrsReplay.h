#pragma once

#include "common/Result.h"

#include <string>
#include <string_view>

namespace mlaprep {

// Runs review histories through the FSRS memory model for `mlaprep-cli fsrs-replay` (cli.md, "fsrs-replay
// input and output"): inputJson is an array of cases {id, params, desired_retention, reviews}; the
// result is the same array, fields and their order kept, with "steps" added to each case.
// Every defect in the input is reported (file fileLabel, item id the case id, field such as
// "reviews[2].rating"); no case is replayed unless all are valid. Never throws.
Result<std::string> replayFsrsCases(const std::string& inputJson, std::string_view fileLabel = "-");

} // namespace mlaprep
