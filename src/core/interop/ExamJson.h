#pragma once

#include "content/Bundle.h"
#include "exam/ExamPlan.h"
#include "services/ExamService.h"

#include <string>

namespace mlaprep {

// `exam-assemble --json` (docs/cli.md): {"minutes", "seed", "items":
// [{"id","task","domain","type"[,"case"]}]}.
std::string examPlanJson(const Bundle& bundle, const ExamPlan& plan);

// `exam-status --json`: {"attempt", "mode", "finished", "finish_reason", "paused", "answered": [ids],
// "flagged": [ids], "items", "position", "elapsed_ms", "remaining_ms"}, the clock read at `now`.
std::string attemptStatusJson(const AttemptState& state, Instant now);

} // namespace mlaprep
