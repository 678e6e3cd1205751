#include "analytics/Readiness.h"

#include "exam/ScaledScore.h"

#include <algorithm>
#include <cmath>

namespace mlaprep::analytics {

namespace {

// The standard normal quantile, by bisection on erfc (only called with a handful of probabilities).
double normalQuantile(double p)
{
    double low = -10.0;
    double high = 10.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = (low + high) / 2.0;
        const double cdf = 0.5 * std::erfc(-mid / std::sqrt(2.0));
        (cdf < p ? low : high) = mid;
    }
    return (low + high) / 2.0;
}

} // namespace

Readiness estimateReadiness(const MasteryReport& mastery, const ReadinessConfig& config)
{
    Readiness readiness;
    double totalWeight = 0.0;
    for (const auto& domain : mastery.domains) {
        totalWeight += domain.weight;
    }
    if (totalWeight <= 0.0) {
        readiness.reason = "the bundle has no weighted domains";
        return readiness;
    }
    double mean = 0.0;
    double variance = 0.0;
    for (const auto& domain : mastery.domains) {
        const double share = domain.weight / totalWeight;
        mean += share * domain.estimate.mean;
        variance += share * share * domain.estimate.variance;
    }
    const double z = normalQuantile(0.5 + config.interval / 2.0);
    const double sd = std::sqrt(variance);
    readiness.raw = mean;
    readiness.rawLow = std::clamp(mean - z * sd, 0.0, 1.0);
    readiness.rawHigh = std::clamp(mean + z * sd, 0.0, 1.0);
    readiness.scaled = scaledScoreEstimate(readiness.raw);
    readiness.scaledLow = scaledScoreEstimate(readiness.rawLow);
    readiness.scaledHigh = scaledScoreEstimate(readiness.rawHigh);
    readiness.passProbability = sd > 0.0
        ? 0.5 * std::erfc(-(mean - PassingRawFraction) / (sd * std::sqrt(2.0)))
        : (mean >= PassingRawFraction ? 1.0 : 0.0);

    if (mastery.answers < config.minAnswers) {
        readiness.reason = "answer at least " + std::to_string(config.minAnswers)
            + " cards or questions first (" + std::to_string(mastery.answers) + " so far)";
        return readiness;
    }
    // A domain the bundle has no items for cannot be studied, so it cannot hold the estimate back.
    const bool itemsKnown = std::any_of(mastery.domains.begin(), mastery.domains.end(),
        [](const DomainMastery& domain) { return domain.items > 0; });
    for (const auto& domain : mastery.domains) {
        const bool studiable = !itemsKnown || domain.items > 0;
        if (domain.weight > 0.0 && studiable && domain.estimate.evidence < config.minDomainEvidence) {
            readiness.reason = "study some of domain " + domain.domainId + " (" + domain.title + ") first";
            return readiness;
        }
    }
    readiness.enoughData = true;
    return readiness;
}

} // namespace mlaprep::analytics
