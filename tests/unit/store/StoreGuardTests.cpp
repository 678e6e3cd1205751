// Issue 16's findings on damaged stores: each test is named after what a damaged store did before.

#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/StoreFiles.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace mlaprep;

namespace {

constexpr std::time_t Day = 24 * 3600;
// 2026-11-18 12:00 UTC.
constexpr std::time_t Noon = 1'795'003'200;

std::string fileBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string message(const Result<std::shared_ptr<Store>>& result)
{
    return result.ok() ? std::string() : result.problems().front().message;
}

// A store with a table big enough to have interior b-tree pages, closed cleanly.
void makeStoreWithData(const std::filesystem::path& path, std::time_t now = Noon)
{
    auto store = Store::open(path, now);
    REQUIRE(store.ok());
    auto& database = store.value()->database();
    database.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)");
    database.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
                     "INSERT INTO filler SELECT i, printf('%0200d', i) FROM n");
}

// Overwrites the middle of the filler table's root page (an interior page) with garbage.
void damageInteriorPage(const std::filesystem::path& path)
{
    int rootPage = 0;
    int pageSize = 0;
    {
        Database database(path, Database::Mode::ReadOnly);
        auto root = database.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'");
        REQUIRE(root.step());
        rootPage = static_cast<int>(root.columnInt(0));
        auto size = database.prepare("PRAGMA page_size");
        REQUIRE(size.step());
        pageSize = static_cast<int>(size.columnInt(0));
    }
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(static_cast<std::streamoff>(rootPage - 1) * pageSize + 8);
    const std::string garbage(static_cast<std::size_t>(pageSize / 2), '\x7f');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

// Overwrites one leaf page in the middle of the filler table with garbage: the rows it held are lost, the
// rest of the table can still be walked.
void damageLeafPage(const std::filesystem::path& path)
{
    int leafPage = 0;
    int pageSize = 0;
    {
        Database database(path, Database::Mode::ReadOnly);
        auto leaf = database.prepare("SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' "
                                     "ORDER BY pageno LIMIT 1 OFFSET 50");
        REQUIRE(leaf.step());
        leafPage = static_cast<int>(leaf.columnInt(0));
        auto size = database.prepare("PRAGMA page_size");
        REQUIRE(size.step());
        pageSize = static_cast<int>(size.columnInt(0));
    }
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(static_cast<std::streamoff>(leafPage - 1) * pageSize);
    const std::string garbage(static_cast<std::size_t>(pageSize), '\x7f');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

std::int64_t fillerRows(const std::filesystem::path& path)
{
    auto store = Store::open(path, Noon + 3 * Day);
    INFO(message(store));
    REQUIRE(store.ok());
    auto rows = store.value()->database().prepare("SELECT count(*), min(id), max(id) FROM filler");
    REQUIRE(rows.step());
    CHECK(rows.columnInt(1) == 1);
    CHECK(rows.columnInt(2) == 4000);
    return rows.columnInt(0);
}

void leaveOpenMarker(const std::filesystem::path& path)
{
    std::ofstream(StoreFiles(path).openMarker) << "12345\n";
}

} // namespace

TEST_CASE("a store with user_version -1 is refused as damaged instead of crashing the migration",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database database(path);
        database.execute("PRAGMA user_version = -1");
    }
    try {
        Database again(path);
        FAIL("opened a store with a negative schema version");
    } catch (const DbError& e) {
        CHECK(e.kind == DbError::Kind::Corrupt);
    }
    CHECK_THROWS_AS(Database(path, Database::Mode::ReadOnly), DbError);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(message(store).find("damaged") != std::string::npos);
    CHECK_FALSE(Store::openReadOnly(path).ok());
}

TEST_CASE("a store from a newer mlaprep is refused by every open and left unchanged", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database database(path);
        database.execute("PRAGMA user_version = 999");
    }
    const auto before = fileBytes(path);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(message(store).find("newer version of mlaprep") != std::string::npos);
    CHECK_FALSE(Store::openReadOnly(path).ok());
    CHECK(fileBytes(path) == before);
}

TEST_CASE("a zero-length store where one was recorded is reported, not recreated", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    std::filesystem::resize_file(path, 0);
    auto store = Store::open(path, Noon + 60);
    REQUIRE_FALSE(store.ok());
    CHECK(message(store).find("now empty") != std::string::npos);
    CHECK(message(Store::openReadOnly(path)).find("now empty") != std::string::npos);
    CHECK(std::filesystem::file_size(path) == 0);
}

