#pragma once

#include "srs/ItemKind.h"

#include <string>
#include <vector>

namespace mlaprep {
struct Bundle;
} // namespace mlaprep

namespace mlaprep::srs {

// One schedulable item of the bundle: a card or a scored question (a case study's children are
// scheduled one by one; the case parent is not an item).
struct StudyItem {
    std::string id;
    ItemKind kind = ItemKind::Card;
    std::string taskId;
    // The exam weight of the item's domain (0.28 for 28%), for weak-area sessions.
    double domainShare = 0.0;
    std::string domainId;
    // The item's content revision: when it differs from the one the learner's state was built on, the
    // item is relearned.
    int revision = 1;
};

// The bundle's items in the order new items are introduced: the exam orientation's cards first, then task
// by task, cards of a task before its questions, so a learner meets the facts before being tested on them.
std::vector<StudyItem> studyItemsOf(const Bundle& bundle);

} // namespace mlaprep::srs
