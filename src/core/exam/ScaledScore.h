#pragma once

namespace mlaprep {

// The scaled-score estimate (docs/exam-engine.md). AWS publishes no raw cut-off; we anchor the pass mark
// at 70 % of scored items and map linearly on each side: 0 % → 100, 70 % → 720, 100 % → 1000, rounded to
// a whole number. Monotone in the raw fraction; always shown as an estimate.
inline constexpr double PassingRawFraction = 0.70;
inline constexpr int ScaleMinimum = 100;
inline constexpr int ScaleMaximum = 1000;
inline constexpr int PassingScaledScore = 720;

int scaledScoreEstimate(double rawFraction);

// A domain "Meets Competencies" when its share of correct scored items reaches the same 70 %.
bool meetsCompetencies(int correct, int total);

} // namespace mlaprep
