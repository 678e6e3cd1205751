#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {
struct Bundle;
} // namespace mlaprep

namespace mlaprep::analytics {

// One answer on a card or scored item: right or not.
struct ItemOutcome {
    std::string itemId;
    bool correct = false;
};

struct BulletAccuracy {
    std::string bulletId;
    std::string text;
    int answers = 0;
    int correct = 0;

    double percent() const { return answers > 0 ? 100.0 * correct / answers : 0.0; }
};

// The task statement answered worst and how each of its exam-guide bullets went.
struct WeakTaskBullets {
    std::string taskId;
    std::string taskTitle;
    int answers = 0;
    int correct = 0;
    std::vector<BulletAccuracy> bullets; // the task's bullets in manifest order, unanswered ones included
};

// The task whose items have the lowest share of right answers in `outcomes` (ties by manifest order;
// tasks without answers and items bound to no task are left out), with the accuracy on each of its
// bullets: an answer counts for every bullet its item cites, whichever task the item belongs to. Empty
// when no outcome is on an item of a task.
std::optional<WeakTaskBullets> weakestTaskBullets(
    const Bundle& bundle, const std::vector<ItemOutcome>& outcomes);

} // namespace mlaprep::analytics
