#include "fsrs/Gradient.h"
#include "fsrs/Optimizer.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

using namespace mlaprep::fsrs;

namespace {

class Uniform {
public:
    explicit Uniform(std::uint64_t seed)
        : m_state(seed)
    {
    }
    double operator()()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(m_state >> 11U) * 0x1.0p-53;
    }
    double between(double low, double high) { return low + (high - low) * (*this)(); }

private:
    std::uint64_t m_state;
};

// Weights drawn inside the fitting bounds, away from them, so that no weight sits at a kink.
Parameters randomWeights(Uniform& uniform)
{
    Parameters w {};
    const double first = uniform.between(0.1, 2.0);
    w[0] = first;
    w[1] = first + uniform.between(0.1, 3.0);
    w[2] = w[1] + uniform.between(0.1, 5.0);
    w[3] = w[2] + uniform.between(0.1, 10.0);
    w[4] = uniform.between(4.0, 8.0);
    w[5] = uniform.between(0.2, 1.5);
    w[6] = uniform.between(0.5, 3.5);
    w[7] = uniform.between(0.01, 0.5);
    w[8] = uniform.between(0.5, 3.0);
    w[9] = uniform.between(0.05, 0.6);
    w[10] = uniform.between(0.3, 2.5);
    w[11] = uniform.between(0.5, 3.0);
    w[12] = uniform.between(0.02, 0.2);
    w[13] = uniform.between(0.1, 0.8);
    w[14] = uniform.between(0.5, 3.0);
    w[15] = uniform.between(0.2, 0.9);
    w[16] = uniform.between(1.5, 4.0);
    w[17] = uniform.between(0.1, 1.5);
    w[18] = uniform.between(0.1, 1.5);
    w[19] = uniform.between(0.05, 0.7);
    w[20] = uniform.between(0.15, 0.7);
    return w;
}

// Histories with every kind of step: first answers of each rating, same-day reviews, successes and
// lapses after delays from one day to two months.
std::vector<ReviewHistory> randomHistories(Uniform& uniform, int count)
{
    std::vector<ReviewHistory> histories;
    for (int h = 0; h < count; ++h) {
        ReviewHistory history;
        const int length = 2 + static_cast<int>(uniform() * 9.0);
        for (int r = 0; r < length; ++r) {
            const auto rating = static_cast<Rating>(1 + static_cast<int>(uniform() * 4.0));
            const int days = r == 0 || uniform() < 0.2 ? 0 : 1 + static_cast<int>(uniform() * 60.0);
            history.push_back({ rating, days });
        }
        histories.push_back(std::move(history));
    }
    return histories;
}

double meanLogLoss(const Parameters& w, const std::vector<ReviewHistory>& histories)
{
    return evaluate(w, histories).logLoss;
}

} // namespace

TEST_CASE("the exact gradient of the log loss matches central differences", "[fsrs][gradient]")
{
    Uniform uniform(20261201);
    for (int trial = 0; trial < 20; ++trial) {
        const Parameters w = randomWeights(uniform);
        const auto histories = randomHistories(uniform, 40);
        const LossGradient exact = logLossGradient(w, histories);
        const Evaluation evaluation = evaluate(w, histories);
        REQUIRE(exact.predictions == evaluation.predictions);
        REQUIRE(exact.predictions > 0);
        CHECK(exact.lossSum / exact.predictions == Approx(evaluation.logLoss).epsilon(1e-12));
        for (std::size_t j = 0; j < ParameterCount; ++j) {
            const double step = 1e-6 * std::max(1.0, std::fabs(w[j]));
            Parameters up = w;
            Parameters down = w;
            up[j] += step;
            down[j] -= step;
            const double central = (meanLogLoss(up, histories) - meanLogLoss(down, histories)) / (2.0 * step);
            const double mean = exact.gradient[j] / exact.predictions;
            INFO("trial " << trial << ", w" << j << ": exact " << mean << ", central " << central);
            CHECK(std::fabs(mean - central) <= 1e-6 + 1e-4 * std::fabs(central));
        }
    }
}

TEST_CASE("the gradient over selected histories is the gradient over those histories", "[fsrs][gradient]")
{
    Uniform uniform(7);
    const Parameters w = randomWeights(uniform);
    const auto histories = randomHistories(uniform, 30);
    const std::vector<std::size_t> selected = { 3, 17, 4, 29 };
    std::vector<ReviewHistory> subset;
    for (const std::size_t index : selected) {
        subset.push_back(histories[index]);
    }
    const LossGradient picked = logLossGradient(w, histories, selected);
    const LossGradient direct = logLossGradient(w, subset);
    CHECK(picked.predictions == direct.predictions);
    CHECK(picked.lossSum == Approx(direct.lossSum).epsilon(1e-12));
    for (std::size_t j = 0; j < ParameterCount; ++j) {
        CHECK(picked.gradient[j] == Approx(direct.gradient[j]).epsilon(1e-12).margin(1e-15));
    }
    // The full set's gradient is a different one: selection is not ignored.
    CHECK(logLossGradient(w, histories).predictions > picked.predictions);
}

TEST_CASE("a weight that no prediction depends on has a zero gradient", "[fsrs][gradient]")
{
    // Without same-day reviews and with w19 unused, only a lapse cap could involve w17 and w18; a
    // history of first answers followed by successes involves neither, nor w11..w14 (lapses).
    std::vector<ReviewHistory> histories = {
        { { Rating::Good, 0 }, { Rating::Good, 3 }, { Rating::Easy, 9 } },
        { { Rating::Hard, 0 }, { Rating::Hard, 2 }, { Rating::Good, 5 } },
    };
    const LossGradient gradient = logLossGradient(DefaultParameters, histories);
    for (const std::size_t j : { 11U, 12U, 13U, 14U, 17U, 18U, 19U }) {
        INFO("w" << j);
        CHECK(gradient.gradient[j] == 0.0);
    }
    CHECK(gradient.gradient[8] != 0.0);
    CHECK(gradient.gradient[20] != 0.0);
}
