// Version 17 renames the user cards of every earlier store ("u-" and the row id, which two devices both
// make) to an id derived from their deck and row, everywhere they are named, and turns decks and cards
// into events once. From every version that had user cards: the answers on a card survive the rename,
// two copies of one store migrate alike, and the migrated decks reach another device with their answers.

#include "services/Store.h"
#include "services/SyncService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "support/SyncDevice.h"
#include "sync/Event.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace mlaprep;

namespace {

constexpr int UserCardsVersion = 7; // user_decks and user_cards came with version 7
constexpr int RenameVersion = 17;
const std::string First = "u-1700000000000-1";
const std::string Second = "u-1700000000000-2";

std::string answerLog(const std::string& itemId, int reviewedMs, int rating)
{
    return "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
           "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, stability_after, "
           "difficulty_after, due_after_ms) VALUES ('"
        + itemId + "', 'card', " + std::to_string(reviewedMs) + ", " + std::to_string(rating)
        + ", 'review', 0, 4000, 0, 0, 0, 0, 2, 0, 3.1, 5.2, 90000000)";
}

// A store at `version` as the app left it: a deck of two cards, the first answered twice (with its events
// from version 10 on), held from version 11 on; the second bookmarked and reported.
void writeOldStore(const std::filesystem::path& path, int version)
{
    Database old = Database::openAtVersion(path, version);
    old.execute("INSERT INTO user_decks (id, name, source_file, format, task, imported_ms) "
                "VALUES (1, 'My & deck', 'my=deck.txt', 'text', '1.2', 1700000000000)");
    old.execute("INSERT INTO user_cards (id, deck_id, item_id, guid, front, back, note_key, anki_deck, tags, "
                "task, created_ms) VALUES "
                "(1, 1, 'u-1', 'g1', '<b>F</b>', 'B' || char(10) || 'more', 'f' || char(31) || 'b', 'A::B', "
                "'aws ml', '1.2', 1700000000000), "
                "(2, 1, 'u-2', '', 'Two', '50%', 'two' || char(31) || '50%', '', '', NULL, 1700000000000)");
    old.execute(
        "INSERT INTO item_states (item_id, kind, phase, stability, difficulty, due_ms, last_review_ms, "
        "reps, lapses) VALUES ('u-1', 'card', 2, 3.1, 5.2, 90000000, 1700000600000, 2, 0), "
        "('u-2', 'card', 0, NULL, NULL, 1000000002, NULL, 0, 0)");
    old.execute(answerLog("u-1", 1700000500, 3));
    old.execute(answerLog("u-1", 1700000600, 4));
    old.execute("INSERT INTO bookmarks (target_kind, target_id, created_ms) VALUES ('card', 'u-2', 5)");
    if (version >= 14) {
        old.execute("INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, "
                    "created_ms, uuid) VALUES ('mla', '1', 'user-card', 'u-2', 'Other', 6, 'r-1')");
        old.execute("INSERT INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin) "
                    "VALUES ('r-1', 6, 0, 'd-1', 'error-report', 'user-card:u-2', "
                    "'at=6&bundle=mla&comment=&reason=Other&version=1', 'local')");
    } else {
        old.execute("INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, "
                    "created_ms) VALUES ('mla', '1', 'user-card', 'u-2', 'Other', 6)");
    }
    if (version >= 10) {
        old.execute("INSERT INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin) "
                    "VALUES ('b-1', 5, 0, 'd-1', 'bookmark', 'card:u-2', 'at=5&on=1', 'local')");
        // The answers' events as version 10 on records them.
        for (const auto& [ms, rating] : { std::pair(1700000500, 3), std::pair(1700000600, 4) }) {
            const std::string at = std::to_string(ms);
            old.execute(
                "INSERT INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin) "
                "VALUES ('e-"
                + at + "', " + at + ", 0, 'd-1', 'review', 'u-1', 'at=" + at
                + "&duration=4000&kind=card&offset=0&rating=" + std::to_string(rating)
                + "&source=review', 'local')");
            old.execute("UPDATE review_log SET event_uuid = 'e-" + at + "' WHERE reviewed_ms = " + at);
        }
    }
    if (version >= 11) {
        old.execute("INSERT INTO item_holds (item_id, suspended) VALUES ('u-1', 1)");
    }
}

std::string column(Database& database, const std::string& sql)
{
    auto statement = database.prepare(sql);
    std::string all;
    while (statement.step()) {
        all += (statement.columnIsNull(0) ? "NULL" : statement.columnText(0)) + "\n";
    }
    return all;
}

std::string userDeckEvents(const std::filesystem::path& path)
{
    Database database(path);
    return column(database,
        "SELECT uuid || ' ' || item_id || ' ' || payload FROM events "
        "WHERE kind IN ('deck-import', 'user-card') ORDER BY uuid");
}

} // namespace

