#pragma once

// The FSRS-6 formulas over a scalar type T: double when scheduling (Fsrs), a dual number when the
// optimiser takes its exact gradient (Gradient.cpp). One definition serves both, so training and
// scheduling cannot drift apart. T needs +, -, *, / with itself and with double, and the functions
// exp, pow, clampTo, smaller, larger and valueOf: those for double are below, a dual number brings
// its own (found by argument-dependent lookup).

#include "fsrs/Parameters.h"
#include "fsrs/Rating.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace mlaprep::fsrs {

// Bounds shared with fsrs-rs: stability is kept in [MinStability, MaxStability] days after every
// step (the lower bound only keeps pow() and division defined), difficulty in [1, 10].
inline constexpr double MinStability = 0.001;
inline constexpr double MaxStability = 36500.0;
inline constexpr double MinDifficulty = 1.0;
inline constexpr double MaxDifficulty = 10.0;

namespace formulas {

using std::exp;
using std::pow;

inline double clampTo(double value, double low, double high)
{
    return std::clamp(value, low, high);
}

inline double smaller(double a, double b)
{
    return std::min(a, b);
}

inline double larger(double a, double b)
{
    return std::max(a, b);
}

inline double valueOf(double value)
{
    return value;
}

inline std::size_t gradeIndex(Rating rating)
{
    return static_cast<std::size_t>(toGrade(rating) - 1);
}

template <typename T> T initialDifficulty(const std::array<T, ParameterCount>& w, Rating rating)
{
    return w[4] - exp(w[5] * (toGrade(rating) - 1)) + 1.0;
}

// The weights and the terms that depend on the weights only, computed once so that a review step
// needs fewer exp() calls.
template <typename T> struct Terms {
    explicit Terms(const std::array<T, ParameterCount>& weights)
        : w(weights)
        , decay(-weights[20])
        , factor(pow(0.9, 1.0 / decay) - 1.0)
        , expW8(exp(weights[8]))
        // Mean reversion pulls towards the unclamped initial difficulty of Easy, as fsrs-rs does.
        , meanReversionTarget(initialDifficulty(weights, Rating::Easy))
        , lapseCapDivisor(exp(weights[17] * weights[18]))
        , sameDayFactor {
            exp(weights[17] * (weights[18] - 2.0)),
            exp(weights[17] * (weights[18] - 1.0)),
            exp(weights[17] * weights[18]),
            exp(weights[17] * (weights[18] + 1.0)),
        }
    {
    }

    std::array<T, ParameterCount> w;
    // The forgetting curve's exponent (-w20) and the factor that makes R(S, S) = 0.9.
    T decay;
    T factor;
    T expW8;
    T meanReversionTarget;
    T lapseCapDivisor;
    // exp(w17 * (G - 3 + w18)) for each grade G.
    std::array<T, 4> sameDayFactor;
};

// (1 + factor * t / S)^decay for a stability already within its bounds and t >= 0.
template <typename T> T retrievability(const Terms<T>& terms, const T& stability, double elapsedDays)
{
    return pow(1.0 + terms.factor * elapsedDays / stability, terms.decay);
}

template <typename T> T nextDifficulty(const Terms<T>& terms, const T& difficulty, Rating rating)
{
    // Linear damping: the step shrinks as D approaches 10, so difficulty saturates instead of sticking
    // at the bound after a run of Agains.
    const T delta = -terms.w[6] * (toGrade(rating) - 3);
    const T damped = difficulty + (10.0 - difficulty) * delta / 9.0;
    const T reverted = terms.w[7] * (terms.meanReversionTarget - damped) + damped;
    return clampTo(reverted, MinDifficulty, MaxDifficulty);
}

template <typename T>
T stabilityAfterSuccess(
    const Terms<T>& terms, const T& stability, const T& difficulty, const T& retrievability, Rating rating)
{
    T gain = terms.expW8 * (11.0 - difficulty) * pow(stability, -terms.w[9])
        * (exp((1.0 - retrievability) * terms.w[10]) - 1.0);
    if (rating == Rating::Hard) {
        gain = gain * terms.w[15];
    } else if (rating == Rating::Easy) {
        gain = gain * terms.w[16];
    }
    return stability * (gain + 1.0);
}

template <typename T>
T stabilityAfterLapse(const Terms<T>& terms, const T& stability, const T& difficulty, const T& retrievability)
{
    const T longTerm = terms.w[11] * pow(difficulty, -terms.w[12]) * (pow(stability + 1.0, terms.w[13]) - 1.0)
        * exp((1.0 - retrievability) * terms.w[14]);
    // A lapse never leaves the item more stable than a same-day Again would (the FSRS-6 post-lapse cap).
    return smaller(longTerm, stability / terms.lapseCapDivisor);
}

template <typename T> T sameDayStability(const Terms<T>& terms, const T& stability, Rating rating)
{
    T increase = terms.sameDayFactor[gradeIndex(rating)];
    // w19 = 0 (FSRS-5 weights) means no damping; skipping pow() keeps those results exact.
    if (valueOf(terms.w[19]) != 0.0) {
        increase = increase * pow(stability, -terms.w[19]);
    }
    // A passed same-day review (Hard or better) never lowers stability.
    if (rating != Rating::Again) {
        increase = larger(increase, 1.0);
    }
    return stability * increase;
}

template <typename T> struct Step {
    T stability;
    T difficulty;
    // At the review; 1 on a same-day review.
    T retrievability;
};

// The state after an item's first review.
template <typename T> Step<T> firstReview(const Terms<T>& terms, Rating rating)
{
    return Step<T> {
        clampTo(terms.w[gradeIndex(rating)], MinStability, MaxStability),
        clampTo(initialDifficulty(terms.w, rating), MinDifficulty, MaxDifficulty),
        T(1.0),
    };
}

// The state after a later review, from a stability and difficulty within their bounds: elapsedDays <= 0
// is a same-day review (short-term stability); otherwise the long-term success or lapse formulas apply.
template <typename T>
Step<T> laterReview(
    const Terms<T>& terms, const T& stability, const T& difficulty, double elapsedDays, Rating rating)
{
    T newStability(0.0);
    T recall(1.0);
    if (elapsedDays <= 0.0) {
        newStability = sameDayStability(terms, stability, rating);
    } else {
        recall = retrievability(terms, stability, elapsedDays);
        newStability = rating == Rating::Again
            ? stabilityAfterLapse(terms, stability, difficulty, recall)
            : stabilityAfterSuccess(terms, stability, difficulty, recall, rating);
    }
    return Step<T> {
        clampTo(newStability, MinStability, MaxStability),
        nextDifficulty(terms, difficulty, rating),
        recall,
    };
}

} // namespace formulas

} // namespace mlaprep::fsrs
