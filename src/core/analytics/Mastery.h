#pragma once

// analytics/ turns the learner's history into study advice: mastery per task statement and domain, the
// readiness estimate and the exam-date plan. Pure functions over values (docs/readiness.md); it never
// includes store/ or <sqlite3.h> and reads no clock: callers pass the instant.

#include "common/Clock.h"
#include "srs/ItemKind.h"

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {
struct Bundle;
} // namespace mlaprep

namespace mlaprep::analytics {

// One answer from the history (review screen, practice or exam): right when the rating was not Again.
struct AnswerRecord {
    std::string taskId;
    srs::ItemKind kind = srs::ItemKind::Question;
    bool correct = false;
    Instant at {};
};

// One item's memory now: its FSRS retrievability (empty when never answered).
struct ItemRecall {
    std::string itemId;
    std::string taskId;
    srs::ItemKind kind = srs::ItemKind::Card;
    std::optional<double> recall;
    // FSRS stability in days (0 when never answered): how long the memory lasts, not just how fresh.
    double stabilityDays = 0.0;
};

// How evidence is weighed. The defaults are the documented model; tests change one field at a time.
struct MasteryConfig {
    // An answer's weight halves every this many days, so recent answers weigh more.
    double halfLifeDays = 21.0;
    // A card answer tells less about exam questions than a question answer does.
    double cardAnswerWeight = 0.5;
    // Each reviewed item's retrievability today counts as this much of an answer.
    double recallWeight = 0.5;
    // Beta prior: mean and strength in answers. An unseen task is a coin flip held loosely.
    double priorMean = 0.5;
    double priorStrength = 2.0;
    // How much of the practised level carries over to a task's items not yet met (0: none, 1: all),
    // and the spread (standard deviation) of what is not known about them.
    double transfer = 0.5;
    double unseenSpread = 0.1;
    // A card is "mastered" when its recall is at least the learner's desired retention and its memory
    // lasts at least this long (Anki's "mature"), so one Good rating an hour ago is not mastery.
    double masteredRecall = 0.9;
    double masteredStabilityDays = 21.0;

    static MasteryConfig defaultsForTesting() { return {}; }
};

// A probability of answering right, with its uncertainty (posterior of a Beta model).
struct Estimate {
    double mean = 0.5;
    double variance = 1.0 / 12.0;
    // Weighted answers behind the estimate (0 when only the prior speaks).
    double evidence = 0.0;
};

struct TaskMastery {
    std::string taskId;
    std::string domainId;
    Estimate estimate;
    int answers = 0; // answers in the history, unweighted
    int correct = 0;
    int questionAnswers = 0;
    int questionCorrect = 0;
    int items = 0; // schedulable items of the task
    int itemsSeen = 0; // items answered at least once
    int cards = 0;
    int cardsMastered = 0; // cards with recall ≥ masteredRecall and stability ≥ masteredStabilityDays
    double coverage = 1.0; // itemsSeen / items (1 when the item count is not known)

    bool unseen() const { return answers == 0 && itemsSeen == 0; }
};

struct DomainMastery {
    std::string domainId;
    std::string title;
    double weight = 0.0; // exam share, 0.28 for 28 %
    Estimate estimate; // mean over the domain's tasks
    int answers = 0;
    int itemsSeen = 0;
    int items = 0;
};

struct MasteryReport {
    std::vector<DomainMastery> domains; // manifest order
    std::vector<TaskMastery> tasks; // manifest order
    int answers = 0;

    const TaskMastery* findTask(const std::string& taskId) const;
    // The task worth most on the exam to study: largest weight × (1 − mastery), among the tasks of
    // domains with a weight (ties by manifest order); null when the bundle has no tasks.
    const TaskMastery* weakestTask() const;
};

// Weight of an answer `ageDays` old: 2^(−age / halfLife), 1 for an answer given now or in the future.
double recencyWeight(double ageDays, double halfLifeDays);

// Mastery per task statement and domain from the answer history and today's recall of each item.
// A domain's estimate is the mean of its tasks' (each task counts alike, as the exam guide lists them).
MasteryReport computeMastery(const Bundle& bundle, const std::vector<AnswerRecord>& answers,
    const std::vector<ItemRecall>& recalls, Instant now, const MasteryConfig& config = {});

} // namespace mlaprep::analytics
