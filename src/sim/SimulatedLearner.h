#pragma once

// sim/ holds simulated learners for the calibration harness (`mlaprep-cli calibrate`) and workload
// simulations. Their generative model is deliberately NOT the one the readiness estimator assumes: items
// follow a three-parameter logistic model with guessing and their own discrimination, true difficulties
// stray from the bundle levels, abilities drift and grow with study, and memory follows FSRS with the
// learner's own (noisy) parameters. A harness built on the estimator's own model could not fail.

#include "common/Clock.h"
#include "common/SeededRandom.h"
#include "content/Bundle.h"
#include "fsrs/Fsrs.h"
#include "srs/ItemKind.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace mlaprep::sim {

// A uniform draw in [0, 1) and a standard normal draw, from the project's seeded generator.
double uniform(SeededRandom& random);
double gaussian(SeededRandom& random);

// The true parameters of a scored item: P(right) = guessing + (1 − guessing) σ(discrimination (θ − b)).
struct ItemTruth {
    double difficulty = 0.0;
    double discrimination = 1.0;
    double guessing = 0.0;
};

// The bank as the simulation knows it, shared by every learner of a population.
class SimulatedBank {
public:
    SimulatedBank(const Bundle& bundle, std::uint64_t seed);

    const Bundle& bundle() const { return m_bundle; }
    const ItemTruth& truth(const Question& question) const;
    const Question* question(const std::string& itemId) const;

private:
    const Bundle& m_bundle;
    std::unordered_map<std::string, const Question*> m_questions;
    std::unordered_map<std::string, ItemTruth> m_truths;
};

struct LearnerOptions {
    // Starting ability: a learner-level mean, and each task's deviation from it (logits).
    double abilityMean = -0.2;
    double abilitySpread = 0.8;
    double taskSpread = 0.5;
    // Logits gained per answer on a task (drawn per learner in this range) and the daily random walk.
    double learningLow = 0.002;
    double learningHigh = 0.012;
    double driftPerDay = 0.04;
    // How far the learner's FSRS weights lie from the defaults (log-normal factor on the stabilities).
    double memoryNoise = 0.3;
    // A remembered answer still goes wrong this often.
    double slip = 0.03;
};

// One simulated learner: knows each task to a degree that drifts and grows with study, and remembers
// each item met by FSRS with its own parameters.
class SimulatedLearner {
public:
    SimulatedLearner(const SimulatedBank& bank, std::uint64_t seed, const LearnerOptions& options = {});

    double ability(const std::string& taskId) const;
    // The chance of answering `question` right at `at`: remembered from before, else worked out.
    double chanceRight(const Question& question, Instant at) const;
    // Answers it (a draw), learns from it and remembers it; returns whether it was right.
    bool answerQuestion(const Question& question, Instant at);
    // A draw of the answer without any learning: for a test whose outcome is only observed.
    bool attemptOnly(const Question& question, Instant at);
    // Reviews a card: Again when forgotten, else Hard, Good or Easy.
    fsrs::Rating reviewCard(const std::string& cardId, const std::string& taskId, Instant at);
    // Whether the learner has answered or reviewed the item before.
    bool hasMet(const std::string& itemId) const { return m_memory.count(itemId) > 0; }
    // The true retrievability of an item at `at` (0 when never met).
    double recall(const std::string& itemId, Instant at) const;
    // How long an answer takes (a log-normal draw around the medians of real timings).
    std::chrono::milliseconds answerTime(srs::ItemKind kind);
    // A day passes: abilities drift.
    void endDay();

    SeededRandom& random() { return m_random; }

private:
    struct Memory {
        fsrs::MemoryState state;
        Instant last;
    };
    void remember(const std::string& itemId, const std::string& taskId, bool recalled, Instant at);

    const SimulatedBank& m_bank;
    LearnerOptions m_options;
    SeededRandom m_random;
    fsrs::Fsrs m_memoryModel;
    double m_learningRate = 0.0;
    std::unordered_map<std::string, double> m_ability;
    std::unordered_map<std::string, Memory> m_memory;
};

} // namespace mlaprep::sim
