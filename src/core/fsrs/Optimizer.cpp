#include "fsrs/Optimizer.h"

#include "fsrs/Fsrs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>

namespace mlaprep::fsrs {

namespace {

constexpr double InitialStabilityMax = 100.0;
constexpr double ProbabilityFloor = 1e-6;

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
    { 0.0, 0.8 },
    { 0.1, 0.8 },
} };

double crossEntropy(double predicted, bool recalled)
{
    const double p = std::clamp(predicted, ProbabilityFloor, 1.0 - ProbabilityFloor);
    return recalled ? -std::log(p) : -std::log(1.0 - p);
}

// Sum of log losses over `histories` and the number of predictions, with the model `model`.
struct LossSum {
    double sum = 0.0;
    int count = 0;
};

template <typename Visit>
void forEachPrediction(const Fsrs& model, std::span<const ReviewHistory> histories, Visit visit)
{
    for (const ReviewHistory& history : histories) {
        std::optional<MemoryState> state;
        for (const HistoryReview& review : history) {
            if (state && review.elapsedDays > 0) {
                visit(model.retrievability(*state, review.elapsedDays), review.rating != Rating::Again);
            }
            state = model.nextState(state, review.elapsedDays, review.rating);
        }
    }
}

LossSum lossOf(const Parameters& parameters, std::span<const ReviewHistory> histories)
{
    const Fsrs model(parameters);
    LossSum loss;
    forEachPrediction(model, histories, [&](double predicted, bool recalled) {
        loss.sum += crossEntropy(predicted, recalled);
        ++loss.count;
    });
    return loss;
}

// A deterministic permutation (Fisher–Yates driven by SplitMix64), so equal inputs give equal fits.
std::vector<std::size_t> shuffled(std::size_t count, std::uint64_t seed)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    std::uint64_t state = seed;
    for (std::size_t i = count; i > 1; --i) {
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        z ^= z >> 31U;
        std::swap(order[i - 1], order[z % i]);
    }
    return order;
}

// fsrs-rs pre-training, simplified: for each first rating, the stability that best explains whether the
// item was recalled at its first answer a day or more later (a golden-section search on log S), pulled
// towards the initial value when there are few such items, then made non-decreasing in the rating.
void pretrainInitialStability(Parameters& w, std::span<const ReviewHistory> histories)
{
    struct Point {
        double days;
        bool recalled;
    };
    std::array<std::vector<Point>, 4> points;
    for (const ReviewHistory& history : histories) {
        if (history.size() >= 2 && history[1].elapsedDays > 0) {
            points[static_cast<std::size_t>(toGrade(history[0].rating) - 1)].push_back(
                Point { static_cast<double>(history[1].elapsedDays), history[1].rating != Rating::Again });
        }
    }
    const Fsrs model(w);
    for (std::size_t g = 0; g < 4; ++g) {
        if (points[g].size() < 8) {
            continue;
        }
        auto loss = [&](double logS) {
            const MemoryState state { std::exp(logS), 5.0 };
            double sum = 0.0;
            for (const Point& point : points[g]) {
                sum += crossEntropy(model.retrievability(state, point.days), point.recalled);
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
        const double n = static_cast<double>(points[g].size());
        const double weight = n / (n + 32.0);
        w[g] = std::exp(weight * fitted + (1.0 - weight) * std::log(std::max(w[g], MinStability)));
    }
    for (std::size_t g = 1; g < 4; ++g) {
        w[g] = std::max(w[g], w[g - 1]);
    }
}

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
        lossSum += crossEntropy(predicted, recalled);
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

Result<OptimizerResult> optimize(std::span<const ReviewHistory> histories, const OptimizerOptions& options)
{
    OptimizerResult result;
    result.before = evaluate(options.initial, histories);
    if (result.before.predictions < options.minimumPredictions) {
        return Result<OptimizerResult>::failure(Problem { Severity::Error, "", "", "reviews",
            "too few reviews to optimise: it needs at least " + std::to_string(options.minimumPredictions)
                + " answers given a day or more after the item's previous answer, and there are "
                + std::to_string(result.before.predictions) });
    }

    Parameters w = options.initial;
    pretrainInitialStability(w, histories);
    w = clipParameters(w);

    const std::size_t batchSize = std::max<std::size_t>(options.batchSize, 1);
    const std::size_t batches = (histories.size() + batchSize - 1) / batchSize;
    const std::size_t totalSteps = batches * static_cast<std::size_t>(std::max(options.epochs, 1));
    std::array<double, ParameterCount> m {};
    std::array<double, ParameterCount> v {};
    constexpr double Beta1 = 0.9;
    constexpr double Beta2 = 0.999;
    constexpr double Epsilon = 1e-8;
    std::size_t step = 0;
    std::vector<ReviewHistory> batch;
    bool stopped = false;
    for (int epoch = 0; epoch < std::max(options.epochs, 1) && !stopped; ++epoch) {
        const auto order
            = shuffled(histories.size(), options.shuffleSeed + static_cast<std::uint64_t>(epoch));
        for (std::size_t b = 0; b < batches && !stopped; ++b) {
            batch.clear();
            for (std::size_t i = b * batchSize; i < std::min(histories.size(), (b + 1) * batchSize); ++i) {
                batch.push_back(histories[order[i]]);
            }
            const LossSum base = lossOf(w, batch);
            ++step;
            if (base.count > 0) {
                std::array<double, ParameterCount> gradient {};
                for (std::size_t j = 0; j < ParameterCount; ++j) {
                    Parameters shifted = w;
                    const double h = 1e-5 * std::max(1.0, std::fabs(w[j]));
                    shifted[j] += h;
                    gradient[j] = (lossOf(shifted, batch).sum - base.sum) / (h * base.count);
                }
                // Cosine annealing from the initial learning rate towards zero over all steps.
                const double progress = static_cast<double>(step - 1) / static_cast<double>(totalSteps);
                const double rate
                    = options.learningRate * 0.5 * (1.0 + std::cos(3.141592653589793 * progress));
                for (std::size_t j = 0; j < ParameterCount; ++j) {
                    m[j] = Beta1 * m[j] + (1.0 - Beta1) * gradient[j];
                    v[j] = Beta2 * v[j] + (1.0 - Beta2) * gradient[j] * gradient[j];
                    const double mHat = m[j] / (1.0 - std::pow(Beta1, static_cast<double>(step)));
                    const double vHat = v[j] / (1.0 - std::pow(Beta2, static_cast<double>(step)));
                    w[j] -= rate * mHat / (std::sqrt(vHat) + Epsilon);
                }
                w = clipParameters(w);
            }
            if (options.progress) {
                options.progress(static_cast<double>(step) / static_cast<double>(totalSteps));
            }
            stopped = options.cancelled && options.cancelled();
        }
    }

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
