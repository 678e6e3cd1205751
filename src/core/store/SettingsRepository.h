#pragma once

#include "common/Clock.h"
#include "store/KeptStatement.h"

#include <optional>
#include <string>
#include <string_view>

namespace mlaprep {

class Database;

// The settings table: one text value per key. The read is prepared once and kept, so a repository held
// by a service makes a per-item check (the exam date on the review queue) cheap.
class SettingsRepository {
public:
    explicit SettingsRepository(Database& database)
        : m_database(database)
        , m_get(database, "SELECT value FROM settings WHERE key = ?1")
    {
    }

    std::optional<std::string> get(std::string_view key);
    // A setting that syncs (isSyncedSetting) is also recorded as a setting event changed at `changedAt`,
    // for last-writer-wins between devices; without a time the event is stamped just after the newest
    // event stored.
    void set(std::string_view key, std::string_view value, Instant changedAt = {});
    // Writes the row only: the winner of a merge, whose event is stored already.
    void applyMerged(std::string_view key, std::string_view value);

private:
    Database& m_database;
    KeptStatement m_get;
};

} // namespace mlaprep
