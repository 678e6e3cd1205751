#pragma once

#include "store/ItemStateRepository.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace mlaprep {

class Database;

// What keeps an item out of the queues (item_holds).
struct ItemHold {
    bool suspended = false;
    // Buried until this instant (the start of the study day after the bury).
    std::optional<std::int64_t> buriedUntilMs;

    bool operator==(const ItemHold&) const = default;
};

namespace sync {
class Payload;
}

// A hold as its sync event's payload (sync::EventKind::Hold), and back (nothing for a payload this
// version cannot read).
sync::Payload holdPayload(const ItemHold& hold);
std::optional<ItemHold> holdFromPayload(std::string_view payload);

class ItemHoldRepository {
public:
    explicit ItemHoldRepository(Database& database)
        : m_database(database)
    {
    }

    ItemHold find(std::string_view itemId);
    // Saves the item's hold; one that holds nothing removes the row.
    void save(std::string_view itemId, const ItemHold& hold);
    // The items out of the queues at `nowMs`: suspended, or buried until after it.
    std::unordered_set<std::string> heldAt(std::int64_t nowMs);

private:
    Database& m_database;
};

// One suspend, unsuspend, bury or reset done from Review (item_actions), with what it changed.
struct ItemActionRow {
    std::int64_t id = 0;
    std::string itemId;
    std::string action; // suspend, unsuspend, bury, reset
    std::int64_t atMs = 0;
    // The newest review_log id when it was done (0 for none).
    std::int64_t afterLogId = 0;
    ItemHold holdBefore;
    // The item's state before; itemId and kind as in item_states.
    ItemStateRow stateBefore;
};

class ItemActionRepository {
public:
    explicit ItemActionRepository(Database& database)
        : m_database(database)
    {
    }

    std::int64_t append(const ItemActionRow& row);
    // The newest action, if any.
    std::optional<ItemActionRow> last();
    void remove(std::int64_t id);

private:
    Database& m_database;
};

} // namespace mlaprep
