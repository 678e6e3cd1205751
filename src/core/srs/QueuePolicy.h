#pragma once

#include "common/Clock.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep::srs {

enum class Queue { Learning, Review, New };

// What is left today in each queue, after the daily limits.
struct QueueCounts {
    int newLeft = 0;
    int learningLeft = 0;
    int reviewLeft = 0;

    int total() const { return newLeft + learningLeft + reviewLeft; }
    bool operator==(const QueueCounts&) const = default;
};

// The inputs of the next-queue decision, read from the store by the caller.
struct QueueSituation {
    bool learningDueNow = false;
    // A learning item falls due within the learn-ahead window.
    bool learningDueSoon = false;
    int newLeft = 0;
    int reviewLeft = 0;
    int newDoneToday = 0;
    int reviewsDoneToday = 0;
};

// Items left in a queue today: what is available, cut to what the daily limit still allows.
int remainingToday(int limit, int doneToday, int available);

// Which queue the next item comes from: learning items that are due first (their steps are minutes),
// then reviews and new items mixed so that new items are spread evenly through the day's reviews
// (the new share done so far never runs ahead of the review share), then learning items due soon.
// Empty when nothing is left today.
std::optional<Queue> pickQueue(const QueueSituation& situation);

// An item a queue may show, and when it falls due.
struct QueueCandidate {
    std::string itemId;
    Instant due;
};

// Today's candidates, read by the caller with items no longer in the bundle left out. Counts and the
// next item are both computed from these lists, so every item counted is one that can be shown.
struct QueueCandidates {
    // Learning and relearning items due before the end of the study day, in due order.
    std::vector<QueueCandidate> learning;
    // Reviews still to do today, in the order they are shown.
    std::vector<QueueCandidate> reviews;
    // New items in the order they are introduced.
    std::vector<QueueCandidate> newItems;
};

// The daily limits, what the Review screen has done against them today, and the learn-ahead window.
struct QueueLimits {
    int newPerDay = 0;
    int reviewsPerDay = 0;
    int newDoneToday = 0;
    int reviewsDoneToday = 0;
    // SchedulerConfig::learnAhead: a learning item due this soon is shown when nothing else is left.
    std::chrono::milliseconds learnAhead { 0 };

    // How many more new items and reviews the limits let the caller read (beyond that, reading more
    // candidates changes nothing).
    int newRoom() const { return remainingToday(newPerDay, newDoneToday, newPerDay); }
    int reviewRoom() const { return remainingToday(reviewsPerDay, reviewsDoneToday, reviewsPerDay); }
};

// What is left today: every learning candidate, the new and review candidates cut to the limits.
QueueCounts countQueue(const QueueCandidates& candidates, const QueueLimits& limits);

// The item to show at `now` (pickQueue over the candidates), or empty when nothing is left today.
std::optional<std::string> nextInQueue(
    const QueueCandidates& candidates, const QueueLimits& limits, Instant now);

// One candidate for a weak-area session: an item, its task, the share of its domain on the exam and
// its current probability of recall (empty when never reviewed).
struct WeakAreaCandidate {
    std::string itemId;
    std::string taskId;
    double domainShare = 0.0;
    std::optional<double> recall;
};

struct TaskWeakness {
    std::string taskId;
    double domainShare = 0.0;
    // Mean recall over the task's items, an unseen item counting as UnseenRecall.
    double meanRecall = 0.0;
    // domainShare × (1 − meanRecall): how much studying this task is worth on the exam.
    double weight = 0.0;
};

// An unseen item is as likely known as not: it makes a task weaker than one that is well learned but
// not weaker than one that is being forgotten.
inline constexpr double UnseenRecall = 0.5;

// Tasks by weight, weakest first (ties by task id, so the order is stable).
std::vector<TaskWeakness> rankWeakTasks(const std::vector<WeakAreaCandidate>& candidates);

// Up to `size` item ids for a weak-area session: seats are given to tasks in proportion to their
// weight (highest averages method, so a task's share never exceeds its weight by more than one item),
// and within a task the items with the lowest recall come first, then unseen items in the given order.
std::vector<std::string> weakAreaSession(const std::vector<WeakAreaCandidate>& candidates, int size);

} // namespace mlaprep::srs
