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

sync::Payload deckImportPayload(const UserDeckRow& deck)
{
    sync::Payload payload;
    payload.set("name", deck.name)
        .set("source", deck.sourceFile)
        .set("format", deck.format)
        .set("imported", deck.importedMs);
    if (deck.task) {
        payload.set("task", *deck.task);
    }
    return payload;
}

std::optional<UserDeckRow> deckFromEvent(const sync::Event& event)
{
    const auto payload = sync::Payload::decode(event.payload);
    const auto imported = payload ? payload->getInteger("imported") : std::nullopt;
    const auto format = payload ? payload->get("format") : std::nullopt;
    if (!imported || !format || (*format != "text" && *format != "apkg") || event.itemId.empty()) {
        return std::nullopt;
    }
    return UserDeckRow { 0, event.itemId, payload->get("name").value_or(""),
        payload->get("source").value_or(""), *format, payload->get("task"), *imported };
}

sync::Payload userCardPayload(const UserCardRow& card, std::string_view deckUuid, std::int64_t position)
{
    sync::Payload payload;
    payload.set("deck", deckUuid)
        .set("guid", card.guid)
        .set("front", card.front)
        .set("back", card.back)
        .set("note-key", card.noteKey)
        .set("anki-deck", card.ankiDeck)
        .set("tags", card.tags)
        .set("created", card.createdMs)
        .set("position", position);
    if (card.task) {
        payload.set("task", *card.task);
    }
    return payload;
}

std::optional<UserCardEvent> userCardFromEvent(const sync::Event& event)
{
    const auto payload = sync::Payload::decode(event.payload);
    const auto created = payload ? payload->getInteger("created") : std::nullopt;
    const auto position = payload ? payload->getInteger("position") : std::nullopt;
    const auto deck = payload ? payload->get("deck") : std::nullopt;
    const auto front = payload ? payload->get("front") : std::nullopt;
    const auto back = payload ? payload->get("back") : std::nullopt;
    if (!created || !position || !deck || !front || !back || event.itemId.empty()) {
        return std::nullopt;
    }
    UserCardEvent card;
    card.card.itemId = event.itemId;
    card.card.guid = payload->get("guid").value_or("");
    card.card.front = *front;
    card.card.back = *back;
    card.card.noteKey = payload->get("note-key").value_or("");
    card.card.ankiDeck = payload->get("anki-deck").value_or("");
    card.card.tags = payload->get("tags").value_or("");
    card.card.task = payload->get("task");
    card.card.createdMs = *created;
    card.deckUuid = *deck;
    card.position = *position;
    return card;
}

std::int64_t UserDeckRepository::addDeck(const UserDeckRow& deck)
{
    auto statement = m_database.prepare("INSERT INTO user_decks (uuid, name, source_file, format, task, "
                                        "imported_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    statement.bind(1, deck.uuid).bind(2, deck.name).bind(3, deck.sourceFile).bind(4, deck.format);
    bindOptional(statement, 5, deck.task);
    statement.bind(6, deck.importedMs).run();
    return m_database.lastInsertRowId();
}

std::int64_t UserDeckRepository::addCard(const UserCardRow& card)
{
    auto statement = m_database.prepare(
        "INSERT INTO user_cards (deck_id, item_id, guid, front, back, note_key, anki_deck, tags, task, "
        "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    statement.bind(1, card.deckId)
        .bind(2, card.itemId)
        .bind(3, card.guid)
        .bind(4, card.front)
        .bind(5, card.back)
        .bind(6, card.noteKey)
        .bind(7, card.ankiDeck)
        .bind(8, card.tags);
    bindOptional(statement, 9, card.task);
    statement.bind(10, card.createdMs).run();
    return m_database.lastInsertRowId();
}

std::optional<std::int64_t> UserDeckRepository::deckIdOf(std::string_view deckUuid)
{
    auto statement = m_database.prepare("SELECT id FROM user_decks WHERE uuid = ?1");
    statement.bind(1, deckUuid);
    return statement.step() ? std::optional(statement.columnInt(0)) : std::nullopt;
}

bool UserDeckRepository::hasCard(std::string_view itemId)
{
    return m_database.prepare("SELECT 1 FROM user_cards WHERE item_id = ?1").bind(1, itemId).step();
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
    auto statement = m_database.prepare(
        "SELECT id, uuid, name, source_file, format, task, imported_ms FROM user_decks ORDER BY id");
    while (statement.step()) {
        rows.push_back(UserDeckRow { statement.columnInt(0), statement.columnText(1), statement.columnText(2),
            statement.columnText(3), statement.columnText(4), optionalText(statement, 5),
            statement.columnInt(6) });
    }
    return rows;
}

std::vector<UserCardRow> UserDeckRepository::cards()
{
    std::vector<UserCardRow> rows;
    auto statement
        = m_database.prepare("SELECT id, deck_id, item_id, guid, front, back, note_key, anki_deck, "
                             "tags, task, created_ms FROM user_cards ORDER BY id");
    while (statement.step()) {
        rows.push_back(UserCardRow { statement.columnInt(0), statement.columnInt(1), statement.columnText(2),
            statement.columnText(3), statement.columnText(4), statement.columnText(5),
            statement.columnText(6), statement.columnText(7), statement.columnText(8),
            optionalText(statement, 9), statement.columnInt(10) });
    }
    return rows;
}

} // namespace mlaprep
