#include "services/NoteService.h"
#include "services/Store.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace std::chrono_literals;

TEST_CASE("opening a note records first and last visit and survives reopening the store", "[services]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto path = dir / "progress.sqlite";
    const Instant start = clock.now();
    {
        auto store = Store::open(path);
        REQUIRE(store.ok());
        NoteService notes(store.value(), clock);
        auto changes = notes.markOpened("n-1.1");
        REQUIRE(changes.ok());
        CHECK(changes->noteVisits);
        CHECK(changes->ids == std::vector<std::string> { "n-1.1" });
        clock.advance(90s);
        REQUIRE(notes.markOpened("n-2.1").ok());
        clock.advance(60s);
        REQUIRE(notes.markOpened("n-1.1").ok());
    }
    auto store = Store::open(path);
    REQUIRE(store.ok());
    NoteService notes(store.value(), clock);
    auto visits = notes.visits();
    REQUIRE(visits.ok());
    REQUIRE(visits->size() == 2);
    const NoteVisit& first = visits->at("n-1.1");
    CHECK(first.openCount == 2);
    CHECK(first.firstOpened == start);
    CHECK(first.lastOpened == start + 150s);
    CHECK(notes.lastOpenedNote() == "n-1.1");
}

TEST_CASE("a store that cannot be opened is a problem naming the file, not an exception", "[services]")
{
    test::TempDir dir;
    std::filesystem::create_directories(dir / "progress.sqlite"); // a folder where the file should be
    auto store = Store::open(dir / "progress.sqlite");
    REQUIRE_FALSE(store.ok());
    CHECK(store.problems().at(0).file == (dir / "progress.sqlite").string());
    CHECK(store.problems().at(0).message.find("cannot be read or written") != std::string::npos);
}
