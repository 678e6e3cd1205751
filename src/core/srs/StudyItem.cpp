#include "srs/StudyItem.h"

#include "content/Bundle.h"

#include <algorithm>
#include <map>
#include <set>

namespace mlaprep::srs {

std::vector<StudyItem> studyItemsOf(const Bundle& bundle)
{
    std::map<std::string, int> taskOrder;
    for (const auto& domain : bundle.domains) {
        for (const auto& task : domain.tasks) {
            taskOrder.emplace(task.id, static_cast<int>(taskOrder.size()));
        }
    }
    auto shareOf = [&](const std::string& taskId) {
        const Domain* domain = bundle.domainOfTask(taskId);
        return domain ? domain->weight : 0.0;
    };
    auto domainOf = [&](const std::string& taskId) {
        const Domain* domain = bundle.domainOfTask(taskId);
        return domain ? domain->id : std::string();
    };
    std::vector<StudyItem> items;
    for (const auto& card : bundle.cards) {
        items.push_back(StudyItem {
            card.id, ItemKind::Card, card.task, shareOf(card.task), domainOf(card.task), card.revision });
    }
    for (const Question* question : bundle.scoredItems()) {
        items.push_back(StudyItem { question->id, ItemKind::Question, question->task, shareOf(question->task),
            domainOf(question->task), question->revision });
    }
    // The orientation cards (about the exam itself) are met first; then task by task.
    std::set<std::string> orientation;
    for (const auto& card : bundle.cards) {
        if (card.isOrientation()) {
            orientation.insert(card.id);
        }
    }
    const int lastTask = static_cast<int>(taskOrder.size());
    const auto orderOf = [&](const StudyItem& item) {
        if (orientation.count(item.id)) {
            return -1;
        }
        const auto found = taskOrder.find(item.taskId);
        return found == taskOrder.end() ? lastTask : found->second;
    };
    std::stable_sort(items.begin(), items.end(), [&](const StudyItem& a, const StudyItem& b) {
        const int taskA = orderOf(a);
        const int taskB = orderOf(b);
        if (taskA != taskB) {
            return taskA < taskB;
        }
        return a.kind == ItemKind::Card && b.kind == ItemKind::Question;
    });
    return items;
}

} // namespace mlaprep::srs
