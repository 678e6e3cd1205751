#pragma once

#include "analytics/RealExamResult.h"

#include <QString>

#include <vector>

namespace mlaprep::gui {

// Stats' lines on the learner's real exams: each result beside the forecast of the day before and
// whether the result fell inside its range (rich text; empty when no real exam is recorded).
QString realExamsText(const std::vector<RealExamResultRow>& results);

} // namespace mlaprep::gui