TEST_CASE("a missing store where one was recorded is reported, not recreated", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    std::filesystem::remove(path);
    auto store = Store::open(path, Noon + 60);
    REQUIRE_FALSE(store.ok());
    CHECK(message(store).find("now missing") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a store with a damaged interior page is refused after an unclean shutdown and not written to",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    damageInteriorPage(path);
    leaveOpenMarker(path);
    const auto before = fileBytes(path);
    auto store = Store::open(path, Noon + 60);
    REQUIRE_FALSE(store.ok());
    CHECK(message(store).find("damaged") != std::string::npos);
    CHECK(message(store).find("nothing was written") != std::string::npos);
    CHECK(fileBytes(path) == before);
    // Once found, the damage is remembered: no later open writes to it, checked or not.
    std::filesystem::remove(StoreFiles(path).openMarker);
    CHECK_FALSE(Store::open(path, Noon + 120).ok());
    CHECK_FALSE(Store::openReadOnly(path).ok());
    CHECK(fileBytes(path) == before);
}

TEST_CASE("a damaged store is found by the weekly check", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    damageInteriorPage(path);
    CHECK_FALSE(Store::open(path, Noon + 8 * Day).ok());
}

TEST_CASE("a clean store is not checked again within the week", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    const auto checkedAt = readSmallFile(StoreFiles(path).knownMarker);
    REQUIRE(Store::open(path, Noon + Day).ok());
    CHECK(readSmallFile(StoreFiles(path).knownMarker) == checkedAt);
    REQUIRE(Store::open(path, Noon + 8 * Day).ok());
    CHECK(readSmallFile(StoreFiles(path).knownMarker) == std::to_string(Noon + 8 * Day));
}

TEST_CASE(
    "the first open of each day writes one backup, and daily backups are kept for 7 days", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    for (int day = 1; day <= 10; ++day) {
        REQUIRE(Store::open(path, Noon + day * Day).ok());
        REQUIRE(Store::open(path, Noon + day * Day + 60).ok());
    }
    const StoreFiles files(path);
    CHECK(std::filesystem::exists(files.dailyBackup(localDay(Noon + 10 * Day))));
    CHECK(std::filesystem::exists(files.dailyBackup(localDay(Noon + 4 * Day))));
    CHECK_FALSE(std::filesystem::exists(files.dailyBackup(localDay(Noon + 3 * Day))));
    CHECK(Store::backups(path).size() == 7);
    Database backup(files.dailyBackup(localDay(Noon + 10 * Day)), Database::Mode::ReadOnly);
    auto rows = backup.prepare("SELECT count(*) FROM filler");
    REQUIRE(rows.step());
    CHECK(rows.columnInt(0) == 4000);
}

TEST_CASE("a migration writes a backup of the old file first", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database old = Database::openAtVersion(path, 1);
        old.execute("INSERT INTO settings (key, value) VALUES ('exam_date', '2027-01-15')");
    }
    REQUIRE(Store::open(path).ok());
    bool found = false;
    for (const auto& backup : Store::backups(path)) {
        if (backup.filename().string().rfind("before-v1-", 0) == 0) {
            found = true;
            CHECK(Database(backup, Database::Mode::ReadOnly).schemaVersion() == 1);
        }
    }
    CHECK(found);
}

TEST_CASE("restore puts the newest good backup in place of a damaged store and keeps the damaged file",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    REQUIRE(Store::open(path, Noon + Day).ok()); // writes the day's backup
    damageInteriorPage(path);
    leaveOpenMarker(path);
    const auto damaged = fileBytes(path);
    REQUIRE_FALSE(Store::open(path, Noon + Day + 60).ok());
    auto restored = Store::restore(path, std::nullopt, Noon + Day + 120);
    INFO((restored.ok() ? "" : restored.problems().front().message));
    REQUIRE(restored.ok());
    CHECK(fileBytes(path.string() + ".replaced-" + localStamp(Noon + Day + 120)) == damaged);
    auto store = Store::open(path, Noon + Day + 180);
    INFO(message(store));
    REQUIRE(store.ok());
    auto rows = store.value()->database().prepare("SELECT count(*) FROM filler");
    REQUIRE(rows.step());
    CHECK(rows.columnInt(0) == 4000);
}

