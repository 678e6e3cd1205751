#include "services/AnkiService.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "session/AppSession.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;

namespace {

void writeNotes(const std::filesystem::path& file)
{
    std::ofstream out(file);
    out << "What does Firehose deliver to?\tS3, Redshift, OpenSearch and HTTP endpoints\n"
        << "Which format is columnar?\tParquet\n";
}

} // namespace

TEST_CASE("a session opens the bundle and the store and builds every service over them", "[session]")
{
    test::TempDir dir;
    const test::ManualClock clock;
    auto opened = AppSession::open(test::minimalBundleDir(), dir / "progress.sqlite", clock);
    REQUIRE(opened.ok());
    AppSession& session = *opened.value();
    CHECK(session.bundle().id == "test-minimal");
    CHECK_FALSE(session.snapshot().hasErrors());
    CHECK(std::filesystem::exists(dir / "progress.sqlite"));
    // The exam service works over the same snapshot the index was built from.
    StartRequest practice;
    practice.mode = ExamMode::Practice;
    practice.seed = 7;
    practice.questions = 2;
    practice.timed = false;
    auto started = session.exams().start(practice);
    REQUIRE(started.ok());
    for (const auto& item : started->attempt().items) {
        CHECK(session.index().scoredItem(item.item.itemId).question != nullptr);
    }
}

TEST_CASE("a session that cannot open its store fails with the store's problem", "[session]")
{
    test::TempDir dir;
    const test::ManualClock clock;
    std::filesystem::create_directories(dir / "a-folder.sqlite");
    auto opened = AppSession::open(test::minimalBundleDir(), dir / "a-folder.sqlite", clock);
    REQUIRE_FALSE(opened.ok());
    CHECK_FALSE(opened.problems().empty());
}

TEST_CASE(
    "importing cards makes a new snapshot and keeps the old one for the views that hold it", "[session]")
{
    test::TempDir dir;
    const test::ManualClock clock;
    auto store = Store::open(dir / "progress.sqlite").value();
    AppSession session(loadBundle(test::minimalBundleDir(), clock), store, clock);
    const BundleSnapshot& before = session.snapshot();
    StudyService& oldStudy = session.study();
    const std::size_t cards = session.bundle().cards.size();
    writeNotes(dir / "notes.txt");

    AnkiImportRequest request;
    request.file = dir / "notes.txt";
    auto summary = session.importAnki(request);
    REQUIRE(summary.ok());
    REQUIRE(summary->added.size() == 2);
    CHECK(summary->changes.bundle);
    CHECK(summary->changes.studyQueue);

    const std::string added = summary->added.front().itemId;
    CHECK(&session.snapshot() != &before);
    CHECK(session.bundle().cards.size() == cards + 2);
    CHECK(session.index().card(added) != nullptr);
    CHECK(session.study().findItem(added) != nullptr);
    // The old snapshot is unchanged and still alive.
    CHECK(before.bundle().cards.size() == cards);
    CHECK(before.index().card(added) == nullptr);
    CHECK(oldStudy.findItem(added) == nullptr);

    // A second session over the same store sees the imported cards from the start.
    AppSession again(loadBundle(test::minimalBundleDir(), clock), store, clock);
    CHECK(again.index().card(added) != nullptr);
    CHECK(again.study().findItem(added) != nullptr);

    // Importing the same file again adds nothing and keeps the snapshot.
    const BundleSnapshot& current = session.snapshot();
    auto repeated = session.importAnki(request);
    REQUIRE(repeated.ok());
    CHECK(repeated->added.empty());
    CHECK_FALSE(repeated->changes.bundle);
    CHECK(&session.snapshot() == &current);
}

TEST_CASE("cards a sync brings from another device's import join a new snapshot and the queue", "[session]")
{
    test::TempDir dir;
    test::TempDir folder;
    const test::ManualClock clock;
    AppSession work(
        loadBundle(test::minimalBundleDir(), clock), Store::open(dir / "work.sqlite").value(), clock);
    AppSession home(
        loadBundle(test::minimalBundleDir(), clock), Store::open(dir / "home.sqlite").value(), clock);
    writeNotes(dir / "notes.txt");
    AnkiImportRequest request;
    request.file = dir / "notes.txt";
    const auto imported = work.importAnki(request);
    REQUIRE(imported.ok());
    REQUIRE(imported->added.size() == 2);
    const std::string added = imported->added.back().itemId;
    REQUIRE(work.sync().sync(folder.path(), work.study().config()).ok());

    const BundleSnapshot& before = home.snapshot();
    auto merged = home.sync().sync(folder.path(), home.study().config());
    REQUIRE(merged.ok());
    Changes changes = merged->changes;
    REQUIRE(changes.userCards);
    home.adoptSyncedCards(changes);
    CHECK(changes.bundle);
    CHECK(&home.snapshot() != &before);
    CHECK(home.index().card(added) != nullptr);
    REQUIRE(home.study().findItem(added) != nullptr);
    CHECK(home.study().answer(added, fsrs::Rating::Good, std::chrono::seconds(3)).ok());

    // A sync that brings no cards keeps the snapshot.
    const BundleSnapshot& current = home.snapshot();
    auto again = home.sync().sync(folder.path(), home.study().config());
    REQUIRE(again.ok());
    Changes nothing = again->changes;
    home.adoptSyncedCards(nothing);
    CHECK_FALSE(nothing.bundle);
    CHECK(&home.snapshot() == &current);
}
