#include "irt/Rasch.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace mlaprep::irt {

namespace {

constexpr int MaxNewtonSteps = 50;
constexpr double MaxNewtonStep = 2.0;
constexpr int MaxHalvings = 30;

// How much an answer says about ability when the item's difficulty is only known to ±spread: the slope
// of the probit approximation of σ(θ − b) integrated over b.
double attenuation(double variance)
{
    return 1.0 / std::sqrt(1.0 + std::numbers::pi * variance / 8.0);
}

// The log-likelihood of one answer, log σ(x) when right and log(1 − σ(x)) = log σ(−x) when wrong, without
// overflow.
double logLikelihood(double x, bool correct)
{
    const double z = correct ? x : -x;
    return z >= 0.0 ? -std::log1p(std::exp(-z)) : z - std::log1p(std::exp(z));
}

// A Newton step damped until it raises the log posterior: the whole step when it does, else the largest
// halving that does (the posterior is concave, so a small enough one always does). Undamped, a step on
// a flat stretch of the logistic can jump between two points forever. Returns the fraction taken and
// the log posterior there.
template <typename LogPosterior>
std::pair<double, double> dampedStep(const LogPosterior& logPosteriorAt, double current)
{
    double fraction = 1.0;
    double value = logPosteriorAt(fraction);
    for (int halving = 0; halving < MaxHalvings && value < current; ++halving) {
        fraction /= 2.0;
        value = logPosteriorAt(fraction);
    }
    return { fraction, value };
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

Normal fitAbility(const std::vector<WeightedAnswer>& answers, Normal prior, double difficultySpread,
    std::optional<double> start)
{
    const double slope = attenuation(difficultySpread * difficultySpread);
    const auto logPosterior = [&](double theta) {
        double value = -(theta - prior.mean) * (theta - prior.mean) / (2.0 * prior.variance);
        for (const auto& answer : answers) {
            value += answer.weight * logLikelihood(slope * (theta - answer.difficulty), answer.correct);
        }
        return value;
    };
    double theta = start.value_or(prior.mean);
    double current = logPosterior(theta);
    double information = 1.0 / prior.variance;
    for (int step = 0; step < MaxNewtonSteps; ++step) {
        double gradient = -(theta - prior.mean) / prior.variance;
        information = 1.0 / prior.variance;
        for (const auto& answer : answers) {
            const double p = logistic(slope * (theta - answer.difficulty));
            gradient += answer.weight * slope * ((answer.correct ? 1.0 : 0.0) - p);
            information += answer.weight * slope * slope * p * (1.0 - p);
        }
        const double newton = std::clamp(gradient / information, -MaxNewtonStep, MaxNewtonStep);
        const auto [fraction, value]
            = dampedStep([&](double f) { return logPosterior(theta + f * newton); }, current);
        theta += fraction * newton;
        current = value;
        if (std::abs(fraction * newton) < 1e-9) {
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
    , m_learner { Normal { config.learnerMean, config.learnerSpread * config.learnerSpread },
        Normal { config.learningGain, config.learningGainSpread * config.learningGainSpread }, 0.0 }
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_itemsOfTask[static_cast<std::size_t>(m_items[i].task)].push_back(i);
    }
    for (auto& task : m_tasks) {
        task.ownVariance = config.taskSpread * config.taskSpread;
        task.sharedVariance = m_learner.base.variance;
        task.ability = Normal { m_learner.base.mean, task.ownVariance + task.sharedVariance };
    }
}

bool RaschModel::observe(std::size_t item, bool correct, double day, int practice)
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
    attempt.practice = practice;
    return true;
}

void RaschModel::setPractice(int task, int answers)
{
    m_tasks[static_cast<std::size_t>(task)].practice = answers;
}

double RaschModel::curve(int answers) const
{
    return std::log1p(std::max(0, answers) / m_config.learningScale);
}

std::vector<RaschModel::CurveAnswer> RaschModel::answersOf(int task, double day) const
{
    std::vector<CurveAnswer> answers;
    for (const std::size_t item : m_itemsOfTask[static_cast<std::size_t>(task)]) {
        const Attempt& attempt = m_attempts[item];
        if (attempt.day) {
            answers.push_back(
                CurveAnswer { WeightedAnswer { m_items[item].priorDifficulty,
                                  weightAt(*attempt.day, day, m_config.halfLifeDays), attempt.correct },
                    curve(attempt.practice) });
        }
    }
    return answers;
}

namespace {

// The learner-level Newton fit of (base, gain) in σ(slope (base + gain × curve − b)) under their priors.
LearnerFit fitLearner(const std::vector<std::pair<WeightedAnswer, double>>& answers,
    const RaschConfig& config, double spread, const LearnerFit& start)
{
    const double slope = attenuation(spread * spread);
    const double baseVariance = config.learnerSpread * config.learnerSpread;
    const double gainVariance = config.learningGainSpread * config.learningGainSpread;
    const auto logPosterior = [&](double base, double gain) {
        double value = -(base - config.learnerMean) * (base - config.learnerMean) / (2.0 * baseVariance)
            - (gain - config.learningGain) * (gain - config.learningGain) / (2.0 * gainVariance);
        for (const auto& [answer, curve] : answers) {
            value += answer.weight
                * logLikelihood(slope * (base + gain * curve - answer.difficulty), answer.correct);
        }
        return value;
    };
    double base = start.base.mean;
    double gain = start.gain.mean;
    double current = logPosterior(base, gain);
    double hbb = 1.0 / baseVariance;
    double hbg = 0.0;
    double hgg = 1.0 / gainVariance;
    for (int step = 0; step < MaxNewtonSteps; ++step) {
        double gb = -(base - config.learnerMean) / baseVariance;
        double gg = -(gain - config.learningGain) / gainVariance;
        hbb = 1.0 / baseVariance;
        hbg = 0.0;
        hgg = 1.0 / gainVariance;
        for (const auto& [answer, curve] : answers) {
            const double p = logistic(slope * (base + gain * curve - answer.difficulty));
            const double residual = answer.weight * slope * ((answer.correct ? 1.0 : 0.0) - p);
            const double information = answer.weight * slope * slope * p * (1.0 - p);
            gb += residual;
            gg += residual * curve;
            hbb += information;
            hbg += information * curve;
            hgg += information * curve * curve;
        }
        const double determinant = hbb * hgg - hbg * hbg;
        const double newtonBase
            = std::clamp((hgg * gb - hbg * gg) / determinant, -MaxNewtonStep, MaxNewtonStep);
        const double newtonGain
            = std::clamp((hbb * gg - hbg * gb) / determinant, -MaxNewtonStep, MaxNewtonStep);
        const auto [fraction, value] = dampedStep(
            [&](double f) { return logPosterior(base + f * newtonBase, gain + f * newtonGain); }, current);
        base += fraction * newtonBase;
        gain += fraction * newtonGain;
        current = value;
        if (fraction * (std::abs(newtonBase) + std::abs(newtonGain)) < 1e-9) {
            break;
        }
    }
    const double determinant = hbb * hgg - hbg * hbg;
    return LearnerFit { Normal { base, hgg / determinant }, Normal { gain, hbb / determinant },
        -hbg / determinant };
}

} // namespace

void RaschModel::fit(double day)
{
    const double taskVariance = m_config.taskSpread * m_config.taskSpread;
    const double spread = m_config.difficultySpread;
    std::vector<std::vector<CurveAnswer>> answers(m_tasks.size());
    std::vector<std::pair<WeightedAnswer, double>> all;
    all.reserve(static_cast<std::size_t>(m_firstAttempts));
    for (int t = 0; t < taskCount(); ++t) {
        answers[static_cast<std::size_t>(t)] = answersOf(t, day);
        for (const auto& answer : answers[static_cast<std::size_t>(t)]) {
            all.emplace_back(answer.answer, answer.curve);
        }
    }
    // The learner level sees every answer through the task deviation as well as the item's spread.
    // Each fit starts where the last one ended: after a few new answers, a couple of steps converge.
    m_learner = fitLearner(all, m_config, std::sqrt(spread * spread + taskVariance), m_learner);
    const double gain = m_learner.gain.mean;
    for (int t = 0; t < taskCount(); ++t) {
        TaskAbility& task = m_tasks[static_cast<std::size_t>(t)];
        // The task's ability before practice, from its answers with their learning taken out: an answer
        // given after practice c found the learner gain × c abler, as if the item were that much easier.
        std::vector<WeightedAnswer> own;
        double curveSum = 0.0;
        task.evidence = 0.0;
        for (const auto& answer : answers[static_cast<std::size_t>(t)]) {
            own.push_back(answer.answer);
            own.back().difficulty -= gain * answer.curve;
            task.evidence += answer.answer.weight;
            curveSum += answer.answer.weight * answer.curve;
        }
        const Normal fitted
            = fitAbility(own, Normal { m_learner.base.mean, taskVariance }, spread, task.beforePractice);
        task.beforePractice = fitted.mean;
        const double now = curve(task.practice);
        // How far the current practice lies beyond the practice its answers were given at: the gain's
        // uncertainty counts over that stretch only.
        const double extrapolation = now - (task.evidence > 0.0 ? curveSum / task.evidence : 0.0);
        task.ownVariance = fitted.variance;
        task.loading = fitted.variance / taskVariance;
        task.sharedVariance = std::max(0.0,
            task.loading * task.loading * m_learner.base.variance
                + extrapolation * extrapolation * m_learner.gain.variance
                + 2.0 * task.loading * extrapolation * m_learner.covariance);
        task.ability = Normal { fitted.mean + gain * now, task.ownVariance + task.sharedVariance };
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
    // uncertainty blurs what the answer says. θ is the task's ability when the answer was given: a wrong
    // answer early in the learning says less against the item than one given now.
    const TaskAbility& task = m_tasks[static_cast<std::size_t>(m_items[item].task)];
    const double abilityThen
        = task.ability.mean - m_learner.gain.mean * (curve(task.practice) - curve(attempt.practice));
    const Normal minusB = fitAbility({ WeightedAnswer { -abilityThen, 1.0, attempt.correct } },
        Normal { -prior.mean, prior.variance }, std::sqrt(task.ability.variance));
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
