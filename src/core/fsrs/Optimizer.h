#pragma once

#include "fsrs/Parameters.h"
#include "fsrs/Rating.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace mlaprep::fsrs {

// One answer in an item's history: the rating and the whole days since the item's previous answer
// (0 for the first answer and for same-day answers).
struct HistoryReview {
    Rating rating;
    int elapsedDays;
};

using ReviewHistory = std::vector<HistoryReview>;

// How well parameters predict a history: every answer given a day or more after the previous one is a
// prediction (recall = rating above Again) of the retrievability the model gives at that moment.
struct Evaluation {
    // Mean binary cross-entropy (log loss) of the predictions.
    double logLoss = 0.0;
    // RMSE (bins) as the FSRS benchmark reports it, simplified: predictions grouped into 20 bins of
    // predicted recall; the root of the count-weighted mean squared gap between the mean predicted and
    // the actual recall rate of each bin.
    double rmse = 0.0;
    int predictions = 0;
};

Evaluation evaluate(const Parameters& parameters, std::span<const ReviewHistory> histories);

struct OptimizerOptions {
    Parameters initial = DefaultParameters;
    // Adam over mini-batches with a cosine-annealed learning rate, as fsrs-rs trains. A batch is whole
    // histories holding up to batchSize predictions (reviews a day or more after the previous one).
    int epochs = 5;
    std::size_t batchSize = 512;
    double learningRate = 0.04;
    // Strength of the L2 penalty that keeps weights near their initial values unless the data says
    // otherwise (fsrs-rs gamma); distances are measured in units of each weight's spread across users.
    double regularization = 1.0;
    // Fewer predictions than this cannot fit 21 parameters meaningfully: optimise refuses.
    int minimumPredictions = 100;
    std::uint64_t shuffleSeed = 42;
    // Called with the fraction done (0..1) after each batch; may be called from the optimiser's thread.
    std::function<void(double)> progress;
    // Polled after each batch; true stops early with the best parameters so far.
    std::function<bool()> cancelled;
};

struct OptimizerResult {
    Parameters parameters {};
    Evaluation before;
    Evaluation after;
    // False when the fitted weights were no better than the initial ones, which are then returned.
    bool improved = false;
};

// Fits the 21 FSRS-6 weights to the histories by minimising log loss: initial stabilities w0..w3
// first from each first rating's next-day outcomes (fsrs-rs pre-training), then all weights by
// gradient descent with every step clipped to the reference bounds (clipParameters); w0..w3 are made
// non-decreasing after each phase. The gradient is exact (logLossGradient in fsrs/Gradient.h), through
// the same formulas that schedule, so training and inference cannot drift apart. Pure and
// deterministic for equal inputs; runs in the caller's thread.
Checked<OptimizerResult> optimize(
    std::span<const ReviewHistory> histories, const OptimizerOptions& options = {});

// The reference's bounds for fitting FSRS-6 weights (fsrs-rs parameter_clipper, one relearning step,
// short-term weights fitted: w19 >= 0.01).
Parameters clipParameters(Parameters parameters);

} // namespace mlaprep::fsrs
