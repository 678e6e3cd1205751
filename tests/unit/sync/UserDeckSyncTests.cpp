// Imported decks travel between devices as events: the cards get ids no other device makes, reach every
// device once, and answers given to them anywhere apply to the same card everywhere.

#include "services/AnkiService.h"
#include "support/SyncDevice.h"
#include "sync/Uuid.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;
using namespace std::chrono_literals;
using fsrs::Rating;
using test::Device;

namespace {

std::filesystem::path writeDeck(
    const std::filesystem::path& dir, const std::string& name, const std::string& text)
{
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Imports the file on `device`, and studies its cards there as the app does.
AnkiImportSummary import(Device& device, const std::filesystem::path& file)
{
    AnkiService anki(device.store, device.clock);
    AnkiImportRequest request;
    request.file = file;
    request.task = "1.1";
    auto summary = anki.importFile(request);
    INFO(summary.firstError());
    REQUIRE(summary.ok());
    return summary.value();
}

} // namespace

TEST_CASE("a deck imported on one device reaches the other with its cards, answered on both", "[sync][deck]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    const auto file
        = writeDeck(a.fixture.dir.path(), "aws.txt", "Front one\tBack one\nFront two\tBack = two & more\n");
    const AnkiImportSummary imported = import(a, file);
    REQUIRE(imported.added.size() == 2);
    for (const auto& card : imported.added) {
        CHECK(card.itemId.starts_with("u-"));
        CHECK(sync::isUuid(card.itemId.substr(2)));
    }
    CHECK(a.count("SELECT count(*) FROM events WHERE kind = 'deck-import'") == 1);
    CHECK(a.count("SELECT count(*) FROM events WHERE kind = 'user-card'") == 2);
    a.adoptUserCards();
    const std::string first = imported.added[0].itemId;
    const std::string second = imported.added[1].itemId;
    a.answer(first, Rating::Good);

    a.sync(folder.path());
    const SyncSummary merged = b.sync(folder.path());
    CHECK(merged.changes.userCards);
    CHECK(merged.changes.studyQueue);
    CHECK(
        std::find(merged.changes.ids.begin(), merged.changes.ids.end(), second) != merged.changes.ids.end());
    CHECK(b.userCardRows() == a.userCardRows());
    const std::string newDue = "SELECT due_ms FROM item_states WHERE item_id = '" + second + "'";
    CHECK(b.count(newDue) == a.count(newDue)); // at the place in the new-card queue the import gave it
    REQUIRE(b.adoptUserCards().size() == 2);
    b.clock.advance(48h);
    b.answer(first, Rating::Again);
    b.answer(second, Rating::Easy);
    b.sync(folder.path());
    a.sync(folder.path());
    test::requireSameLearning(a, b);
    CHECK(a.count("SELECT count(*) FROM review_log WHERE item_id = '" + first + "'") == 2);
    CHECK(a.count("SELECT count(*) FROM user_cards") == 2);

    // Importing the file again on either device finds every note there already, synced or not.
    for (Device* device : { &a, &b }) {
        const AnkiImportSummary again = import(*device, file);
        CHECK(again.duplicates == 2);
        CHECK(again.imported == 0);
        CHECK(device->count("SELECT count(*) FROM user_cards") == 2);
    }
}

TEST_CASE("the same deck events delivered twice or to a device that made them change nothing", "[sync][deck]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    import(a, writeDeck(a.fixture.dir.path(), "one.txt", "Q\tA\n"));
    a.sync(folder.path());
    b.sync(folder.path());
    const std::string before = b.userCardRows();
    // B reads every segment again as if it had never seen them.
    b.store->database().execute("DELETE FROM sync_segments_read");
    const SyncSummary again = b.sync(folder.path());
    CHECK(again.mergedEvents == 0);
    CHECK_FALSE(again.changes.userCards);
    CHECK(b.userCardRows() == before);
    CHECK(b.count("SELECT count(*) FROM user_decks") == 1);
    a.sync(folder.path());
    CHECK(a.count("SELECT count(*) FROM user_cards") == 1);
}

TEST_CASE("two devices importing decks make cards that never share an id", "[sync][deck]")
{
    test::TempDir folder;
    Device a;
    Device b;
    const std::string text = "Same front\tSame back\nOther\tone\n";
    import(a, writeDeck(a.fixture.dir.path(), "deck.txt", text));
    import(b, writeDeck(b.fixture.dir.path(), "deck.txt", "B only\tcard\n"));
    a.sync(folder.path());
    b.sync(folder.path());
    a.sync(folder.path());
    CHECK(a.count("SELECT count(*) FROM user_cards") == 3);
    CHECK(a.count("SELECT count(DISTINCT item_id) FROM user_cards") == 3);
    CHECK(a.count("SELECT count(*) FROM user_decks") == 2);
    CHECK(a.userCardRows() == b.userCardRows());
}
