#pragma once

#include "content/ExamSpec.h"

namespace mlaprep {

// The scaled-score estimate (docs/exam-engine.md). AWS publishes no raw cut-off; we anchor the pass mark
// at 70 % of scored items and map linearly on each side onto the bundle's scale: 0 % → scaleMin, 70 % →
// pass, 100 % → scaleMax (100, 720 and 1000 for MLA-C01), rounded to a whole number. Monotone in the raw
// fraction; always shown as an estimate.
inline constexpr double PassingRawFraction = 0.70;

int scaledScoreEstimate(double rawFraction, const ExamSpec& exam);

// A domain "Meets Competencies" when its share of correct scored items reaches the same 70 %.
bool meetsCompetencies(int correct, int total);

} // namespace mlaprep
