#include "srs/QueuePolicy.h"

#include <algorithm>
#include <map>

namespace mlaprep::srs {

int remainingToday(int limit, int doneToday, int available)
{
    return std::max(0, std::min(limit - doneToday, available));
}

std::optional<Queue> pickQueue(const QueueSituation& situation)
{
    if (situation.learningDueNow) {
        return Queue::Learning;
    }
    if (situation.newLeft > 0 && situation.reviewLeft > 0) {
        // Compare the fractions done of today's new and review plans without dividing.
        const long long newPlanned = situation.newDoneToday + situation.newLeft;
        const long long reviewPlanned = situation.reviewsDoneToday + situation.reviewLeft;
        const bool newBehind = static_cast<long long>(situation.newDoneToday) * reviewPlanned
            <= static_cast<long long>(situation.reviewsDoneToday) * newPlanned;
        return newBehind ? Queue::New : Queue::Review;
    }
    if (situation.reviewLeft > 0) {
        return Queue::Review;
    }
    if (situation.newLeft > 0) {
        return Queue::New;
    }
    if (situation.learningDueSoon) {
        return Queue::Learning;
    }
    return std::nullopt;
}

QueueCounts countQueue(const QueueCandidates& candidates, const QueueLimits& limits)
{
    QueueCounts counts;
    counts.learningLeft = static_cast<int>(candidates.learning.size());
    counts.newLeft
        = remainingToday(limits.newPerDay, limits.newDoneToday, static_cast<int>(candidates.newItems.size()));
    counts.reviewLeft = remainingToday(
        limits.reviewsPerDay, limits.reviewsDoneToday, static_cast<int>(candidates.reviews.size()));
    return counts;
}

std::optional<std::string> nextInQueue(
    const QueueCandidates& candidates, const QueueLimits& limits, Instant now)
{
    const QueueCounts counts = countQueue(candidates, limits);
    QueueSituation situation;
    if (!candidates.learning.empty()) {
        const Instant due = candidates.learning.front().due;
        situation.learningDueNow = due <= now;
        situation.learningDueSoon = due <= now + limits.learnAhead;
    }
    situation.newLeft = counts.newLeft;
    situation.reviewLeft = counts.reviewLeft;
    situation.newDoneToday = limits.newDoneToday;
    situation.reviewsDoneToday = limits.reviewsDoneToday;
    const auto queue = pickQueue(situation);
    if (!queue) {
        return std::nullopt;
    }
    switch (*queue) {
    case Queue::Learning:
        return candidates.learning.front().itemId;
    case Queue::Review:
        return candidates.reviews.front().itemId;
    case Queue::New:
        return candidates.newItems.front().itemId;
    }
    return std::nullopt;
}

std::vector<TaskWeakness> rankWeakTasks(const std::vector<WeakAreaCandidate>& candidates)
{
    struct Sum {
        double share = 0.0;
        double recall = 0.0;
        int count = 0;
    };
    std::map<std::string, Sum> sums;
    for (const auto& candidate : candidates) {
        Sum& sum = sums[candidate.taskId];
        sum.share = candidate.domainShare;
        sum.recall += candidate.recall.value_or(UnseenRecall);
        ++sum.count;
    }
    std::vector<TaskWeakness> tasks;
    for (const auto& [taskId, sum] : sums) {
        const double mean = sum.recall / sum.count;
        tasks.push_back(TaskWeakness { taskId, sum.share, mean, sum.share * (1.0 - mean) });
    }
    std::stable_sort(tasks.begin(), tasks.end(),
        [](const TaskWeakness& a, const TaskWeakness& b) { return a.weight > b.weight; });
    return tasks;
}

std::vector<std::string> weakAreaSession(const std::vector<WeakAreaCandidate>& candidates, int size)
{
    const std::vector<TaskWeakness> tasks = rankWeakTasks(candidates);
    std::map<std::string, std::vector<const WeakAreaCandidate*>> byTask;
    for (const auto& candidate : candidates) {
        byTask[candidate.taskId].push_back(&candidate);
    }
    for (auto& [taskId, items] : byTask) {
        // Seen items by lowest recall first, then unseen ones in bundle order.
        std::stable_sort(
            items.begin(), items.end(), [](const WeakAreaCandidate* a, const WeakAreaCandidate* b) {
                if (a->recall.has_value() != b->recall.has_value()) {
                    return a->recall.has_value();
                }
                return a->recall.has_value() && *a->recall < *b->recall;
            });
    }
    std::map<std::string, std::size_t> taken;
    std::vector<std::string> session;
    while (static_cast<int>(session.size()) < size) {
        const TaskWeakness* best = nullptr;
        double bestQuotient = 0.0;
        for (const auto& task : tasks) {
            const std::size_t used = taken[task.taskId];
            if (task.weight <= 0.0 || used >= byTask[task.taskId].size()) {
                continue;
            }
            const double quotient = task.weight / static_cast<double>(used + 1);
            if (!best || quotient > bestQuotient) {
                best = &task;
                bestQuotient = quotient;
            }
        }
        if (!best) {
            break;
        }
        session.push_back(byTask[best->taskId][taken[best->taskId]++]->itemId);
    }
    return session;
}

} // namespace mlaprep::srs
