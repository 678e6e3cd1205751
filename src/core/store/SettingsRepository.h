#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mlaprep {

class Database;

// The settings table: one text value per key.
class SettingsRepository {
public:
    explicit SettingsRepository(Database& database)
        : m_database(database)
    {
    }

    std::optional<std::string> get(std::string_view key);
    void set(std::string_view key, std::string_view value);

private:
    Database& m_database;
};

} // namespace mlaprep
