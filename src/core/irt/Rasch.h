#pragma once

// irt/ is the item-response model behind the mock-exam estimate and readiness (docs/readiness.md): a
// Rasch model in which item i of task t is answered right with probability σ(θ_t − b_i). Pure values:
// no store, no clock (callers pass the day), no randomness.

#include <cstddef>
#include <optional>
#include <vector>

namespace mlaprep::irt {

struct RaschConfig {
    // Prior difficulty, in logits, of the bundle's levels 1 (easy), 2 and 3 (hard); an item without a
    // level counts as 2.
    double easyDifficulty = -0.8;
    double mediumDifficulty = 0.0;
    double hardDifficulty = 0.8;
    // How far an item's difficulty may lie from its level (prior standard deviation, logits).
    double difficultySpread = 0.8;
    // The learner's overall ability before any answer, and how far a task's ability may lie from it.
    double learnerMean = 0.5;
    double learnerSpread = 1.2;
    double taskSpread = 0.6;
    // Abilities grow with study: a first attempt's weight halves every this many days ...
    double halfLifeDays = 21.0;
    // ... and a task's ability rises with the answers given on it (cards too), along the learning curve
    // learningGain × log(1 + answers / learningScale), its gain fitted per learner from this prior.
    // (Calibrated with `mlaprep-cli calibrate`: about 0.015 logits an answer for the first hundred.)
    double learningGain = 3.0;
    double learningGainSpread = 1.0;
    double learningScale = 200.0;
};

// A normal distribution on the logit scale.
struct Normal {
    double mean = 0.0;
    double variance = 0.0;
};

// The prior difficulty of a bundle level (1–3, 0 when absent).
double levelDifficulty(int level, const RaschConfig& config);

double logistic(double x);
// E[σ(x)] for x ~ N(mean, variance), by the probit approximation σ(mean / √(1 + π variance / 8)).
double expectedLogistic(double mean, double variance);

// A task's ability at the fitted day and its current practice. Its variance has a part of its own and a
// part shared with every task (the learner-level mean and learning gain), which the forecast adds up
// as fully correlated across tasks.
struct TaskAbility {
    Normal ability;
    double ownVariance = 0.0;
    double sharedVariance = 0.0;
    double loading = 1.0; // the share of the learner-level prior in it (1 for a task never answered)
    double evidence = 0.0; // recency-weighted first attempts
    int firstAttempts = 0;
    int practice = 0; // answers given on the task so far
    std::optional<double> beforePractice; // the fitted ability before any practice, once fitted
};

// The learner-level fit: ability before any practice, and the gain per unit of the learning curve.
struct LearnerFit {
    Normal base;
    Normal gain;
    double covariance = 0.0;
};

// One answer to an item of known prior difficulty, with its weight in the fit.
struct WeightedAnswer {
    double difficulty = 0.0;
    double weight = 1.0;
    bool correct = false;
};

// One learner's Rasch model: item difficulties start at their level's prior and are updated from first
// attempts only (a repeat answer measures memory, which FSRS models); abilities per task are fitted from
// the same first attempts, recent ones weighing more, under a learner-level mean. Observing an answer is
// O(1); fit() is linear in the first attempts kept, so the model is updated incrementally from new log
// rows and never needs the whole history again.
class RaschModel {
public:
    struct Item {
        int task = 0;
        double priorDifficulty = 0.0;
    };

    RaschModel(std::vector<Item> items, int tasks, RaschConfig config = {});

    // An answer to `item` at `day` (days since the epoch), after `practice` answers on its task. Kept when
    // it is the item's first attempt, or earlier than the one kept (histories may be imported out of
    // order); returns whether it was kept.
    bool observe(std::size_t item, bool correct, double day, int practice = 0);
    // The answers given on a task so far (cards too): where it stands on its learning curve.
    void setPractice(int task, int answers);
    // Fits the learner-level mean and every task's ability as of `day`.
    void fit(double day);

    const RaschConfig& config() const { return m_config; }
    std::size_t itemCount() const { return m_items.size(); }
    int taskCount() const { return static_cast<int>(m_tasks.size()); }
    int taskOf(std::size_t item) const { return m_items[item].task; }
    bool attempted(std::size_t item) const { return m_attempts[item].day.has_value(); }
    const LearnerFit& learner() const { return m_learner; }
    // The learning curve: log(1 + answers / learningScale).
    double curve(int answers) const;
    const TaskAbility& task(int task) const { return m_tasks[static_cast<std::size_t>(task)]; }
    // The item's difficulty: its prior, moved by its first attempt given the task's fitted ability.
    Normal difficulty(std::size_t item) const;
    int firstAttempts() const { return m_firstAttempts; }

private:
    struct Attempt {
        std::optional<double> day;
        bool correct = false;
        int practice = 0;
    };
    struct CurveAnswer {
        WeightedAnswer answer;
        double curve;
    };
    std::vector<CurveAnswer> answersOf(int task, double day) const;

    RaschConfig m_config;
    std::vector<Item> m_items;
    std::vector<Attempt> m_attempts;
    std::vector<std::vector<std::size_t>> m_itemsOfTask;
    std::vector<TaskAbility> m_tasks;
    LearnerFit m_learner;
    int m_firstAttempts = 0;
};

// The ability (mean and variance) that best explains answers to items of known prior difficulty: a
// Newton fit of one θ under `prior`, each item's difficulty integrated over its prior spread (so the
// answer to an item of uncertain difficulty tells less). Shared by the task fits and mock-exam equating.
// Newton starts at `start` (a previous fit), else at the prior mean; either converges to the same fit.
Normal fitAbility(const std::vector<WeightedAnswer>& answers, Normal prior, double difficultySpread,
    std::optional<double> start = std::nullopt);

// An item of the reference form that mock results are equated to, with its share of that form.
struct FormItem {
    double difficulty = 0.0;
    double share = 0.0;
};

// Equating: the fraction the learner who gave `answers` is expected to get right on the reference form.
// A hard form and an easy form answered by the same learner give the same fraction within noise, where
// their percentages correct differ.
double equatedFraction(const std::vector<WeightedAnswer>& answers, const std::vector<FormItem>& reference,
    const RaschConfig& config);

} // namespace mlaprep::irt
