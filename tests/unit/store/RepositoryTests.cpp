// Each repository on a real store file: what it writes reads back (after the connection is closed and the
// file opened again), in the order it promises, with the edge values its columns allow.

#include "store/BookmarkRepository.h"
#include "store/Database.h"
#include "store/ErrorReportRepository.h"
#include "store/ExamRepository.h"
#include "store/ItemRevisionRepository.h"
#include "store/ItemStateRepository.h"
#include "store/NoteVisitRepository.h"
#include "store/ReviewLogRepository.h"
#include "store/SettingsRepository.h"
#include "store/UserDeckRepository.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace mlaprep;

namespace {

constexpr std::int64_t Largest = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t Smallest = std::numeric_limits<std::int64_t>::min();

// A store file written by one connection and read by the next, as a restart of the app would.
class StoreFile {
public:
    Database& open()
    {
        m_database.reset();
        m_database = std::make_unique<Database>(m_dir / "progress.sqlite");
        return *m_database;
    }

private:
    test::TempDir m_dir;
    std::unique_ptr<Database> m_database;
};

ReviewLogRow answer(
    std::string itemId, std::int64_t reviewedMs, std::string source = "review", int phaseBefore = 2)
{
    ReviewLogRow row;
    row.itemId = std::move(itemId);
    row.kind = "card";
    row.reviewedMs = reviewedMs;
    row.rating = 3;
    row.source = std::move(source);
    row.durationMs = 5000;
    row.phaseBefore = phaseBefore;
    row.phaseAfter = 2;
    row.stabilityAfter = 1.0;
    row.difficultyAfter = 5.0;
    row.dueAfterMs = reviewedMs + 86'400'000;
    return row;
}

ExamItem examItem(std::string itemId, std::vector<std::string> optionOrder, std::string caseId = {})
{
    ExamItem item;
    item.itemId = std::move(itemId);
    item.caseId = std::move(caseId);
    item.optionOrder = std::move(optionOrder);
    return item;
}

} // namespace

TEST_CASE("settings keep one value per key, the last one written, with any text", "[store][repository]")
{
    StoreFile file;
    {
        SettingsRepository settings(file.open());
        CHECK_FALSE(settings.get("exam_date").has_value());
        settings.set("exam_date", "2027-01-15");
        settings.set("exam_date", "2027-02-01");
        settings.set("empty", "");
        settings.set("Prüfung ✓", std::string("a\0b", 3));
    }
    SettingsRepository settings(file.open());
    CHECK(settings.get("exam_date") == "2027-02-01");
    REQUIRE(settings.get("empty").has_value());
    CHECK(settings.get("empty")->empty());
    CHECK(settings.get("Prüfung ✓") == std::string("a\0b", 3));
    CHECK_FALSE(settings.get("Exam_date").has_value());
}

TEST_CASE(
    "note visits count every opening, keep the first time and list the latest first", "[store][repository]")
{
    StoreFile file;
    {
        NoteVisitRepository visits(file.open());
        visits.recordOpened("n-1", 100);
        visits.recordOpened("n-2", 200);
        visits.recordOpened("n-1", 300);
        visits.recordOpened("n-3", Largest);
    }
    const auto rows = NoteVisitRepository(file.open()).all();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].noteId == "n-3");
    CHECK(rows[0].lastOpenedMs == Largest);
    CHECK(rows[1].noteId == "n-1");
    CHECK(rows[1].firstOpenedMs == 100);
    CHECK(rows[1].lastOpenedMs == 300);
    CHECK(rows[1].openCount == 2);
    CHECK(rows[2].noteId == "n-2");
    CHECK(rows[2].openCount == 1);
}

