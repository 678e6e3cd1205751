#pragma once

#include "sync/Event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;

struct UserDeckRow {
    std::int64_t id = 0;
    std::string uuid; // the id every device knows it by
    std::string name;
    std::string sourceFile;
    std::string format;
    std::optional<std::string> task;
    std::int64_t importedMs = 0;
};

struct UserCardRow {
    std::int64_t id = 0;
    std::int64_t deckId = 0;
    std::string itemId; // "u-" and a UUID: the id item_states, review_log and events use
    std::string guid;
    std::string front;
    std::string back;
    std::string noteKey;
    std::string ankiDeck;
    std::string tags;
    std::optional<std::string> task;
    std::int64_t createdMs = 0;
};

// A card as its user-card event carries it: the row (without row ids), its deck's uuid and its place in
// the new-card queue.
struct UserCardEvent {
    UserCardRow card;
    std::string deckUuid;
    std::int64_t position = 0;
};

// Decks and cards as their deck-import and user-card events carry them (sync/Event.h), and back (nothing
// when the event is not one this version reads).
sync::Payload deckImportPayload(const UserDeckRow& deck);
std::optional<UserDeckRow> deckFromEvent(const sync::Event& event);
sync::Payload userCardPayload(const UserCardRow& card, std::string_view deckUuid, std::int64_t position);
std::optional<UserCardEvent> userCardFromEvent(const sync::Event& event);

// user_decks and user_cards: what the learner imported. Throws DbError.
class UserDeckRepository {
public:
    explicit UserDeckRepository(Database& database)
        : m_database(database)
    {
    }

    // Both return the new row's id.
    std::int64_t addDeck(const UserDeckRow& deck);
    std::int64_t addCard(const UserCardRow& card);
    std::optional<std::int64_t> deckIdOf(std::string_view deckUuid);
    bool hasCard(std::string_view itemId);
    bool hasNoteKey(std::string_view noteKey);
    bool hasGuid(std::string_view guid);
    std::vector<UserDeckRow> decks();
    std::vector<UserCardRow> cards();

private:
    Database& m_database;
};

} // namespace mlaprep
