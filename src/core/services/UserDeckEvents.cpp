#include "services/UserDeckEvents.h"

#include "srs/ItemKind.h"
#include "store/ItemStateRepository.h"
#include "store/UserDeckRepository.h"

namespace mlaprep {

std::vector<std::string> applyUserDeckEvents(Database& database, const std::vector<sync::Event>& arrived)
{
    UserDeckRepository decks(database);
    // Decks first: a deck's cards are recorded with it, in one transaction, so they arrive together.
    for (const auto& event : arrived) {
        const auto deck = event.kind == sync::EventKind::DeckImport ? deckFromEvent(event) : std::nullopt;
        if (deck && !decks.deckIdOf(deck->uuid)) {
            decks.addDeck(*deck);
        }
    }
    ItemStateRepository states(database);
    std::vector<std::string> made;
    for (const auto& event : arrived) {
        auto card = event.kind == sync::EventKind::UserCard ? userCardFromEvent(event) : std::nullopt;
        const auto deckId = card ? decks.deckIdOf(card->deckUuid) : std::nullopt;
        if (!deckId || decks.hasCard(card->card.itemId)) {
            continue;
        }
        card->card.deckId = *deckId;
        decks.addCard(card->card);
        states.insertNewIfMissing(card->card.itemId, srs::toString(srs::ItemKind::Card), card->position);
        made.push_back(card->card.itemId);
    }
    return made;
}

} // namespace mlaprep