TEST_CASE("bookmarks are one per target, newest first, and removed exactly", "[store][repository]")
{
    StoreFile file;
    {
        BookmarkRepository bookmarks(file.open());
        bookmarks.add("note", "n-1", 10);
        bookmarks.add("heading", "n-1#über-sagemaker", 30);
        bookmarks.add("question", "q-1", 30);
        bookmarks.add("note", "n-1", 99); // already there: the first time stays
        bookmarks.add("card", "n-1", 20); // the same id under another kind is another bookmark
        bookmarks.remove("card", "absent");
    }
    BookmarkRepository bookmarks(file.open());
    auto rows = bookmarks.all();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].targetId == "n-1#über-sagemaker"); // ties on time go by id
    CHECK(rows[1].targetId == "q-1");
    CHECK(rows[2].kind == "card");
    CHECK(rows[3].kind == "note");
    CHECK(rows[3].createdMs == 10);
    CHECK(bookmarks.contains("note", "n-1"));
    CHECK_FALSE(bookmarks.contains("question", "n-1"));
    bookmarks.remove("note", "n-1");
    CHECK_FALSE(bookmarks.contains("note", "n-1"));
    CHECK(bookmarks.contains("card", "n-1"));
    // INSERT OR IGNORE skips a row its CHECK refuses as it skips a duplicate: an unknown kind stores nothing.
    bookmarks.add("chapter", "n-1", 0);
    CHECK_FALSE(bookmarks.contains("chapter", "n-1"));
    CHECK(bookmarks.all().size() == 3);
}

TEST_CASE("item states round-trip every column, empty ones included", "[store][repository]")
{
    StoreFile file;
    ItemStateRow studied { "q-1", "question", 3, 2, 36500.25, 9.999, Largest, Smallest, 1000, 999 };
    {
        ItemStateRepository states(file.open());
        states.save(studied);
        states.insertNewIfMissing("c-1", "card", 7);
        states.insertNewIfMissing("q-1", "question", 8); // has a state: left as it is
    }
    ItemStateRepository states(file.open());
    const auto read = states.find("q-1");
    REQUIRE(read.has_value());
    CHECK(read->kind == "question");
    CHECK(read->phase == 3);
    CHECK(read->step == 2);
    CHECK(read->stability == 36500.25);
    CHECK(read->difficulty == 9.999);
    CHECK(read->dueMs == Largest);
    CHECK(read->lastReviewMs == Smallest);
    CHECK(read->reps == 1000);
    CHECK(read->lapses == 999);
    const auto fresh = states.find("c-1");
    REQUIRE(fresh.has_value());
    CHECK(fresh->phase == 0);
    CHECK(fresh->dueMs == 7);
    CHECK_FALSE(fresh->stability.has_value());
    CHECK_FALSE(fresh->difficulty.has_value());
    CHECK_FALSE(fresh->lastReviewMs.has_value());
    CHECK_FALSE(states.find("absent").has_value());
    CHECK(states.all().size() == 2);
    studied.phase = 4;
    CHECK_THROWS_AS(states.save(studied), DbError);
}

TEST_CASE(
    "due items come in due time then id order, without what is refused, up to the cap", "[store][repository]")
{
    StoreFile file;
    ItemStateRepository states(file.open());
    for (const auto& [id, due] : std::vector<std::pair<std::string, std::int64_t>> {
             { "c-b", 50 }, { "c-a", 50 }, { "c-c", 10 }, { "c-late", 1000 } }) {
        states.save(ItemStateRow { id, "card", 2, 0, 1.0, 5.0, due, 0, 1, 0 });
    }
    states.insertNewIfMissing("c-new", "card", 1);
    const auto ids = [](const std::vector<ItemStateRepository::Due>& due) {
        std::vector<std::string> list;
        for (const auto& item : due) {
            list.push_back(item.itemId + "@" + std::to_string(item.dueMs));
        }
        return list;
    };
    const auto all = [](const std::string&) { return true; };

    CHECK(ids(states.due(2, 1000, 100, all)) == std::vector<std::string> { "c-c@10", "c-a@50", "c-b@50" });
    CHECK(ids(states.due(2, 1001, 100, all)).size() == 4); // due strictly before
    CHECK(ids(states.due(2, 1000, 2, all)) == std::vector<std::string> { "c-c@10", "c-a@50" });
    // The cap counts accepted items: refused ones do not use it up.
    CHECK(ids(states.due(2, 1000, 2, [](const std::string& id) { return id != "c-c"; }))
        == std::vector<std::string> { "c-a@50", "c-b@50" });
    CHECK(states.due(2, 10, 100, all).empty());
    CHECK(ids(states.due(0, 1000, 100, all)) == std::vector<std::string> { "c-new@1" });
    CHECK(states.earliestDue(2) == 10);
    CHECK_FALSE(states.earliestDue(1).has_value());

    CHECK(states.relearn("c-late", 2000));
    CHECK_FALSE(states.relearn("c-new", 2000)); // a New item stays New
    CHECK_FALSE(states.relearn("absent", 2000));
    const auto relearning = states.find("c-late");
    REQUIRE(relearning.has_value());
    CHECK(relearning->phase == 3);
    CHECK(relearning->step == 0);
    CHECK(relearning->dueMs == 2000);
    CHECK(relearning->stability == 1.0);
    CHECK(relearning->reps == 1);
}

