#include "irt/Rasch.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mlaprep::irt {

namespace {

constexpr int MaxNewtonSteps = 50;
constexpr double MaxNewtonStep = 2.0;

// How much an answer says about ability when the item's difficulty is only known to ±spread: the slope
// of the probit approximation of σ(θ − b) integrated over b.
double attenuation(double variance)
{
    return 1.0 / std::sqrt(1.0 + std::numbers::pi * variance / 8.0);
}

double weightAt(double attemptDay, double day, double halfLifeDays)
{
    const double age = day - attemptDay;
    return age <= 0.0 || halfLifeDays <= 0.0 ? 1.0 : std::exp2(-age / halfLifeDays);
}

} // namespace

double levelDifficulty(int level, const RaschConfig& config)
{
    switch (level) {
    case 1:
        return config.easyDifficulty;
    case 3:
        return config.hardDifficulty;
    default:
        return config.mediumDifficulty;
    }
}

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

double expectedLogistic(double mean, double variance)
{
    return logistic(mean * attenuation(variance));
}

Normal fitAbility(const std::vector<WeightedAnswer>& answers, Normal prior, double difficultySpread)
{
    const double slope = attenuation(difficultySpread * difficultySpread);
    double theta = prior.mean;
    double information = 1.0 / prior.variance;
    for (int step = 0; step < MaxNewtonSteps; ++step) {
        double gradient = -(theta - prior.mean) / prior.variance;
        information = 1.0 / prior.variance;
        for (const auto& answer : answers) {
            const double p = logistic(slope * (theta - answer.difficulty));
            gradient += answer.weight * slope * ((answer.correct ? 1.0 : 0.0) - p);
            information += answer.weight * slope * slope * p * (1.0 - p);
        }
        const double change = std::clamp(gradient / information, -MaxNewtonStep, MaxNewtonStep);
        theta += change;
        if (std::abs(change) < 1e-9) {
            break;
        }
    }
    return Normal { theta, 1.0 / information };
}

RaschModel::RaschModel(std::vector<Item> items, int tasks, RaschConfig config)
    : m_config(config)
    , m_items(std::move(items))
    , m_attempts(m_items.size())
    , m_itemsOfTask(static_cast<std::size_t>(std::max(0, tasks)))
    , m_tasks(static_cast<std::size_t>(std::max(0, tasks)))
    , m_learner { config.learnerMean, config.learnerSpread * config.learnerSpread }
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_itemsOfTask[static_cast<std::size_t>(m_items[i].task)].push_back(i);
    }
    for (auto& task : m_tasks) {
        task.ability = Normal { m_learner.mean, m_learner.variance + config.taskSpread * config.taskSpread };
        task.ownVariance = config.taskSpread * config.taskSpread;
    }
}

bool RaschModel::observe(std::size_t item, bool correct, double day)
{
    Attempt& attempt = m_attempts[item];
    if (attempt.day && *attempt.day <= day) {
        return false;
    }
    if (!attempt.day) {
        ++m_firstAttempts;
        ++m_tasks[static_cast<std::size_t>(m_items[item].task)].firstAttempts;
    }
    attempt.day = day;
    attempt.correct = correct;
    return true;
}

std::vector<WeightedAnswer> RaschModel::answersOf(int task, double day) const
{
    std::vector<WeightedAnswer> answers;
    for (const std::size_t item : m_itemsOfTask[static_cast<std::size_t>(task)]) {
        const Attempt& attempt = m_attempts[item];
        if (attempt.day) {
            answers.push_back(WeightedAnswer { m_items[item].priorDifficulty,
                weightAt(*attempt.day, day, m_config.halfLifeDays), attempt.correct });
        }
    }
    return answers;
}

void RaschModel::fit(double day)
{
    const double taskVariance = m_config.taskSpread * m_config.taskSpread;
    const double spread = m_config.difficultySpread;
    std::vector<std::vector<WeightedAnswer>> answers(m_tasks.size());
    std::vector<WeightedAnswer> all;
    all.reserve(static_cast<std::size_t>(m_firstAttempts));
    for (int t = 0; t < taskCount(); ++t) {
        answers[static_cast<std::size_t>(t)] = answersOf(t, day);
        all.insert(all.end(), answers[static_cast<std::size_t>(t)].begin(),
            answers[static_cast<std::size_t>(t)].end());
    }
    // The learner-level mean sees every answer through the task deviation as well as the item's spread.
    m_learner
        = fitAbility(all, Normal { m_config.learnerMean, m_config.learnerSpread * m_config.learnerSpread },
            std::sqrt(spread * spread + taskVariance));
    for (int t = 0; t < taskCount(); ++t) {
        TaskAbility& task = m_tasks[static_cast<std::size_t>(t)];
        const auto& own = answers[static_cast<std::size_t>(t)];
        const Normal fitted = fitAbility(own, Normal { m_learner.mean, taskVariance }, spread);
        task.ownVariance = fitted.variance;
        task.loading = fitted.variance / taskVariance;
        task.ability
            = Normal { fitted.mean, fitted.variance + task.loading * task.loading * m_learner.variance };
        task.evidence = 0.0;
        for (const auto& answer : own) {
            task.evidence += answer.weight;
        }
    }
}

Normal RaschModel::difficulty(std::size_t item) const
{
    const Normal prior { m_items[item].priorDifficulty,
        m_config.difficultySpread * m_config.difficultySpread };
    const Attempt& attempt = m_attempts[item];
    if (!attempt.day) {
        return prior;
    }
    // σ(θ − b) = σ(−b − (−θ)): the answer fits "−b" as an ability on an item of difficulty −θ, whose
    // uncertainty blurs what the answer says.
    const Normal& ability = m_tasks[static_cast<std::size_t>(m_items[item].task)].ability;
    const Normal minusB = fitAbility({ WeightedAnswer { -ability.mean, 1.0, attempt.correct } },
        Normal { -prior.mean, prior.variance }, std::sqrt(ability.variance));
    return Normal { -minusB.mean, minusB.variance };
}

double equatedFraction(const std::vector<WeightedAnswer>& answers, const std::vector<FormItem>& reference,
    const RaschConfig& config)
{
    const double spreadVariance = config.difficultySpread * config.difficultySpread;
    const Normal ability = fitAbility(answers,
        Normal { config.learnerMean, config.learnerSpread * config.learnerSpread }, config.difficultySpread);
    double fraction = 0.0;
    double shares = 0.0;
    for (const auto& item : reference) {
        fraction += item.share * expectedLogistic(ability.mean - item.difficulty, spreadVariance);
        shares += item.share;
    }
    return shares > 0.0 ? fraction / shares : 0.0;
}

} // namespace mlaprep::irt
