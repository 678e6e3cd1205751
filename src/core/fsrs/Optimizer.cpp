#include "fsrs/Optimizer.h"

#include "fsrs/Fsrs.h"
#include "fsrs/Gradient.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

namespace mlaprep::fsrs {

namespace {

constexpr double InitialStabilityMax = 100.0;

struct Bound {
    double low;
    double high;
};

constexpr std::array<Bound, ParameterCount> Bounds = { {
    { MinStability, InitialStabilityMax },
    { MinStability, InitialStabilityMax },
    { MinStability, InitialStabilityMax },
    { MinStability, InitialStabilityMax },
    { 1.0, 10.0 },
    { 0.001, 4.0 },
    { 0.001, 4.0 },
    { 0.001, 0.75 },
    { 0.0, 4.5 },
    { 0.0, 0.8 },
    { 0.001, 3.5 },
    { 0.001, 5.0 },
    { 0.001, 0.25 },
    { 0.001, 0.9 },
    { 0.0, 4.0 },
    { 0.0, 1.0 },
    { 1.0, 6.0 },
    { 0.0, 2.0 },
    { 0.0, 2.0 },
    // fsrs-rs keeps some same-day damping when it fits short-term weights; FSRS-5 weights (w19 = 0)
    // are still evaluated as given (checkAndFillParameters), only fitting starts from 0.01.
    { 0.01, 0.8 },
    { 0.1, 0.8 },
} };

// The spread of each weight across many users' fits (fsrs-rs PARAMS_STDDEV): the L2 penalty measures
// a weight's distance from its initial value in these units.
constexpr Parameters WeightSpread = {
    6.43,
    9.66,
    17.58,
    27.85,
    0.57,
    0.28,
    0.6,
    0.12,
    0.39,
    0.18,
    0.33,
    0.3,
    0.09,
    0.16,
    0.57,
    0.25,
    1.03,
    0.31,
    0.32,
    0.14,
    0.27,
};

template <typename Visit>
void forEachPrediction(const Fsrs& model, std::span<const ReviewHistory> histories, Visit visit)
{
    for (const ReviewHistory& history : histories) {
        if (history.empty()) {
            continue;
        }
        MemoryState state = model.initialState(history.front().rating);
        for (std::size_t r = 1; r < history.size(); ++r) {
            const HistoryReview& review = history[r];
            const ReviewStep step = model.review(state, review.elapsedDays, review.rating);
            if (review.elapsedDays > 0) {
                visit(step.retrievability, review.rating != Rating::Again);
            }
            state = step.state;
        }
    }
}

int predictionCount(const ReviewHistory& history)
{
    return static_cast<int>(std::count_if(history.begin() + (history.empty() ? 0 : 1), history.end(),
        [](const HistoryReview& review) { return review.elapsedDays > 0; }));
}

// A deterministic permutation (Fisher–Yates driven by SplitMix64), so equal inputs give equal fits.
template <typename T> void shuffle(std::vector<T>& values, std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (std::size_t i = values.size(); i > 1; --i) {
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        z ^= z >> 31U;
        std::swap(values[i - 1], values[z % i]);
    }
}

// Mini-batches as fsrs-rs forms them from whole histories: a batch takes histories (in a shuffled
// order) until one more would take it past batchSize predictions; a longer history is a batch alone.
struct Batch {
    std::vector<std::size_t> histories;
    int predictions = 0;
};

std::vector<Batch> makeBatches(
    std::vector<std::size_t> order, const std::vector<int>& predictions, std::size_t batchSize)
{
    std::vector<Batch> batches;
    Batch current;
    for (const std::size_t index : order) {
        const int count = predictions[index];
        if (!current.histories.empty() && static_cast<std::size_t>(current.predictions + count) > batchSize) {
            batches.push_back(std::move(current));
            current = Batch {};
        }
        current.histories.push_back(index);
        current.predictions += count;
    }
    if (!current.histories.empty()) {
        batches.push_back(std::move(current));
    }
    return batches;
}

// How many histories start with each rating: where two initial stabilities are out of order, the
// one backed by more items is kept (fsrs-rs smooth_and_fill).
using RatingCounts = std::array<int, 4>;

RatingCounts firstRatingCounts(std::span<const ReviewHistory> histories)
{
    RatingCounts counts {};
    for (const ReviewHistory& history : histories) {
        if (!history.empty()) {
            ++counts[static_cast<std::size_t>(toGrade(history.front().rating) - 1)];
        }
    }
    return counts;
}

// Makes w0 <= w1 <= w2 <= w3: a better first rating never means a less stable memory.
void orderInitialStabilities(Parameters& w, const RatingCounts& counts)
{
    constexpr std::array<std::pair<std::size_t, std::size_t>, 6> Pairs = { {
        { 0, 1 },
        { 1, 2 },
        { 2, 3 },
        { 0, 2 },
        { 1, 3 },
        { 0, 3 },
    } };
    for (const auto& [lower, higher] : Pairs) {
        if (w[lower] > w[higher]) {
            if (counts[lower] > counts[higher]) {
                w[higher] = w[lower];
            } else {
                w[lower] = w[higher];
            }
        }
    }
    // The pairwise pass can leave a conflict between three ratings; raising settles it.
    for (std::size_t g = 1; g < 4; ++g) {
        w[g] = std::max(w[g], w[g - 1]);
    }
}

// fsrs-rs pre-training, simplified: for each first rating, the stability that best explains whether the
// item was recalled at its first answer a day or more later (a golden-section search on log S), pulled
// towards the initial value when there are few such items.
void pretrainInitialStability(Parameters& w, std::span<const ReviewHistory> histories)
{
    // Outcomes by first rating and days until the second answer: items share few distinct delays, so
    // the search below costs little however many items there are.
    struct Outcomes {
        int recalled = 0;
        int forgotten = 0;
    };
    std::array<std::map<int, Outcomes>, 4> outcomes;
    std::array<int, 4> itemCount {};
    for (const ReviewHistory& history : histories) {
        if (history.size() >= 2 && history[1].elapsedDays > 0) {
            const auto g = static_cast<std::size_t>(toGrade(history[0].rating) - 1);
            Outcomes& counts = outcomes[g][history[1].elapsedDays];
            ++(history[1].rating != Rating::Again ? counts.recalled : counts.forgotten);
            ++itemCount[g];
        }
    }
    const Fsrs model(w);
    for (std::size_t g = 0; g < 4; ++g) {
        if (itemCount[g] < 8) {
            continue;
        }
        auto loss = [&](double logS) {
            const MemoryState state { std::exp(logS), 5.0 };
            double sum = 0.0;
            for (const auto& [days, counts] : outcomes[g]) {
                const double predicted = model.retrievability(state, days);
                sum += counts.recalled * logLoss(predicted, true)
                    + counts.forgotten * logLoss(predicted, false);
            }
            return sum;
        };
        double low = std::log(MinStability);
        double high = std::log(InitialStabilityMax);
        const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
        for (int i = 0; i < 80; ++i) {
            const double a = high - ratio * (high - low);
            const double b = low + ratio * (high - low);
            if (loss(a) < loss(b)) {
                high = b;
            } else {
                low = a;
            }
        }
        const double fitted = (low + high) / 2.0;
        const double n = itemCount[g];
        const double weight = n / (n + 32.0);
        w[g] = std::exp(weight * fitted + (1.0 - weight) * std::log(std::max(w[g], MinStability)));
    }
}

// Adam (as fsrs-rs HostAdam) with the learning rate given per step.
class Adam {
public:
    void step(Parameters& w, const Parameters& gradient, double rate)
    {
        constexpr double Beta1 = 0.9;
        constexpr double Beta2 = 0.999;
        constexpr double Epsilon = 1e-8;
        ++m_steps;
        const double bias1 = 1.0 - std::pow(Beta1, m_steps);
        const double bias2 = 1.0 - std::pow(Beta2, m_steps);
        for (std::size_t j = 0; j < ParameterCount; ++j) {
            m_mean[j] = Beta1 * m_mean[j] + (1.0 - Beta1) * gradient[j];
            m_square[j] = Beta2 * m_square[j] + (1.0 - Beta2) * gradient[j] * gradient[j];
            w[j] -= rate * (m_mean[j] / bias1) / (std::sqrt(m_square[j] / bias2) + Epsilon);
        }
    }

private:
    Parameters m_mean {};
    Parameters m_square {};
    double m_steps = 0.0;
};

} // namespace

Parameters clipParameters(Parameters parameters)
{
    for (std::size_t i = 0; i < ParameterCount; ++i) {
        parameters[i] = std::clamp(parameters[i], Bounds[i].low, Bounds[i].high);
    }
    return parameters;
}

Evaluation evaluate(const Parameters& parameters, std::span<const ReviewHistory> histories)
{
    constexpr int Bins = 20;
    std::array<double, Bins> predictedSum {};
    std::array<double, Bins> actualSum {};
    std::array<int, Bins> binCount {};
    Evaluation evaluation;
    double lossSum = 0.0;
    const Fsrs model(parameters);
    forEachPrediction(model, histories, [&](double predicted, bool recalled) {
        lossSum += logLoss(predicted, recalled);
        const int bin = std::clamp(static_cast<int>(predicted * Bins), 0, Bins - 1);
        predictedSum[static_cast<std::size_t>(bin)] += predicted;
        actualSum[static_cast<std::size_t>(bin)] += recalled ? 1.0 : 0.0;
        ++binCount[static_cast<std::size_t>(bin)];
        ++evaluation.predictions;
    });
    if (evaluation.predictions == 0) {
        return evaluation;
    }
    double squared = 0.0;
    for (std::size_t bin = 0; bin < Bins; ++bin) {
        if (binCount[bin] > 0) {
            const double gap = (predictedSum[bin] - actualSum[bin]) / binCount[bin];
            squared += binCount[bin] * gap * gap;
        }
    }
    evaluation.logLoss = lossSum / evaluation.predictions;
    evaluation.rmse = std::sqrt(squared / evaluation.predictions);
    return evaluation;
}

Checked<OptimizerResult> optimize(std::span<const ReviewHistory> histories, const OptimizerOptions& options)
{
    OptimizerResult result;
    result.before = evaluate(options.initial, histories);
    if (result.before.predictions < options.minimumPredictions) {
        return Checked<OptimizerResult>::failure(InputProblem { "reviews",
            "too few reviews to optimise: it needs at least " + std::to_string(options.minimumPredictions)
                + " answers given a day or more after the item's previous answer, and there are "
                + std::to_string(result.before.predictions) });
    }

    const RatingCounts counts = firstRatingCounts(histories);
    Parameters w = options.initial;
    pretrainInitialStability(w, histories);
    orderInitialStabilities(w, counts);
    w = clipParameters(w);
    const Parameters anchor = w;

    std::vector<int> predictions(histories.size());
    std::vector<std::size_t> predicting;
    for (std::size_t i = 0; i < histories.size(); ++i) {
        predictions[i] = predictionCount(histories[i]);
        if (predictions[i] > 0) {
            predicting.push_back(i);
        }
    }
    const int epochs = std::max(options.epochs, 1);
    const std::size_t batchSize = std::max<std::size_t>(options.batchSize, 1);
    std::vector<std::vector<Batch>> epochBatches;
    std::size_t totalSteps = 0;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        shuffle(predicting, options.shuffleSeed + static_cast<std::uint64_t>(epoch));
        epochBatches.push_back(makeBatches(predicting, predictions, batchSize));
        totalSteps += epochBatches.back().size();
    }
    // fsrs-rs anneals over (predictions / batch size + 1) steps per epoch, one more than it takes.
    const double annealingSteps
        = static_cast<double>((static_cast<std::size_t>(result.before.predictions) / batchSize + 1)
            * static_cast<std::size_t>(epochs));
    const double total = result.before.predictions;

