#include "content/Bundle.h"

#include <algorithm>

namespace mlaprep {

bool Note::hasHeading(const std::string& slug) const
{
    return std::any_of(headings.begin(), headings.end(), [&](const Heading& h) { return h.slug == slug; });
}

const Task* Bundle::findTask(const std::string& taskId) const
{
    for (const auto& domain : domains) {
        for (const auto& task : domain.tasks) {
            if (task.id == taskId) {
                return &task;
            }
        }
    }
    return nullptr;
}

const Domain* Bundle::findDomain(const std::string& domainId) const
{
    auto it = std::find_if(domains.begin(), domains.end(), [&](const Domain& d) { return d.id == domainId; });
    return it == domains.end() ? nullptr : &*it;
}

const Domain* Bundle::domainOfTask(const std::string& taskId) const
{
    const Task* task = findTask(taskId);
    return task ? findDomain(task->domainId) : nullptr;
}

const Note* Bundle::findNote(const std::string& noteId) const
{
    auto it = std::find_if(notes.begin(), notes.end(), [&](const Note& n) { return n.id == noteId; });
    return it == notes.end() ? nullptr : &*it;
}

std::vector<const Note*> Bundle::notesOfTask(const std::string& taskId) const
{
    std::vector<const Note*> result;
    for (const auto& note : notes) {
        if (note.task == taskId) {
            result.push_back(&note);
        }
    }
    return result;
}

const Bullet* Bundle::findBullet(const std::string& bulletId) const
{
    for (const Bullet* bullet : bullets()) {
        if (bullet->id == bulletId) {
            return bullet;
        }
    }
    return nullptr;
}

std::vector<const Bullet*> Bundle::bullets() const
{
    std::vector<const Bullet*> result;
    for (const auto& domain : domains) {
        for (const auto& task : domain.tasks) {
            for (const auto* list : { &task.knowledge, &task.skills }) {
                for (const auto& bullet : *list) {
                    result.push_back(&bullet);
                }
            }
        }
    }
    return result;
}

std::vector<ScoredItem> Bundle::scoredItemsWithCases() const
{
    std::vector<ScoredItem> result;
    for (const auto& question : questions) {
        if (question.isCase()) {
            for (const auto& child : question.items) {
                result.push_back(ScoredItem { &child, &question });
            }
        } else {
            result.push_back(ScoredItem { &question, nullptr });
        }
    }
    return result;
}

std::vector<const Question*> Bundle::scoredItems() const
{
    std::vector<const Question*> result;
    for (const ScoredItem& scored : scoredItemsWithCases()) {
        result.push_back(scored.item);
    }
    return result;
}

BundleCounts countBundle(const Bundle& bundle)
{
    BundleCounts counts;
    counts.notes = static_cast<int>(bundle.notes.size());
    counts.cards = static_cast<int>(bundle.cards.size());
    counts.questions = static_cast<int>(bundle.questions.size());
    for (const auto& domain : bundle.domains) {
        counts.byDomain[domain.id] = 0;
        for (const auto& task : domain.tasks) {
            counts.byTask[task.id] = 0;
        }
    }
    for (const auto& question : bundle.questions) {
        counts.byType[toString(question.type)] += 1;
    }
    for (const Question* item : bundle.scoredItems()) {
        counts.scoredItems += 1;
        counts.byTask[item->task] += 1;
        if (const Domain* domain = bundle.domainOfTask(item->task)) {
            counts.byDomain[domain->id] += 1;
        }
    }
    return counts;
}

} // namespace mlaprep
