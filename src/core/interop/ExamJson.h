#pragma once

#include "content/Bundle.h"
#include "exam/ExamPlan.h"
#include "services/ExamService.h"

#include <string>

namespace mlaprep {

// `exam-assemble --json` (docs/cli.md): {"minutes", "seed", "items":
// [{"id","task","domain","type"[,"case"]}]}.
std::string examPlanJson(const Bundle& bundle, const ExamPlan& plan);

// `exam-status --json`: {"attempt", "mode", "finished", "answered": [ids], "flagged": [ids], "items",
// "elapsed_ms", "remaining_ms"}.
std::string attemptStatusJson(const AttemptState& state);

} // namespace mlaprep
