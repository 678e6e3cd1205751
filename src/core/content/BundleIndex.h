#pragma once

#include "content/Bundle.h"

#include <map>
#include <string>
#include <vector>

namespace mlaprep {

// A question found by id: a scored item (a top-level question or a case child) and the case it belongs
// to, or a case parent itself (then caseParent is null and question->isCase()).
struct IndexedQuestion {
    const Question* question = nullptr;
    const Question* caseParent = nullptr;
};

// Where a note reference ("note-id" or "note-id#heading-slug") points.
struct NoteAnchor {
    const Note* note = nullptr;
    const Heading* heading = nullptr; // null for a reference to the whole note
};

// A card or scored item that cites a note, and the heading it points at (empty for the whole note).
struct Citation {
    const Card* card = nullptr;
    const Question* question = nullptr; // a scored item; a case child without a note cites its case's
    std::string slug;
};

// Lookups over one bundle that every screen and service used to rebuild with its own loops. It points
// into the bundle it was built from, so it lives exactly as long as that bundle (see BundleSnapshot).
class BundleIndex {
public:
    explicit BundleIndex(const Bundle& bundle);
    BundleIndex(const BundleIndex&) = delete;
    BundleIndex& operator=(const BundleIndex&) = delete;

    // A scored item or a case parent; an empty result for an unknown id.
    IndexedQuestion question(const std::string& id) const;
    // Only scored items: a case parent's id gives an empty result.
    IndexedQuestion scoredItem(const std::string& id) const;
    const Card* card(const std::string& id) const;
    const Note* note(const std::string& id) const;
    // "note-id" or "note-id#slug"; an empty anchor when the note or the heading does not exist.
    NoteAnchor anchor(const std::string& reference) const;

    // In bundle order; an empty list for a task statement with none.
    const std::vector<const Question*>& scoredItemsOfTask(const std::string& taskId) const;
    const std::vector<const Card*>& cardsOfTask(const std::string& taskId) const;
    const std::vector<const Question*>& scoredItems() const { return m_scoredItems; }
    // Every card and scored item that cites the note, cards first, in bundle order.
    const std::vector<Citation>& citationsOf(const std::string& noteId) const;

private:
    std::map<std::string, IndexedQuestion, std::less<>> m_questions;
    std::map<std::string, const Card*, std::less<>> m_cards;
    std::map<std::string, const Note*, std::less<>> m_notes;
    std::map<std::string, std::vector<const Question*>, std::less<>> m_itemsByTask;
    std::map<std::string, std::vector<const Card*>, std::less<>> m_cardsByTask;
    std::map<std::string, std::vector<Citation>, std::less<>> m_citations;
    std::vector<const Question*> m_scoredItems;
};

} // namespace mlaprep
