#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;

namespace {

bool tableExists(Database& database, const std::string& name)
{
    auto statement
        = database.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    statement.bind(1, name);
    statement.step();
    return statement.columnInt(0) == 1;
}

std::string pragma(Database& database, const std::string& name)
{
    auto statement = database.prepare("PRAGMA " + name);
    statement.step();
    return statement.columnText(0);
}

} // namespace

TEST_CASE("a new store is created at the latest schema with WAL and foreign keys", "[store]")
{
    test::TempDir dir;
    Database database(dir / "sub" / "progress.sqlite");
    CHECK(database.schemaVersion() == Database::latestSchemaVersion());
    CHECK(Database::latestSchemaVersion() >= 2);
    CHECK(pragma(database, "journal_mode") == "wal");
    CHECK(pragma(database, "foreign_keys") == "1");
    CHECK(tableExists(database, "settings"));
    CHECK(tableExists(database, "note_visits"));
}

TEST_CASE("a version 1 store upgrades to the latest and keeps its data", "[store]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database old = Database::openAtVersion(path, 1);
        REQUIRE(old.schemaVersion() == 1);
        REQUIRE_FALSE(tableExists(old, "note_visits"));
        old.execute("INSERT INTO settings (key, value) VALUES ('exam_date', '2027-01-15')");
    }
    Database upgraded(path);
    CHECK(upgraded.schemaVersion() == Database::latestSchemaVersion());
    CHECK(tableExists(upgraded, "note_visits"));
    auto statement = upgraded.prepare("SELECT value FROM settings WHERE key = 'exam_date'");
    REQUIRE(statement.step());
    CHECK(statement.columnText(0) == "2027-01-15");
}

TEST_CASE("a store from a newer mlaprep is refused, not downgraded", "[store]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database database(path);
        database.execute("PRAGMA user_version = 999");
    }
    try {
        Database again(path);
        FAIL("opened a store with a newer schema");
    } catch (const DbError& e) {
        CHECK(e.kind == DbError::Kind::FileTooNew);
    }
}

TEST_CASE("a file that is not SQLite is reported as corrupt", "[store]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    std::ofstream(path) << "this is not a database, just text that is long enough to have a header page";
    try {
        Database database(path);
        FAIL("opened a text file as a store");
    } catch (const DbError& e) {
        CHECK(e.kind == DbError::Kind::Corrupt);
    }
}

TEST_CASE("a transaction that is not committed leaves nothing behind", "[store]")
{
    test::TempDir dir;
    Database database(dir / "progress.sqlite");
    {
        Transaction transaction(database);
        database.execute("INSERT INTO settings (key, value) VALUES ('a', '1')");
    }
    {
        Transaction transaction(database);
        database.execute("INSERT INTO settings (key, value) VALUES ('b', '2')");
        transaction.commit();
    }
    auto statement = database.prepare("SELECT group_concat(key) FROM settings");
    statement.step();
    CHECK(statement.columnText(0) == "b");
}

TEST_CASE("a read-only open never creates a store", "[store]")
{
    test::TempDir dir;
    const auto path = dir / "absent.sqlite";
    CHECK_THROWS_AS(Database(path, Database::Mode::ReadOnly), DbError);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a version 7 store records revision 1 for every item state it holds", "[store]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database old = Database::openAtVersion(path, 7);
        old.execute("INSERT INTO item_states (item_id, kind, phase, due_ms) VALUES ('c-1', 'card', 2, 5), "
                    "('q-1', 'question', 0, 6)");
    }
    Database upgraded(path);
    auto statement = upgraded.prepare("SELECT item_id, revision FROM item_revisions ORDER BY item_id");
    REQUIRE(statement.step());
    CHECK(statement.columnText(0) == "c-1");
    CHECK(statement.columnInt(1) == 1);
    REQUIRE(statement.step());
    CHECK(statement.columnText(0) == "q-1");
    CHECK_FALSE(statement.step());
}
