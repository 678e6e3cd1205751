#include "store/SettingsRepository.h"

#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/Statement.h"

namespace mlaprep {

std::optional<std::string> SettingsRepository::get(std::string_view key)
{
    Statement& statement = m_get.get();
    ResetOnExit reset(statement);
    statement.bind(1, key);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnText(0);
}

void SettingsRepository::set(std::string_view key, std::string_view value, Instant changedAt)
{
    if (isSyncedSetting(key)) {
        EventRepository(m_database)
            .recordLocal(sync::EventKind::Setting, key, sync::Payload().set("value", value), changedAt);
    }
    applyMerged(key, value);
}

void SettingsRepository::applyMerged(std::string_view key, std::string_view value)
{
    m_database.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")
        .bind(1, key)
        .bind(2, value)
        .run();
}

} // namespace mlaprep
