#pragma once

#include "store/KeptStatement.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;

// One row of item_states, in storage terms (services/ converts to srs::ItemState).
struct ItemStateRow {
    std::string itemId;
    std::string kind;
    int phase = 0;
    int step = 0;
    std::optional<double> stability;
    std::optional<double> difficulty;
    std::int64_t dueMs = 0;
    std::optional<std::int64_t> lastReviewMs;
    int reps = 0;
    int lapses = 0;
};

// item_states. Statements are prepared once and kept, because the review screen reads the queue on
// every item shown; keep one repository per connection for as long as it is used.
class ItemStateRepository {
public:
    explicit ItemStateRepository(Database& database);

    std::optional<ItemStateRow> find(std::string_view itemId);
    void save(const ItemStateRow& row);
    // Adds a New row unless the item has one; `position` orders new items.
    void insertNewIfMissing(std::string_view itemId, std::string_view kind, std::int64_t position);
    // Sends a studied item back to the first relearning step, due at `dueMs`, keeping its memory state,
    // reps and lapses; a New item stays New. Returns whether the item had been studied.
    bool relearn(std::string_view itemId, std::int64_t dueMs);

    // Up to `cap` items of `phase` due before `beforeMs`, in due order (new items are due at their
    // position), that `accept` takes. The caller leaves out items no longer in the bundle this way and
    // counts the same list it shows from; the cap keeps reading a large overdue backlog cheap.
    struct Due {
        std::string itemId;
        std::int64_t dueMs = 0;
    };
    std::vector<Due> due(
        int phase, std::int64_t beforeMs, int cap, const std::function<bool(const std::string&)>& accept);

    // The earliest instant an item in `phase` is due and back in the queues (a buried item at the end
    // of its bury, a suspended one never), if any.
    std::optional<std::int64_t> earliestDue(int phase);

    std::vector<ItemStateRow> all();

private:
    Database& m_database;
    KeptStatement m_find;
    KeptStatement m_save;
    KeptStatement m_insertNew;
    KeptStatement m_due;
    KeptStatement m_earliestDue;
};

} // namespace mlaprep
