#include "sim/SimulatedLearner.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace mlaprep::sim {

namespace {

constexpr double MsPerDay = 86'400'000.0;

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

// True difficulty of a level: not the estimator's mapping, so that the prior is only roughly right.
double trueLevelDifficulty(int level)
{
    return level == 1 ? -1.1 : level == 3 ? 1.0 : 0.1;
}

// The chance of a blind guess being right, by the question's form.
double guessingOf(const Question& question)
{
    switch (question.type) {
    case QuestionType::Single:
        return question.options.empty() ? 0.0 : 1.0 / static_cast<double>(question.options.size());
    case QuestionType::Multi:
        return 0.08;
    default:
        return 0.03;
    }
}

fsrs::Fsrs learnerMemory(SeededRandom& random, double noise)
{
    fsrs::Parameters weights = fsrs::DefaultParameters;
    // Initial stabilities and the growth of stability differ most between people.
    for (const std::size_t i : { 0u, 1u, 2u, 3u, 8u }) {
        weights[i] *= std::exp(noise * gaussian(random));
    }
    std::sort(weights.begin(), weights.begin() + 4); // initial stabilities stay in rating order
    auto model = fsrs::Fsrs::create(weights);
    return model ? model.value() : fsrs::Fsrs();
}

} // namespace

double uniform(SeededRandom& random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

double gaussian(SeededRandom& random)
{
    const double u = 1.0 - uniform(random);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform(random));
}

SimulatedBank::SimulatedBank(const Bundle& bundle, std::uint64_t seed)
    : m_bundle(bundle)
{
    SeededRandom random(hashCombine(seed, "bank"));
    for (const ScoredItem& scored : bundle.scoredItemsWithCases()) {
        const Question& item = *scored.item;
        m_questions.emplace(item.id, &item);
        m_truths.emplace(item.id,
            ItemTruth { trueLevelDifficulty(scored.difficulty()) + 0.7 * gaussian(random),
                std::exp(0.3 * gaussian(random)), guessingOf(item) });
    }
}

const ItemTruth& SimulatedBank::truth(const Question& question) const
{
    return m_truths.at(question.id);
}

const Question* SimulatedBank::question(const std::string& itemId) const
{
    const auto found = m_questions.find(itemId);
    return found == m_questions.end() ? nullptr : found->second;
}

SimulatedLearner::SimulatedLearner(
    const SimulatedBank& bank, std::uint64_t seed, const LearnerOptions& options)
    : m_bank(bank)
    , m_options(options)
    , m_random(seed)
    , m_memoryModel(learnerMemory(m_random, options.memoryNoise))
{
    const double base = options.abilityMean + options.abilitySpread * gaussian(m_random);
    m_learningRate = options.learningLow + (options.learningHigh - options.learningLow) * uniform(m_random);
    for (const auto& domain : bank.bundle().domains) {
        for (const auto& task : domain.tasks) {
            m_ability[task.id] = base + options.taskSpread * gaussian(m_random);
        }
    }
}

double SimulatedLearner::ability(const std::string& taskId) const
{
    const auto found = m_ability.find(taskId);
    return found == m_ability.end() ? m_options.abilityMean : found->second;
}

double SimulatedLearner::recall(const std::string& itemId, Instant at) const
{
    const auto found = m_memory.find(itemId);
    if (found == m_memory.end()) {
        return 0.0;
    }
    const double days = std::max(0.0, static_cast<double>((at - found->second.last).count()) / MsPerDay);
    return m_memoryModel.retrievability(found->second.state, days);
}

double SimulatedLearner::chanceRight(const Question& question, Instant at) const
{
    const ItemTruth& truth = m_bank.truth(question);
    const double worked = truth.guessing
        + (1.0 - truth.guessing)
            * logistic(truth.discrimination * (ability(question.task) - truth.difficulty));
    const double remembered = recall(question.id, at) * (1.0 - m_options.slip);
    return remembered + (1.0 - remembered) * worked;
}

bool SimulatedLearner::attemptOnly(const Question& question, Instant at)
{
    return uniform(m_random) < chanceRight(question, at);
}

bool SimulatedLearner::answerQuestion(const Question& question, Instant at)
{
    const bool right = attemptOnly(question, at);
    // A wrong answer shows the explanation: the item is learned from there, as after a lapse.
    remember(question.id, question.task, right, at);
    return right;
}

fsrs::Rating SimulatedLearner::reviewCard(const std::string& cardId, const std::string& taskId, Instant at)
{
    const bool known = m_memory.count(cardId) > 0;
    const double chance = known ? recall(cardId, at) : logistic(ability(taskId) + 0.5);
    const bool recalled = uniform(m_random) < chance;
    remember(cardId, taskId, recalled, at);
    if (!recalled) {
        return fsrs::Rating::Again;
    }
    const double u = uniform(m_random);
    return u < 0.1 ? fsrs::Rating::Hard : u < 0.95 ? fsrs::Rating::Good : fsrs::Rating::Easy;
}

void SimulatedLearner::remember(
    const std::string& itemId, const std::string& taskId, bool recalled, Instant at)
{
    const auto rating = recalled ? fsrs::Rating::Good : fsrs::Rating::Again;
    auto found = m_memory.find(itemId);
    if (found == m_memory.end()) {
        m_memory.emplace(itemId, Memory { m_memoryModel.nextState(std::nullopt, 0.0, rating), at });
    } else {
        const double days = std::max(0.0, static_cast<double>((at - found->second.last).count()) / MsPerDay);
        found->second = Memory { m_memoryModel.nextState(found->second.state, days, rating), at };
    }
    m_ability[taskId] += m_learningRate;
}

std::chrono::milliseconds SimulatedLearner::answerTime(srs::ItemKind kind)
{
    const double median = kind == srs::ItemKind::Card ? 8.0 : 75.0;
    const double seconds = median * std::exp(0.5 * gaussian(m_random));
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

void SimulatedLearner::endDay()
{
    for (auto& [task, value] : m_ability) {
        value += m_options.driftPerDay * gaussian(m_random);
    }
}

} // namespace mlaprep::sim
