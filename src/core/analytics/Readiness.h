#pragma once

#include "content/ExamSpec.h"
#include "irt/Rasch.h"

#include <optional>
#include <string>
#include <vector>

namespace mlaprep::analytics {

// How the forecast turns the model into a predictive range. The defaults are the documented, calibrated
// model (docs/readiness.md, `mlaprep-cli calibrate`); tests change one field at a time.
struct ReadinessConfig {
    // Width of the range: 0.8 is an 80 % interval.
    double interval = 0.8;
    // The length of the mock forecast, and where it passes (fraction of items right).
    int questions = 65;
    double passFraction = 0.70;
    // How uncertain the learner's memory is: stabilities may be this factor (in logs) weaker or stronger
    // than the FSRS parameters say, for every item alike.
    double memorySpread = 0.5;
    // What the model cannot know (a raw-fraction standard deviation added to the range).
    double modelSpread = 0.0;
    // The ability part of the variance adds the tasks' shared uncertainty as fully correlated, an upper
    // bound; `calibrate` (N = 150 seed 2, then N = 500 seed 1) put the 80 % range's coverage at 85 %
    // with it whole and at 79–80 % with this factor, and the Brier score a little lower.
    double abilityVarianceScale = 0.6;
    // Below these there is not enough data for an estimate worth acting on (a range is still given).
    int minAnswers = 30;
    int minDomainFirstAttempts = 3;
    // An hour of study on one task, for Today's "an hour on 2.2 adds about N points": a question answered
    // and its explanations read takes about this long.
    double secondsPerStudiedItem = 90.0;
};

// One scored item of the bank as a fresh mock draws it.
struct ForecastItem {
    std::size_t modelItem = 0; // index in the Rasch model
    std::size_t domain = 0; // index in ReadinessInput::domains
    double share = 0.0; // expected share of the mock (the bank's shares sum to 1)
    // FSRS retrievability on the forecast day, when the item was answered before; and the same with the
    // learner's memory weaker and stronger by ReadinessConfig::memorySpread.
    std::optional<double> recall;
    double recallWeaker = 0.0;
    double recallStronger = 0.0;
};

struct ForecastDomain {
    std::string id;
    std::string title;
};

struct ReadinessInput {
    ExamSpec exam; // the scale the estimate is given on
    std::vector<ForecastDomain> domains;
    std::vector<std::string> taskIds; // by model task index
    // The recall of an item one day after it was first answered right (FSRS, the learner's parameters):
    // what an hour of study leaves for a mock the next day.
    double recallAfterStudy = 0.0;
    std::vector<ForecastItem> items;
    int answers = 0; // every answer up to the forecast, cards included
};

struct DomainForecast {
    std::string id;
    std::string title;
    double expected = 0.0; // expected fraction right on the domain's part of the mock
    double share = 0.0; // the domain's share of the mock
    int items = 0;
    int itemsSeen = 0;
    int firstAttempts = 0;
};

// What an hour of study on one task statement would add to the forecast of a mock the next day: the
// items the hour reaches (those with most to gain first: unseen, then the least remembered) come to be
// remembered as a first right answer is; learning the task better is not counted, so it errs low.
struct StudyHourGain {
    std::string taskId;
    int items = 0;
    double raw = 0.0; // added expected fraction right
    int points = 0; // added scaled points
};

// The predicted result of a fresh full blueprint mock taken on the forecast day (docs/readiness.md):
// the expected fraction right and a predictive range from the ability's uncertainty (wide where little
// of the bank was seen), the memory of the items seen (FSRS) and the draw of a finite test.
struct Readiness {
    bool enoughData = false;
    // Why not, in words for the learner, when enoughData is false.
    std::string reason;
    double raw = 0.0; // expected fraction right
    double rawLow = 0.0;
    double rawHigh = 0.0;
    double rawSpread = 0.0; // predictive standard deviation of the fraction right
    int scaled = 0; // the scaled-score estimate (on ReadinessInput::exam's scale) of raw, rawLow and rawHigh
    int scaledLow = 0;
    int scaledHigh = 0;
    double interval = 0.8;
    // Probability that the mock passes under the same predictive distribution.
    double passProbability = 0.0;
    int answers = 0;
    double seenShare = 0.0; // share of the mock's expected items answered before
    // The expected fraction right on the mock's items answered before, and on the others.
    double seenExpected = 0.0;
    double unseenExpected = 0.0;
    std::vector<DomainForecast> domains;
    // Every task with something to gain, most points first.
    std::vector<StudyHourGain> hourGains;
};

Readiness forecastReadiness(
    const irt::RaschModel& model, const ReadinessInput& input, const ReadinessConfig& config = {});

// The standard normal quantile and distribution function.
double normalQuantile(double p);
double normalCdf(double x);

} // namespace mlaprep::analytics
