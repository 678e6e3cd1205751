#include "analytics/Readiness.h"

#include "exam/ScaledScore.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace mlaprep::analytics {

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double normalQuantile(double p)
{
    // Bisection on erfc: only called with a handful of probabilities.
    double low = -10.0;
    double high = 10.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = (low + high) / 2.0;
        (normalCdf(mid) < p ? low : high) = mid;
    }
    return (low + high) / 2.0;
}

namespace {

// The chance of working the item out from what the learner knows of its task, expected over what is
// unknown of both the item and the ability: a point ability would forecast a learner known little of too
// far from one half (too high for most, as calibrate showed).
double solveChance(const irt::RaschModel& model, std::size_t modelItem)
{
    const irt::Normal& ability = model.task(model.taskOf(modelItem)).ability;
    const irt::Normal difficulty = model.difficulty(modelItem);
    return irt::expectedLogistic(ability.mean - difficulty.mean, difficulty.variance + ability.variance);
}

std::vector<StudyHourGain> studyHourGains(const irt::RaschModel& model, const ReadinessInput& input,
    const ReadinessConfig& config, double raw, int scaled)
{
    const auto itemsPerHour = static_cast<std::size_t>(std::max(1.0, 3600.0 / config.secondsPerStudiedItem));
    std::vector<std::vector<double>> gains(static_cast<std::size_t>(model.taskCount()));
    for (const auto& item : input.items) {
        const int task = model.taskOf(item.modelItem);
        const double solve = solveChance(model, item.modelItem);
        const double recall = item.recall.value_or(0.0);
        const double studied = std::max(recall, input.recallAfterStudy);
        gains[static_cast<std::size_t>(task)].push_back(item.share * (studied - recall) * (1.0 - solve));
    }
    std::vector<StudyHourGain> result;
    for (std::size_t t = 0; t < gains.size(); ++t) {
        auto& taskGains = gains[t];
        const std::size_t reached = std::min(itemsPerHour, taskGains.size());
        std::partial_sort(taskGains.begin(), taskGains.begin() + static_cast<std::ptrdiff_t>(reached),
            taskGains.end(), std::greater<>());
        StudyHourGain gain;
        gain.taskId = t < input.taskIds.size() ? input.taskIds[t] : std::to_string(t);
        gain.items = static_cast<int>(reached);
        for (std::size_t i = 0; i < reached; ++i) {
            gain.raw += taskGains[i];
        }
        gain.points = scaledScoreEstimate(std::min(1.0, raw + gain.raw), input.exam) - scaled;
        if (gain.raw > 0.0) {
            result.push_back(gain);
        }
    }
    std::stable_sort(
        result.begin(), result.end(), [](const auto& a, const auto& b) { return a.raw > b.raw; });
    return result;
}

} // namespace

Readiness forecastReadiness(
    const irt::RaschModel& model, const ReadinessInput& input, const ReadinessConfig& config)
{
    Readiness readiness;
    readiness.interval = config.interval;
    readiness.answers = input.answers;
    const std::size_t domainCount = input.domains.size();
    std::vector<double> domainShare(domainCount, 0.0);
    std::vector<double> domainExpected(domainCount, 0.0);
    std::vector<double> abilitySlope(static_cast<std::size_t>(model.taskCount()), 0.0);
    readiness.domains.resize(domainCount);
    double memorySlope = 0.0;
    for (const auto& item : input.items) {
        const int task = model.taskOf(item.modelItem);
        // Remembering it from before, else working it out.
        const double solve = solveChance(model, item.modelItem);
        const double recall = item.recall.value_or(0.0);
        const double right = recall + (1.0 - recall) * solve;
        readiness.raw += item.share * right;
        domainShare[item.domain] += item.share;
        domainExpected[item.domain] += item.share * right;
        abilitySlope[static_cast<std::size_t>(task)] += item.share * (1.0 - recall) * solve * (1.0 - solve);
        memorySlope += item.share * (1.0 - solve) * (item.recallStronger - item.recallWeaker) / 2.0;
        DomainForecast& domain = readiness.domains[item.domain];
        ++domain.items;
        if (item.recall) {
            ++domain.itemsSeen;
            readiness.seenShare += item.share;
            readiness.seenExpected += item.share * right;
        }
        if (model.attempted(item.modelItem)) {
            ++domain.firstAttempts;
        }
    }

    readiness.unseenExpected = readiness.raw - readiness.seenExpected;
    readiness.seenExpected = readiness.seenShare > 0.0 ? readiness.seenExpected / readiness.seenShare : 0.0;
    readiness.unseenExpected
        = readiness.seenShare < 1.0 - 1e-9 ? readiness.unseenExpected / (1.0 - readiness.seenShare) : 0.0;

    // Ability: each task's own uncertainty, plus the part every task shares (the learner level), added
    // as fully correlated.
    double abilityVariance = 0.0;
    double sharedSpread = 0.0;
    for (int t = 0; t < model.taskCount(); ++t) {
        const irt::TaskAbility& task = model.task(t);
        const double slope = abilitySlope[static_cast<std::size_t>(t)];
        abilityVariance += slope * slope * task.ownVariance;
        sharedSpread += slope * std::sqrt(task.sharedVariance);
    }
    abilityVariance = config.abilityVarianceScale * (abilityVariance + sharedSpread * sharedSpread);
    // The draw of a finite test: each domain's items are a sample of its bank.
    double testVariance = 0.0;
    for (std::size_t d = 0; d < domainCount; ++d) {
        DomainForecast& domain = readiness.domains[d];
        domain.id = input.domains[d].id;
        domain.title = input.domains[d].title;
        domain.share = domainShare[d];
        if (domainShare[d] > 0.0) {
            domain.expected = domainExpected[d] / domainShare[d];
            testVariance += domainShare[d] * domain.expected * (1.0 - domain.expected) / config.questions;
        }
    }
    const double variance = abilityVariance + memorySlope * memorySlope + testVariance
        + config.modelSpread * config.modelSpread;
    const double sd = std::sqrt(variance);
    const double z = normalQuantile(0.5 + config.interval / 2.0);
    readiness.rawSpread = sd;
    readiness.rawLow = std::clamp(readiness.raw - z * sd, 0.0, 1.0);
    readiness.rawHigh = std::clamp(readiness.raw + z * sd, 0.0, 1.0);
    readiness.scaled = scaledScoreEstimate(readiness.raw, input.exam);
    readiness.scaledLow = scaledScoreEstimate(readiness.rawLow, input.exam);
    readiness.scaledHigh = scaledScoreEstimate(readiness.rawHigh, input.exam);
    readiness.hourGains = studyHourGains(model, input, config, readiness.raw, readiness.scaled);
    readiness.passProbability = sd > 0.0 ? normalCdf((readiness.raw - config.passFraction) / sd)
                                         : (readiness.raw >= config.passFraction ? 1.0 : 0.0);

    if (input.answers < config.minAnswers) {
        readiness.reason = "answer at least " + std::to_string(config.minAnswers)
            + " cards or questions first (" + std::to_string(input.answers) + " so far)";
        return readiness;
    }
    for (const auto& domain : readiness.domains) {
        // A small bank cannot give more first attempts than it has items.
        if (domain.share > 0.0
            && domain.firstAttempts < std::min(config.minDomainFirstAttempts, domain.items)) {
            readiness.reason
                = "answer some questions of domain " + domain.id + " (" + domain.title + ") first";
            return readiness;
        }
    }
    readiness.enoughData = true;
    return readiness;
}

} // namespace mlaprep::analytics