TEST_CASE("the review log round-trips an answer and answers the daily-limit and undo questions",
    "[store][repository]")
{
    StoreFile file;
    ReviewLogRow full = answer("q-1", 1'000, "exam", 0);
    full.kind = "question";
    full.rating = 4;
    full.elapsedDays = 1e-9;
    full.durationMs = 2'147'483'648;
    full.stepBefore = 3;
    full.stabilityBefore = 0.001;
    full.difficultyBefore = 10.0;
    full.dueBeforeMs = Smallest;
    full.lastReviewBeforeMs = -1;
    full.repsBefore = 119;
    full.lapsesBefore = 7;
    full.stepAfter = 1;
    full.dueAfterMs = Largest;
    std::int64_t fullId = 0;
    {
        ReviewLogRepository log(file.open());
        CHECK_FALSE(log.earliestMs().has_value());
        CHECK_FALSE(log.lastLocalFromSource("review").has_value());
        fullId = log.append(full);
        log.append(answer("c-1", 500));
        log.append(answer("c-1", 2'000, "review", 0));
        log.append(answer("c-2", 3'000, "practice"));
    }
    ReviewLogRepository log(file.open());
    const auto exam = log.lastLocalFromSource("exam");
    REQUIRE(exam.has_value());
    CHECK(exam->id == fullId);
    CHECK(exam->kind == "question");
    CHECK(exam->rating == 4);
    CHECK(exam->elapsedDays == 1e-9);
    CHECK(exam->durationMs == 2'147'483'648);
    CHECK(exam->stepBefore == 3);
    CHECK(exam->stabilityBefore == 0.001);
    CHECK(exam->difficultyBefore == 10.0);
    CHECK(exam->dueBeforeMs == Smallest);
    CHECK(exam->lastReviewBeforeMs == -1);
    CHECK(exam->repsBefore == 119);
    CHECK(exam->lapsesBefore == 7);
    CHECK(exam->stepAfter == 1);
    CHECK(exam->dueAfterMs == Largest);
    const auto review = log.lastLocalFromSource("review");
    REQUIRE(review.has_value());
    CHECK_FALSE(review->stabilityBefore.has_value());
    CHECK_FALSE(review->dueBeforeMs.has_value());
    CHECK(review->reviewedMs == 2'000); // the newest row, not the newest time

    CHECK(log.count() == 4);
    CHECK(log.earliestMs() == 500);
    CHECK(log.countSince(500, "review", 2) == 1);
    CHECK(log.countSince(501, "review", 2) == 0);
    CHECK(log.countSince(0, "review", 0) == 1);
    const auto last = log.lastIdForItem("c-1");
    REQUIRE(last.has_value());
    log.remove(*last);
    CHECK(log.lastLocalFromSource("review")->reviewedMs == 500);
    CHECK_FALSE(log.lastIdForItem("absent").has_value());

    std::vector<std::string> order;
    log.forEachInItemOrder([&](const ReviewHistoryRow& row) {
        order.push_back(row.itemId + "@" + std::to_string(row.reviewedMs));
    });
    CHECK(order == std::vector<std::string> { "c-1@500", "c-2@3000", "q-1@1000" });
}

TEST_CASE("answer durations are medians per kind and first sight over Review answers of 1 s to 10 min",
    "[store][repository]")
{
    StoreFile file;
    ReviewLogRepository log(file.open());
    for (const std::int64_t ms : { 999, 1'000, 3'000, 8'000, 10'000, 600'000, 600'001 }) {
        auto row = answer("c-1", 1, "review", 2);
        row.durationMs = ms;
        log.append(row);
    }
    auto firstSight = answer("c-2", 1, "review", 0);
    firstSight.durationMs = 4'000;
    log.append(firstSight);
    auto practice = answer("c-3", 1, "practice", 0);
    practice.durationMs = 5'000;
    log.append(practice);

    const auto summaries = log.durationSummaries();
    REQUIRE(summaries.size() == 2);
    CHECK(summaries[0].kind == "card");
    CHECK_FALSE(summaries[0].firstSight);
    CHECK(summaries[0].answers == 5);
    CHECK(summaries[0].medianMs == 8'000);
    CHECK(summaries[1].firstSight);
    CHECK(summaries[1].answers == 1);
    CHECK(summaries[1].medianMs == 4'000);
}

TEST_CASE("item revisions keep the last revision saved per item", "[store][repository]")
{
    StoreFile file;
    {
        ItemRevisionRepository revisions(file.open());
        revisions.save("q-1", 1);
        revisions.save("q-1", 3);
        revisions.save("c-1", std::numeric_limits<int>::max());
        CHECK_THROWS_AS(revisions.save("c-2", 0), DbError);
    }
    const auto revisions = ItemRevisionRepository(file.open()).all();
    CHECK(revisions.size() == 2);
    CHECK(revisions.at("q-1") == 3);
    CHECK(revisions.at("c-1") == std::numeric_limits<int>::max());
}

TEST_CASE(
    "user decks and cards round-trip under the ids they are given, in import order", "[store][repository]")
{
    StoreFile file;
    const std::string firstItemId = "u-5f0c2a1e-3b7d-4c8e-9a6f-1d2e3f4a5b6c";
    const std::string secondItemId = "u-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    {
        UserDeckRepository decks(file.open());
        const auto plain
            = decks.addDeck(UserDeckRow { 0, "deck-a", "Deck", "a.txt", "text", std::nullopt, 1 });
        const auto tagged
            = decks.addDeck(UserDeckRow { 0, "deck-b", "Anki ✓", "c.apkg", "apkg", "1.2", Largest });
        const auto first = decks.addCard(
            UserCardRow { 0, plain, firstItemId, "", "F", "B", "f b", "", "", std::nullopt, 5 });
        const auto second = decks.addCard(UserCardRow {
            0, tagged, secondItemId, "f:G{x", "<b>F</b>", "B ✓", "f2 b2", "Deck::Sub", "aws ml", "1.2", 6 });
        CHECK(second > first);
        CHECK(decks.deckIdOf("deck-b") == tagged);
        CHECK_FALSE(decks.deckIdOf("deck-c").has_value());
        CHECK_THROWS_AS(
            decks.addDeck(UserDeckRow { 0, "deck-c", "Deck", "a.csv", "csv", std::nullopt, 1 }), DbError);
        CHECK_THROWS_AS(decks.addDeck(UserDeckRow { 0, "deck-a", "Again", "a.txt", "text", std::nullopt, 1 }),
            DbError); // one row per deck uuid
        CHECK_THROWS_AS(
            decks.addCard(UserCardRow { 0, plain, firstItemId, "", "F", "B", "x", "", "", {}, 5 }),
            DbError); // one row per card id
    }
    UserDeckRepository decks(file.open());
    const auto deckRows = decks.decks();
    REQUIRE(deckRows.size() == 2);
    CHECK(deckRows[0].uuid == "deck-a");
    CHECK_FALSE(deckRows[0].task.has_value());
    CHECK(deckRows[1].name == "Anki ✓");
    CHECK(deckRows[1].task == "1.2");
    CHECK(deckRows[1].importedMs == Largest);
    const auto cards = decks.cards();
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].itemId == firstItemId);
    CHECK(cards[0].guid.empty());
    CHECK_FALSE(cards[0].task.has_value());
    CHECK(cards[1].itemId == secondItemId);
    CHECK(cards[1].guid == "f:G{x");
    CHECK(cards[1].front == "<b>F</b>");
    CHECK(cards[1].back == "B ✓");
    CHECK(cards[1].ankiDeck == "Deck::Sub");
    CHECK(cards[1].tags == "aws ml");
    CHECK(decks.hasCard(secondItemId));
    CHECK_FALSE(decks.hasCard("u-1"));
    CHECK(decks.hasNoteKey("f b"));
    CHECK_FALSE(decks.hasNoteKey("F B"));
    CHECK(decks.hasGuid("f:G{x"));
    CHECK_FALSE(decks.hasGuid("")); // cards without a guid are never duplicates by guid
}

TEST_CASE("a deck and its cards read back from their events as they were written", "[store][repository]")
{
    const UserDeckRow deck { 0, "deck-a", "Anki & co = 100%", "c.apkg", "apkg", "1.2", Largest };
    sync::Event deckEvent { "e-1", {}, std::string(sync::EventKind::DeckImport), deck.uuid,
        deckImportPayload(deck).encode() };
    const auto readDeck = deckFromEvent(deckEvent);
    REQUIRE(readDeck);
    CHECK(readDeck->uuid == deck.uuid);
    CHECK(readDeck->name == deck.name);
    CHECK(readDeck->sourceFile == deck.sourceFile);
    CHECK(readDeck->format == deck.format);
    CHECK(readDeck->task == deck.task);
    CHECK(readDeck->importedMs == deck.importedMs);
    deckEvent.payload = "format=csv&imported=1";
    CHECK_FALSE(deckFromEvent(deckEvent)); // not a format this version imports

    const UserCardRow card { 0, 0, "u-x", "f:G{x", "<b>F</b>\nline", "B ✓\tx",
        "f b\x1f"
        "b",
        "Deck::Sub", "aws ml", std::nullopt, -3 };
    const sync::Event cardEvent { "e-2", {}, std::string(sync::EventKind::UserCard), card.itemId,
        userCardPayload(card, deck.uuid, 1'000'000'007).encode() };
    const auto readCard = userCardFromEvent(cardEvent);
    REQUIRE(readCard);
    CHECK(readCard->deckUuid == deck.uuid);
    CHECK(readCard->position == 1'000'000'007);
    CHECK(readCard->card.itemId == card.itemId);
    CHECK(readCard->card.guid == card.guid);
    CHECK(readCard->card.front == card.front);
    CHECK(readCard->card.back == card.back);
    CHECK(readCard->card.noteKey == card.noteKey);
    CHECK(readCard->card.ankiDeck == card.ankiDeck);
    CHECK(readCard->card.tags == card.tags);
    CHECK_FALSE(readCard->card.task.has_value());
    CHECK(readCard->card.createdMs == -3);
    CHECK_FALSE(userCardFromEvent(sync::Event { "e-3", {}, "user-card", "u-y", "front=F" }));
}

TEST_CASE("error reports round-trip and list oldest first", "[store][repository]")
{
    StoreFile file;
    std::int64_t removed = 0;
    {
        ErrorReportRepository reports(file.open());
        reports.add(ErrorReportRow {
            0, "mla-c01", "1", "user-card", "u-2", "wrong key", "Die Antwort ist „b“", 20, "r-1" });
        removed = reports.add(ErrorReportRow { 0, "mla-c01", "1", "note", "n-1", "typo", "", 5, "r-2" });
        reports.add(ErrorReportRow { 0, "mla-c01", "2", "question", "q-1", "outdated", "", -1, "r-3" });
        CHECK_THROWS_AS(
            reports.add(ErrorReportRow { 0, "mla-c01", "1", "chapter", "x", "typo", "", 0, "r-4" }), DbError);
        // One id, one report.
        CHECK_THROWS_AS(
            reports.add(ErrorReportRow { 0, "mla-c01", "1", "note", "n-1", "typo", "", 6, "r-2" }), DbError);
    }
    ErrorReportRepository reports(file.open());
    REQUIRE(reports.find(removed));
    CHECK(reports.find(removed)->uuid == "r-2");
    CHECK(reports.contains("r-2"));
    reports.remove("r-2");
    CHECK_FALSE(reports.contains("r-2"));
    const auto rows = reports.all();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].itemId == "q-1");
    CHECK(rows[0].createdMs == -1);
    CHECK(rows[1].itemKind == "user-card");
    CHECK(rows[1].comment == "Die Antwort ist „b“");
}

TEST_CASE("an exam attempt round-trips its items, answers, flags, clock and result", "[store][repository]")
{
    StoreFile file;
    std::int64_t attemptId = 0;
    {
        Database& database = file.open();
        ExamRepository exams(database);
        CHECK_FALSE(exams.openAttemptId().has_value());
        AttemptRow attempt;
        attempt.bundleId = "mla-c01";
        attempt.bundleVersion = "2026.11";
        attempt.mode = "exam";
        attempt.seed = std::numeric_limits<std::uint64_t>::max(); // stored in a signed column
        attempt.timeLimitMs = 10'800'000;
        attempt.startedMs = 7;
        attemptId = exams.insertAttempt(attempt);
        exams.insertItem(attemptId, 1, examItem("q-case-1", { "b", "a" }, "case-1"));
        exams.insertItem(attemptId, 0, examItem("q-1", { "d", "c", "b", "a" }));
        CHECK(exams.setAnswer(attemptId, "q-1", "c", 10, 1));
        CHECK(exams.setAnswer(attemptId, "q-1", std::nullopt, 11, 2));
        CHECK(exams.setAnswer(attemptId, "q-1", "a,b", 12, 3));
        CHECK_FALSE(exams.setAnswer(attemptId, "q-absent", "a", 13, 4));
        CHECK(exams.setFlag(attemptId, "q-case-1", true));
        CHECK_FALSE(exams.setFlag(attemptId, "q-absent", true));
        exams.setTimeSpent(attemptId, "q-1", 2'000);
        exams.saveClock(attemptId, 60'000, Largest, 1);
        CHECK_THROWS_AS(exams.insertItem(attemptId, 2, examItem("q-1", { "a" })), DbError);
    }
    ExamRepository exams(file.open());
    CHECK(exams.openAttemptId() == attemptId);
    CHECK(exams.latestAttemptWithSeed(std::numeric_limits<std::uint64_t>::max()) == attemptId);
    CHECK_FALSE(exams.latestAttemptWithSeed(0).has_value());
    const auto open = exams.attempt(attemptId);
    REQUIRE(open.has_value());
    CHECK(open->seed == std::numeric_limits<std::uint64_t>::max());
    CHECK(open->timeLimitMs == 10'800'000);
    CHECK(open->elapsedMs == 60'000);
    CHECK(open->runningSinceMs == Largest);
    CHECK(open->position == 1);
    CHECK_FALSE(open->finishedMs.has_value());
    CHECK_FALSE(open->scoredCorrect.has_value());

    const auto items = exams.items(attemptId);
    REQUIRE(items.size() == 2);
    CHECK(items[0].item.itemId == "q-1"); // by position, not insertion
    CHECK(items[0].item.optionOrder == std::vector<std::string> { "d", "c", "b", "a" });
    CHECK(items[0].answer == "a,b");
    CHECK(items[0].timeSpentMs == 2'000);
    CHECK(items[0].item.caseId.empty());
    CHECK(items[1].item.caseId == "case-1");
    CHECK(items[1].flagged);
    CHECK_FALSE(items[1].answer.has_value());
    CHECK(exams.answerHistory(attemptId)
        == std::map<std::string, std::vector<std::string>> { { "q-1", { "c", "a,b" } } });

    AttemptRow finished = *open;
    finished.finishedMs = 10'800'007;
    finished.finishReason = "time-up";
    finished.elapsedMs = 10'800'000;
    finished.runningSinceMs.reset();
    finished.scoredCorrect = 0;
    finished.scoredTotal = 2;
    finished.scaledScore = 100;
    exams.setCorrect(attemptId, "q-1", false);
    exams.finish(finished);
    CHECK_FALSE(exams.openAttemptId().has_value());
    const auto done = exams.finishedAttempts();
    REQUIRE(done.size() == 1);
    CHECK(done[0].finishReason == "time-up");
    CHECK_FALSE(done[0].runningSinceMs.has_value());
    CHECK(done[0].scoredCorrect == 0);
    CHECK(done[0].scoredTotal == 2);
    CHECK(done[0].scaledScore == 100);
    auto missed = exams.missedInRecentAttempts(1); // wrong or unanswered, in no particular order
    std::sort(missed.begin(), missed.end());
    CHECK(missed == std::vector<std::string> { "q-1", "q-case-1" });
}