TEST_CASE("user cards of every earlier version get ids two devices cannot both make, answers kept",
    "[sync][migration]")
{
    for (int version = UserCardsVersion; version < RenameVersion; ++version) {
        INFO("a store created at version " << version);
        test::TempDir dir;
        const auto path = dir / "old.sqlite";
        writeOldStore(path, version);
        std::filesystem::copy_file(path, dir / "copy.sqlite");

        const std::string events = userDeckEvents(path);
        CHECK(events == userDeckEvents(dir / "copy.sqlite"));
        CHECK(events
            == "deck-import-deck-1700000000000-1 deck-1700000000000-1 "
               "format=text&imported=1700000000000&name=My %26 deck&source=my%3Ddeck.txt&task=1.2\n"
               "user-card-"
                + First + " " + First
                + " anki-deck=A::B&back=B%0Amore&created=1700000000000&deck=deck-1700000000000-1&front=<b>F</"
                  "b>"
                  "&guid=g1&note-key=f\x1f"
                  "b&position=1000000001&tags=aws ml&task=1.2\n"
                  "user-card-"
                + Second + " " + Second
                + " anki-deck=&back=50%25&created=1700000000000&deck=deck-1700000000000-1&front=Two&guid="
                  "&note-key=two\x1f"
                  "50%25&position=1000000002&tags=\n");

        Database upgraded(path);
        REQUIRE(upgraded.schemaVersion() >= RenameVersion);
        // Each payload is what sync::Payload would write.
        auto payloads = upgraded.prepare("SELECT payload FROM events");
        while (payloads.step()) {
            const auto payload = sync::Payload::decode(payloads.columnText(0));
            REQUIRE(payload);
            CHECK(payload->encode() == payloads.columnText(0));
        }
        CHECK(column(upgraded, "SELECT item_id FROM user_cards ORDER BY id") == First + "\n" + Second + "\n");
        CHECK(column(upgraded, "SELECT uuid FROM user_decks") == "deck-1700000000000-1\n");
        CHECK(column(upgraded,
                  "SELECT item_id || ' ' || reviewed_ms || ' ' || rating FROM review_log ORDER BY id")
            == First + " 1700000500 3\n" + First + " 1700000600 4\n");
        CHECK(column(upgraded,
                  "SELECT item_id || ' ' || phase || ' ' || coalesce(stability, 'NULL') || ' ' || reps FROM "
                  "item_states "
                  "ORDER BY "
                  "item_id")
            == First + " 2 3.1 2\n" + Second + " 0 NULL 0\n");
        CHECK(column(upgraded, "SELECT item_id FROM events WHERE kind = 'review' ORDER BY hlc_ms")
            == First + "\n" + First + "\n");
        CHECK(column(upgraded, "SELECT count(*) FROM events WHERE kind = 'review' AND item_id = 'u-1'")
            == "0\n");
        CHECK(column(upgraded, "SELECT target_id FROM bookmarks") == Second + "\n");
        CHECK(column(upgraded, "SELECT item_id FROM events WHERE kind = 'bookmark'")
            == "card:" + Second + "\n");
        CHECK(column(upgraded, "SELECT item_id FROM error_reports") == Second + "\n");
        CHECK(column(upgraded, "SELECT item_id FROM events WHERE kind = 'error-report'")
            == "user-card:" + Second + "\n");
        if (version >= 11) {
            CHECK(column(upgraded, "SELECT item_id FROM item_holds") == First + "\n");
        }
        CHECK(
            column(upgraded, "SELECT count(*) FROM sqlite_master WHERE name = 'user_card_renames'") == "0\n");
    }
}

TEST_CASE("a migrated deck reaches another device with its cards and their answers", "[sync][migration]")
{
    test::TempDir dir;
    test::TempDir folder;
    const auto path = dir / "old.sqlite";
    writeOldStore(path, 9);
    test::Device home;
    {
        auto store = Store::open(path);
        REQUIRE(store.ok());
        test::ManualClock clock(test::StudyNoon);
        REQUIRE(SyncService(store.value(), clock).sync(folder.path(), home.study.config()).ok());
    }
    const SyncSummary merged = home.sync(folder.path());
    INFO(merged.readSegments << " " << merged.mergedEvents << " "
                             << (merged.skipped.empty() ? "" : merged.skipped.front()));
    CHECK(merged.changes.userCards);
    CHECK(merged.changes.studyQueue);
    CHECK(home.rows("SELECT item_id, front, back, note_key, anki_deck, tags, task FROM user_cards", 7)
        == First + "|<b>F</b>|B\nmore|f\x1f" + "b|A::B|aws ml|1.2|\n" + Second + "|Two|50%|two\x1f"
            + "50%|||NULL|\n");
    CHECK(home.rows("SELECT uuid, name, source_file, format, task, imported_ms FROM user_decks", 6)
        == "deck-1700000000000-1|My & deck|my=deck.txt|text|1.2|1700000000000|\n");
    CHECK(home.rows("SELECT item_id, rating FROM review_log", 2) == First + "|3|\n" + First + "|4|\n");
    CHECK(home.count("SELECT reps FROM item_states WHERE item_id = '" + First + "'") == 2);
    CHECK(home.count("SELECT due_ms FROM item_states WHERE item_id = '" + Second + "'") == 1000000002);
    CHECK(home.bookmarkRows() == "card|" + Second + "|\n");

    // The same events again make nothing twice.
    const SyncSummary again = home.sync(folder.path());
    CHECK_FALSE(again.changes.userCards);
    CHECK(home.count("SELECT count(*) FROM user_cards") == 2);
    CHECK(home.count("SELECT count(*) FROM user_decks") == 1);
}
