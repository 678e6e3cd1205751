#include "store/UserDeckRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

namespace {

void bindOptional(Statement& statement, int index, const std::optional<std::string>& value)
{
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bindNull(index);
    }
}

std::optional<std::string> optionalText(const Statement& statement, int column)
{
    return statement.columnIsNull(column) ? std::nullopt : std::optional(statement.columnText(column));
}

} // namespace

std::int64_t UserDeckRepository::addDeck(const UserDeckRow& deck)
{
    auto statement = m_database.prepare(
        "INSERT INTO user_decks (name, source_file, format, task, imported_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    statement.bind(1, deck.name).bind(2, deck.sourceFile).bind(3, deck.format);
    bindOptional(statement, 4, deck.task);
    statement.bind(5, deck.importedMs).run();
    return m_database.lastInsertRowId();
}

UserCardRow UserDeckRepository::addCard(UserCardRow card)
{
    auto statement = m_database.prepare(
        "INSERT INTO user_cards (deck_id, item_id, guid, front, back, note_key, anki_deck, tags, task, "
        "created_ms) VALUES (?1, 'u-pending', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    statement.bind(1, card.deckId)
        .bind(2, card.guid)
        .bind(3, card.front)
        .bind(4, card.back)
        .bind(5, card.noteKey)
        .bind(6, card.ankiDeck)
        .bind(7, card.tags);
    bindOptional(statement, 8, card.task);
    statement.bind(9, card.createdMs).run();
    card.id = m_database.lastInsertRowId();
    card.itemId = "u-" + std::to_string(card.id);
    m_database.prepare("UPDATE user_cards SET item_id = ?1 WHERE id = ?2").bind(1, card.itemId).bind(2, card.id).run();
    return card;
}

bool UserDeckRepository::hasNoteKey(std::string_view noteKey)
{
    return m_database.prepare("SELECT 1 FROM user_cards WHERE note_key = ?1 LIMIT 1").bind(1, noteKey).step();
}

bool UserDeckRepository::hasGuid(std::string_view guid)
{
    return !guid.empty()
        && m_database.prepare("SELECT 1 FROM user_cards WHERE guid = ?1 LIMIT 1").bind(1, guid).step();
}

std::vector<UserDeckRow> UserDeckRepository::decks()
{
    std::vector<UserDeckRow> rows;
    auto statement
        = m_database.prepare("SELECT id, name, source_file, format, task, imported_ms FROM user_decks ORDER BY id");
    while (statement.step()) {
        rows.push_back(UserDeckRow { statement.columnInt(0), statement.columnText(1), statement.columnText(2),
            statement.columnText(3), optionalText(statement, 4), statement.columnInt(5) });
    }
    return rows;
}

std::vector<UserCardRow> UserDeckRepository::cards()
{
    std::vector<UserCardRow> rows;
    auto statement = m_database.prepare("SELECT id, deck_id, item_id, guid, front, back, note_key, anki_deck, "
                                        "tags, task, created_ms FROM user_cards ORDER BY id");
    while (statement.step()) {
        rows.push_back(UserCardRow { statement.columnInt(0), statement.columnInt(1), statement.columnText(2),
            statement.columnText(3), statement.columnText(4), statement.columnText(5), statement.columnText(6),
            statement.columnText(7), statement.columnText(8), optionalText(statement, 9),
            statement.columnInt(10) });
    }
    return rows;
}

} // namespace mlaprep
