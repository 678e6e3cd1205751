// No exception crosses a service boundary: whatever a service call throws comes back as a failed Result
// whose problem says whose it is (the data file, the disk, or mlaprep itself).

#include "services/BookmarkService.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <system_error>

using namespace mlaprep;

namespace {

template <typename Throw> Result<int> guardedThrow(Throw&& throwIt)
{
    return guardStore<int>(
        [&]() -> Result<int> {
            throwIt();
            return 1;
        },
        "q-1");
}

} // namespace

TEST_CASE("the service guard turns every exception into a problem of its kind, keeping the item",
    "[services][problems]")
{
    const auto store = guardedThrow([] { throw DbError(DbError::Kind::Locked, "database is locked"); });
    REQUIRE_FALSE(store.ok());
    REQUIRE(store.problems().size() == 1);
    CHECK(store.problems()[0].kind == ProblemKind::Store);
    CHECK(store.problems()[0].itemId == "q-1");
    CHECK(store.problems()[0].message.find("is in use by another program (database is locked)")
        != std::string::npos);

    const auto disk = guardedThrow([] {
        throw std::filesystem::filesystem_error(
            "rename", "/data/progress.sqlite", std::make_error_code(std::errc::read_only_file_system));
    });
    REQUIRE_FALSE(disk.ok());
    CHECK(disk.problems()[0].kind == ProblemKind::Io);
    CHECK(disk.problems()[0].file == "/data/progress.sqlite");

    // The question-bank importer's kind of escape: a JSON library exception.
    const auto json = guardedThrow([] { const auto parsed = nlohmann::json::parse("[1, "); });
    REQUIRE_FALSE(json.ok());
    CHECK(json.problems()[0].kind == ProblemKind::Internal);
    CHECK(json.problems()[0].message.find("parse error") != std::string::npos);

    const auto unknown = guardedThrow([] { throw 42; });
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.problems()[0].kind == ProblemKind::Internal);
    CHECK(unknown.problems()[0].itemId == "q-1");

    const auto fine = guardedThrow([] {});
    REQUIRE(fine.ok());
    CHECK(fine.value() == 1);
}

TEST_CASE(
    "a service whose table is gone returns a data-file problem instead of throwing", "[services][problems]")
{
    test::TempDir dir;
    test::ManualClock clock;
    auto store = Store::open(dir / "progress.sqlite");
    REQUIRE(store.ok());
    store.value()->database().execute("DROP TABLE bookmarks");
    store.value()->database().execute("DROP TABLE note_visits");

    BookmarkService bookmarks(store.value(), clock);
    Result<Changes> toggled = Result<Changes>::failure(Problem {});
    REQUIRE_NOTHROW(toggled = bookmarks.toggle("note", "n-1"));
    REQUIRE_FALSE(toggled.ok());
    CHECK(toggled.problems()[0].kind == ProblemKind::Store);
    CHECK(toggled.problems()[0].itemId == "n-1");
    CHECK_FALSE(bookmarks.all().ok());

    NoteService notes(store.value(), clock);
    const auto opened = notes.markOpened("n-1");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problems()[0].kind == ProblemKind::Store);
    CHECK(opened.problems()[0].itemId == "n-1");
}

TEST_CASE("a store that cannot be opened says it is the data file's problem", "[services][problems]")
{
    test::TempDir dir;
    std::filesystem::create_directories(dir / "progress.sqlite");
    const auto store = Store::open(dir / "progress.sqlite");
    REQUIRE_FALSE(store.ok());
    CHECK(store.problems()[0].kind == ProblemKind::Store);
    CHECK(store.problems()[0].file == (dir / "progress.sqlite").string());
}
