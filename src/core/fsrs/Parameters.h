#pragma once

// fsrs/ owns the FSRS-6 memory model: values in, values out. It includes nothing outside fsrs/ but the
// standard library (target mlaprep_fsrs, tested alone by fsrs_tests); it does no I/O and reads no clock
// or RNG (house style §9 rule 3).

#include "fsrs/Checked.h"

#include <array>
#include <cstddef>
#include <span>

namespace mlaprep::fsrs {

// FSRS-6 has 21 weights w0..w20; FSRS-5 had 19 (it lacks w19, the same-day stability damping, and
// w20, the forgetting-curve decay, which FSRS-5 fixed at 0.5).
inline constexpr std::size_t ParameterCount = 21;
inline constexpr std::size_t Fsrs5ParameterCount = 19;

using Parameters = std::array<double, ParameterCount>;

// The published FSRS-6 defaults (fsrs-rs DEFAULT_PARAMETERS, py-fsrs DEFAULT_PARAMETERS), fitted on
// many users' review logs; used until the learner's own weights are optimised.
inline constexpr Parameters DefaultParameters = {
    0.212,
    1.2931,
    2.3065,
    8.2956,
    6.4133,
    0.8334,
    3.0194,
    0.001,
    1.8722,
    0.1666,
    0.796,
    1.4835,
    0.0614,
    0.2629,
    1.6483,
    0.6014,
    1.8729,
    0.5425,
    0.0912,
    0.0658,
    0.1542,
};

// Padding for FSRS-5 weights: no same-day damping, and the decay FSRS-5 used, so that 19 weights
// reproduce FSRS-5 results through the FSRS-6 formulas.
inline constexpr double Fsrs5SameDayDamping = 0.0;
inline constexpr double Fsrs5Decay = 0.5;

// Accepts 21 FSRS-6 weights as they are, or 19 FSRS-5 weights padded to 21 (see above). Fails with a
// problem on field "params" (or "params[i]") for any other count, a non-finite weight, or w20 <= 0
// (the forgetting curve needs a positive decay). Callers add the file or item id.
// Weights are not clipped to the optimiser's bounds: the model is evaluated exactly as given.
Checked<Parameters> checkAndFillParameters(std::span<const double> weights);

} // namespace mlaprep::fsrs
