#pragma once

#include "analytics/Mastery.h"

namespace mlaprep::analytics {

struct ReadinessConfig {
    // Width of the range: 0.8 is an 80 % interval.
    double interval = 0.8;
    // Below these there is not enough data for an estimate worth showing.
    int minAnswers = 30;
    double minDomainEvidence = 3.0;
};

// The predicted result of a mock exam taken today (docs/readiness.md). Always an estimate: the expected
// raw fraction over the blueprint weights, and a range from the uncertainty of each task's mastery.
// It says nothing about the luck of one exam's draw, which adds its own spread on top.
struct Readiness {
    bool enoughData = false;
    // Why not, in words for the learner, when enoughData is false.
    std::string reason;
    double raw = 0.0; // expected fraction right
    double rawLow = 0.0;
    double rawHigh = 0.0;
    int scaled = 0; // the scaled-score estimate (100–1000, pass 720) of raw, rawLow and rawHigh
    int scaledLow = 0;
    int scaledHigh = 0;
    // Probability that the expected fraction reaches the pass mark, under the same normal model.
    double passProbability = 0.0;
};

Readiness estimateReadiness(const MasteryReport& mastery, const ReadinessConfig& config = {});

} // namespace mlaprep::analytics
