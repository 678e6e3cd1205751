#pragma once

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
    void set(std::string_view key, std::string_view value);

private:
    Database& m_database;
    KeptStatement m_get;
};

} // namespace mlaprep
