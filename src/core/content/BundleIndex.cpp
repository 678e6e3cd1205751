#include "content/BundleIndex.h"

namespace mlaprep {

namespace {

// "note-id#slug" → ("note-id", "slug").
std::pair<std::string, std::string> splitReference(const std::string& reference)
{
    const auto hash = reference.find('#');
    return { reference.substr(0, hash),
        hash == std::string::npos ? std::string() : reference.substr(hash + 1) };
}

template <typename List>
const List& listOrEmpty(const std::map<std::string, List, std::less<>>& map, const std::string& key)
{
    static const List empty;
    const auto found = map.find(key);
    return found == map.end() ? empty : found->second;
}

} // namespace

BundleIndex::BundleIndex(const Bundle& bundle)
    : m_scoredItems(bundle.scoredItems())
{
    for (const auto& question : bundle.questions) {
        m_questions.emplace(question.id, IndexedQuestion { &question, nullptr });
        for (const auto& child : question.items) {
            m_questions.emplace(child.id, IndexedQuestion { &child, &question });
        }
    }
    for (const Question* item : m_scoredItems) {
        m_itemsByTask[item->task].push_back(item);
    }
    for (const auto& card : bundle.cards) {
        m_cards.emplace(card.id, &card);
        m_cardsByTask[card.task].push_back(&card);
    }
    for (const auto& note : bundle.notes) {
        m_notes.emplace(note.id, &note);
    }
    for (const auto& card : bundle.cards) {
        if (!card.note.empty()) {
            auto [noteId, slug] = splitReference(card.note);
            m_citations[noteId].push_back(Citation { &card, nullptr, std::move(slug) });
        }
    }
    for (const ScoredItem& scored : bundle.scoredItemsWithCases()) {
        if (!scored.note().empty()) {
            auto [noteId, slug] = splitReference(scored.note());
            m_citations[noteId].push_back(Citation { nullptr, scored.item, std::move(slug) });
        }
    }
}

IndexedQuestion BundleIndex::question(const std::string& id) const
{
    const auto found = m_questions.find(id);
    return found == m_questions.end() ? IndexedQuestion {} : found->second;
}

IndexedQuestion BundleIndex::scoredItem(const std::string& id) const
{
    const IndexedQuestion found = question(id);
    return found.question && found.question->isCase() ? IndexedQuestion {} : found;
}

const Card* BundleIndex::card(const std::string& id) const
{
    const auto found = m_cards.find(id);
    return found == m_cards.end() ? nullptr : found->second;
}

const Note* BundleIndex::note(const std::string& id) const
{
    const auto found = m_notes.find(id);
    return found == m_notes.end() ? nullptr : found->second;
}

NoteAnchor BundleIndex::anchor(const std::string& reference) const
{
    const auto [noteId, slug] = splitReference(reference);
    const Note* target = note(noteId);
    if (!target || slug.empty()) {
        return { target, nullptr };
    }
    for (const auto& heading : target->headings) {
        if (heading.slug == slug) {
            return { target, &heading };
        }
    }
    return {};
}

const std::vector<const Question*>& BundleIndex::scoredItemsOfTask(const std::string& taskId) const
{
    return listOrEmpty(m_itemsByTask, taskId);
}

const std::vector<Citation>& BundleIndex::citationsOf(const std::string& noteId) const
{
    return listOrEmpty(m_citations, noteId);
}

const std::vector<const Card*>& BundleIndex::cardsOfTask(const std::string& taskId) const
{
    return listOrEmpty(m_cardsByTask, taskId);
}

} // namespace mlaprep
