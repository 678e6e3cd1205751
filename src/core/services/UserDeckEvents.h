#pragma once

#include "sync/Event.h"

#include <string>
#include <vector>

namespace mlaprep {

class Database;

// Makes the decks and cards of deck-import and user-card events that arrived from other devices, each
// once: a deck or card already here (by uuid, by item id) is left as it is, so the same events delivered
// twice change nothing, and a card synced here is never taken for a duplicate of one imported here. A card
// joins the new-card queue at the position its event names. Returns the item ids of the cards made, in
// the order of `arrived`.
std::vector<std::string> applyUserDeckEvents(Database& database, const std::vector<sync::Event>& arrived);

} // namespace mlaprep