    Adam adam;
    std::size_t step = 0;
    bool stopped = false;
    for (const std::vector<Batch>& batches : epochBatches) {
        for (const Batch& batch : batches) {
            const LossGradient loss = logLossGradient(w, histories, batch.histories);
            // The batch's summed log loss plus its share of the L2 pull towards the initial weights, so
            // that over one epoch the objective is the total log loss plus `regularization` times the
            // penalty (fsrs-rs: a prior whose weight does not grow with the data, as the likelihood does).
            const double penaltyScale = options.regularization * loss.predictions / total;
            Parameters gradient {};
            for (std::size_t j = 0; j < ParameterCount; ++j) {
                gradient[j] = loss.gradient[j]
                    + penaltyScale * 2.0 * (w[j] - anchor[j]) / (WeightSpread[j] * WeightSpread[j]);
            }
            // Cosine annealing from the initial learning rate towards zero.
            const double rate = options.learningRate * 0.5
                * (1.0 + std::cos(3.141592653589793 * static_cast<double>(step) / annealingSteps));
            adam.step(w, gradient, rate);
            w = clipParameters(w);
            ++step;
            if (options.progress) {
                options.progress(static_cast<double>(step) / static_cast<double>(totalSteps));
            }
            stopped = options.cancelled && options.cancelled();
            if (stopped) {
                break;
            }
        }
        if (stopped) {
            break;
        }
    }
    orderInitialStabilities(w, counts);

    result.after = evaluate(w, histories);
    result.improved = result.after.logLoss < result.before.logLoss;
    if (result.improved) {
        result.parameters = w;
    } else {
        result.parameters = options.initial;
        result.after = result.before;
    }
    return result;
}

} // namespace mlaprep::fsrs