TEST_CASE("a backup on demand is a consistent copy beside the store", "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    auto store = Store::open(path, Noon + 60);
    REQUIRE(store.ok());
    auto written = store.value()->backup(std::nullopt, Noon + 90);
    REQUIRE(written.ok());
    CHECK(written.value().parent_path() == StoreFiles(path).backupDir);
    CHECK(Database(written.value(), Database::Mode::ReadOnly).quickCheck().empty());
}

TEST_CASE("a reading command after an unclean shutdown finds the damage instead of reading past it",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    damageInteriorPage(path);
    const auto damaged = fileBytes(path);
    SECTION("after a clean shutdown nothing is checked, so the read goes on")
    {
        CHECK(Store::openReadOnly(path).ok());
    }
    SECTION("after an unclean one the check runs, the store is refused and marked for every later open")
    {
        leaveOpenMarker(path);
        auto store = Store::openReadOnly(path);
        REQUIRE_FALSE(store.ok());
        CHECK(message(store).find("damaged") != std::string::npos);
        CHECK(std::filesystem::exists(StoreFiles(path).damagedMarker));
        CHECK_FALSE(Store::open(path, Noon + 60).ok());
        CHECK(fileBytes(path) == damaged);
    }
}

TEST_CASE("a store in a read-only folder opens read-only for reading commands", "[store][hostile]")
{
    test::TempDir dir;
    const auto folder = dir / "readonly";
    const auto path = folder / "progress.sqlite";
    makeStoreWithData(path);
    std::filesystem::permissions(dir.path(),
        std::filesystem::perms::owner_all | std::filesystem::perms::others_read
            | std::filesystem::perms::others_exec);
    std::filesystem::permissions(folder,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec
            | std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::others_read);
    // Root may write anywhere, so the reading side runs as nobody in a child process.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
            _exit(3);
        }
        auto store = Store::openReadOnly(path);
        if (!store.ok()) {
            _exit(1);
        }
        auto rows = store.value()->database().prepare("SELECT count(*) FROM filler");
        _exit(rows.step() && rows.columnInt(0) == 4000 ? 0 : 2);
    }
    int status = 0;
    waitpid(child, &status, 0);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE(
    "the store's messages read in plain words, not \"the data file is cannot be read\"", "[store][hostile]")
{
    const Problem problem = storeProblem(DbError(DbError::Kind::Io, "disk I/O error"));
    INFO(problem.message);
    CHECK(problem.message.find("the data file cannot be read or written") != std::string::npos);
}

TEST_CASE("recovering a store with a damaged page copies every row still readable into a new file",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    damageLeafPage(path);
    leaveOpenMarker(path);
    REQUIRE_FALSE(Store::open(path, Noon + 60).ok());
    // A page SQLite cannot walk fails the check's own statement: that is a finding, and marks the store.
    CHECK(Store::markedDamaged(path));
    const auto damaged = fileBytes(path);

    auto recovered = Store::recover(path, Noon + 120);
    INFO((recovered.ok() ? "" : recovered.problems().front().message));
    REQUIRE(recovered.ok());
    CHECK(recovered->damagedStretches >= 1);
    CHECK(recovered->tablesLost.empty());
    CHECK(fileBytes(recovered->keptAs) == damaged);
    const auto rows = fillerRows(path);
    // One 4 KiB page holds about twenty 200-byte rows: those are gone, the other 3,980 or so are not.
    CHECK(rows < 4000);
    CHECK(rows > 3950);
    CHECK(recovered->rowsCopied >= rows);
    CHECK_FALSE(std::filesystem::exists(StoreFiles(path).damagedMarker));
}

TEST_CASE("a table whose root page is damaged is reported lost and the other tables are recovered",
    "[store][hostile]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    makeStoreWithData(path);
    {
        auto store = Store::open(path, Noon + 10);
        REQUIRE(store.ok());
        store.value()->database().execute("INSERT INTO settings (key, value) VALUES ('kept', 'yes')");
    }
    damageInteriorPage(path);
    auto recovered = Store::recover(path, Noon + 120);
    INFO((recovered.ok() ? "" : recovered.problems().front().message));
    REQUIRE(recovered.ok());
    CHECK(recovered->tablesLost == std::vector<std::string> { "filler" });
    auto store = Store::open(path, Noon + 180);
    INFO(message(store));
    REQUIRE(store.ok());
    auto kept = store.value()->database().prepare("SELECT value FROM settings WHERE key = 'kept'");
    REQUIRE(kept.step());
    CHECK(kept.columnText(0) == "yes");
}
