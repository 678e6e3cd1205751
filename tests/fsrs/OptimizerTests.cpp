#include "fsrs/Fsrs.h"
#include "fsrs/Optimizer.h"

#include <cmath>
#include <cstdint>

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::fsrs;

namespace {

// Histories simulated from a learner whose memory follows `truth`: each review at the interval the
// defaults would schedule, recalled when a seeded uniform draw falls below the true retrievability.
std::vector<ReviewHistory> simulate(
    const Parameters& truth, int items, int reviewsPerItem, std::uint64_t seed)
{
    const Fsrs learner(truth);
    const Fsrs scheduler;
    std::uint64_t state = seed;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11U) * 0x1.0p-53;
    };
    std::vector<ReviewHistory> histories;
    for (int item = 0; item < items; ++item) {
        ReviewHistory history;
        const Rating first = uniform() < 0.3 ? Rating::Again : Rating::Good;
        history.push_back({ first, 0 });
        MemoryState memory = learner.initialState(first);
        MemoryState scheduled = scheduler.initialState(first);
        for (int r = 1; r < reviewsPerItem; ++r) {
            const int days = scheduler.nextInterval(scheduled.stability, 0.9);
            const bool recalled = uniform() < learner.retrievability(memory, days);
            const Rating rating = recalled ? (uniform() < 0.2 ? Rating::Hard : Rating::Good) : Rating::Again;
            history.push_back({ rating, days });
            memory = learner.nextState(memory, days, rating);
            scheduled = scheduler.nextState(scheduled, days, rating);
        }
        histories.push_back(std::move(history));
    }
    return histories;
}

} // namespace

TEST_CASE("the optimiser refuses clearly when there are too few reviews", "[fsrs][optimizer]")
{
    const auto histories = simulate(DefaultParameters, 10, 3, 1);
    auto result = optimize(histories);
    REQUIRE_FALSE(result.ok());
    CHECK(result.problems().front().field == "reviews");
    CHECK(result.problems().front().message.find("too few reviews") != std::string::npos);
}

TEST_CASE("the optimiser lowers log loss on data from a learner unlike the defaults", "[fsrs][optimizer]")
{
    Parameters truth = DefaultParameters;
    truth[2] = 8.0; // remembers after a first Good far longer than the defaults assume
    truth[8] = 1.2; // but gains less stability per successful review
    truth[20] = 0.4;
    const auto histories = simulate(truth, 1500, 6, 7);
    OptimizerOptions options;
    double lastProgress = 0.0;
    options.progress = [&](double fraction) { lastProgress = fraction; };
    auto result = optimize(histories, options);
    REQUIRE(result.ok());
    CHECK(result->improved);
    CHECK(result->after.logLoss < result->before.logLoss);
    CHECK(result->after.rmse < result->before.rmse);
    CHECK(result->before.predictions == 1500 * 5);
    CHECK(lastProgress == Approx(1.0));
    CHECK(result->parameters[2] > DefaultParameters[2]);
    CHECK(result->parameters == clipParameters(result->parameters));
    // The truth itself is a good fit: the optimiser gets close to its loss.
    const Evaluation ideal = evaluate(truth, histories);
    CHECK(result->after.logLoss < ideal.logLoss + 0.02);
}

TEST_CASE("the optimiser returns the initial weights when it cannot improve on them", "[fsrs][optimizer]")
{
    const auto histories = simulate(DefaultParameters, 300, 4, 3);
    OptimizerOptions options;
    options.epochs = 1;
    options.learningRate = 0.0; // no step can be taken, so nothing improves
    auto result = optimize(histories, options);
    REQUIRE(result.ok());
    if (!result->improved) {
        CHECK(result->parameters == DefaultParameters);
        CHECK(result->after.logLoss == result->before.logLoss);
    }
}

TEST_CASE("parameters are clipped to the reference bounds", "[fsrs][optimizer]")
{
    Parameters wild = DefaultParameters;
    wild[0] = -1.0;
    wild[3] = 1000.0;
    wild[20] = 5.0;
    const Parameters clipped = clipParameters(wild);
    CHECK(clipped[0] == MinStability);
    CHECK(clipped[3] == 100.0);
    CHECK(clipped[20] == 0.8);
    CHECK(clipParameters(DefaultParameters) == DefaultParameters);
}

TEST_CASE("fitting keeps w19 at 0.01 or more, even from FSRS-5 weights", "[fsrs][optimizer]")
{
    Parameters fsrs5 = DefaultParameters;
    fsrs5[19] = 0.0; // as checkAndFillParameters pads 19 weights
    CHECK(clipParameters(fsrs5)[19] == 0.01);
    const auto histories = simulate(DefaultParameters, 400, 5, 11);
    OptimizerOptions options;
    options.initial = fsrs5;
    options.epochs = 1;
    auto result = optimize(histories, options);
    REQUIRE(result.ok());
    REQUIRE(result->improved);
    CHECK(result->parameters[19] >= 0.01);
}

TEST_CASE("the fitted initial stabilities never fall with a better first rating", "[fsrs][optimizer]")
{
    // A learner who remembers longer after a first Again than after a first Good: left alone, the fit
    // would order w0 above w2.
    Parameters truth = DefaultParameters;
    truth[0] = 6.0;
    truth[2] = 0.5;
    const auto histories = simulate(truth, 1500, 4, 5);
    auto result = optimize(histories);
    REQUIRE(result.ok());
    REQUIRE(result->improved);
    const Parameters& w = result->parameters;
    CHECK(w[0] <= w[1]);
    CHECK(w[1] <= w[2]);
    CHECK(w[2] <= w[3]);
}

TEST_CASE("the L2 penalty holds weights near their initial values", "[fsrs][optimizer]")
{
    Parameters truth = DefaultParameters;
    truth[8] = 1.2;
    truth[10] = 1.4;
    truth[20] = 0.4;
    const auto histories = simulate(truth, 1500, 6, 9);
    OptimizerOptions free;
    free.regularization = 0.0;
    OptimizerOptions held;
    held.regularization = 1e6;
    auto unpenalised = optimize(histories, free);
    auto penalised = optimize(histories, held);
    REQUIRE(unpenalised.ok());
    REQUIRE(penalised.ok());
    // w0..w3 come from pre-training first; the penalty then anchors every weight where training began.
    double freeDistance = 0.0;
    double heldDistance = 0.0;
    for (std::size_t j = 4; j < ParameterCount; ++j) {
        freeDistance += std::fabs(unpenalised->parameters[j] - DefaultParameters[j]);
        heldDistance += std::fabs(penalised->parameters[j] - DefaultParameters[j]);
    }
    CHECK(freeDistance > 0.3);
    CHECK(heldDistance < 0.05);
}

TEST_CASE("batches hold a number of reviews, not of histories", "[fsrs][optimizer]")
{
    // 600 histories of 6 predictions each: 3600 predictions, so batches of 512 reviews give 8 steps per
    // epoch (7 of 510 and one of 30), where batches of 512 histories would give 2.
    const auto histories = simulate(DefaultParameters, 600, 7, 13);
    OptimizerOptions options;
    options.epochs = 1;
    int steps = 0;
    options.progress = [&](double) { ++steps; };
    auto result = optimize(histories, options);
    REQUIRE(result.ok());
    CHECK(steps == 8);
}
