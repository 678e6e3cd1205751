#pragma once

#include "fsrs/Optimizer.h"
#include "fsrs/Parameters.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>

namespace mlaprep::fsrs {

// Predictions are kept in [ProbabilityFloor, 1 - ProbabilityFloor] so that a confident miss costs a
// large but finite loss.
inline constexpr double ProbabilityFloor = 1e-6;

// Binary cross-entropy of one prediction of recall.
inline double logLoss(double predicted, bool recalled)
{
    const double p = std::clamp(predicted, ProbabilityFloor, 1.0 - ProbabilityFloor);
    return recalled ? -std::log(p) : -std::log(1.0 - p);
}

// The log loss summed over every prediction in some histories (as evaluate counts them) and its
// gradient with respect to the 21 weights.
struct LossGradient {
    double lossSum = 0.0;
    int predictions = 0;
    std::array<double, ParameterCount> gradient {};
};

// Exact up to rounding: reverse-mode automatic differentiation (a tape per history) through the same
// formulas that schedule (fsrs/Formulas.h), in one pass over the reviews. Where a clamp is active the
// clamped quantity has derivative 0, as in fsrs-rs.
LossGradient logLossGradient(const Parameters& parameters, std::span<const ReviewHistory> histories);

// The same over histories[i] for each i in `selected`.
LossGradient logLossGradient(const Parameters& parameters, std::span<const ReviewHistory> histories,
    std::span<const std::size_t> selected);

} // namespace mlaprep::fsrs
