#include "analytics/BulletAccuracy.h"

#include "content/Bundle.h"

#include <map>
#include <unordered_map>

namespace mlaprep::analytics {

namespace {

struct CitingItem {
    const std::string* taskId = nullptr;
    const std::vector<std::string>* bullets = nullptr;
};

} // namespace

std::optional<WeakTaskBullets> weakestTaskBullets(
    const Bundle& bundle, const std::vector<ItemOutcome>& outcomes)
{
    std::unordered_map<std::string, CitingItem> items;
    for (const auto& card : bundle.cards) {
        items.emplace(card.id, CitingItem { &card.task, &card.bullets });
    }
    for (const Question* question : bundle.scoredItems()) {
        items.emplace(question->id, CitingItem { &question->task, &question->bullets });
    }
    struct Tally {
        int answers = 0;
        int correct = 0;
    };
    std::map<std::string, Tally> byTask;
    std::map<std::string, Tally> byBullet;
    for (const auto& outcome : outcomes) {
        const auto found = items.find(outcome.itemId);
        if (found == items.end()) {
            continue;
        }
        if (!found->second.taskId->empty()) {
            Tally& task = byTask[*found->second.taskId];
            task.answers += 1;
            task.correct += outcome.correct ? 1 : 0;
        }
        for (const auto& bulletId : *found->second.bullets) {
            Tally& bullet = byBullet[bulletId];
            bullet.answers += 1;
            bullet.correct += outcome.correct ? 1 : 0;
        }
    }
    const Task* weakest = nullptr;
    Tally weakestTally;
    for (const auto& domain : bundle.domains) {
        for (const auto& task : domain.tasks) {
            const auto found = byTask.find(task.id);
            if (found == byTask.end()) {
                continue;
            }
            const Tally& tally = found->second;
            // a/b < c/d without rounding: a·d < c·b.
            if (!weakest
                || static_cast<long long>(tally.correct) * weakestTally.answers
                    < static_cast<long long>(weakestTally.correct) * tally.answers) {
                weakest = &task;
                weakestTally = tally;
            }
        }
    }
    if (!weakest) {
        return std::nullopt;
    }
    WeakTaskBullets result { weakest->id, weakest->title, weakestTally.answers, weakestTally.correct, {} };
    for (const auto* list : { &weakest->knowledge, &weakest->skills }) {
        for (const auto& bullet : *list) {
            const Tally tally = byBullet.count(bullet.id) ? byBullet.at(bullet.id) : Tally {};
            result.bullets.push_back(BulletAccuracy { bullet.id, bullet.text, tally.answers, tally.correct });
        }
    }
    return result;
}

} // namespace mlaprep::analytics
