#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;

struct UserDeckRow {
    std::int64_t id = 0;
    std::string name;
    std::string sourceFile;
    std::string format;
    std::optional<std::string> task;
    std::int64_t importedMs = 0;
};

struct UserCardRow {
    std::int64_t id = 0;
    std::int64_t deckId = 0;
    std::string itemId;
    std::string guid;
    std::string front;
    std::string back;
    std::string noteKey;
    std::string ankiDeck;
    std::string tags;
    std::optional<std::string> task;
    std::int64_t createdMs = 0;
};

// user_decks and user_cards: what the learner imported. Throws DbError.
class UserDeckRepository {
public:
    explicit UserDeckRepository(Database& database)
        : m_database(database)
    {
    }

    std::int64_t addDeck(const UserDeckRow& deck);
    // Inserts the card and gives it the item id "u-<row id>"; returns the row with id and itemId set.
    UserCardRow addCard(UserCardRow card);
    bool hasNoteKey(std::string_view noteKey);
    bool hasGuid(std::string_view guid);
    std::vector<UserDeckRow> decks();
    std::vector<UserCardRow> cards();

private:
    Database& m_database;
};

} // namespace mlaprep
