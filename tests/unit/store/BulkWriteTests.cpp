#include "store/BulkWrite.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace mlaprep;

namespace {

std::vector<std::string> reviewLogIndexes(Database& database)
{
    auto statement = database.prepare(
        "SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'review_log' "
        "AND sql IS NOT NULL ORDER BY name");
    std::vector<std::string> indexes;
    while (statement.step()) {
        indexes.push_back(statement.columnText(0));
    }
    return indexes;
}

void appendAnswer(Database& database, int day)
{
    database
        .prepare(
            "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
            "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, "
            "stability_after, difficulty_after, due_after_ms) VALUES ('c-1', 'card', ?1, 3, 'review', 1, "
            "6000, 2, 0, 1, 0, 2, 0, 3.5, 5.0, ?1)")
        .bind(1, static_cast<std::int64_t>(day) * 86'400'000)
        .run();
}

std::string queryPlan(Database& database, const std::string& sql)
{
    auto statement = database.prepare("EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (statement.step()) {
        plan += statement.columnText(3) + "\n";
    }
    return plan;
}

} // namespace

TEST_CASE("a bulk write drops a table's own indexes and builds the same ones again", "[store][bulk]")
{
    test::TempDir dir;
    Database database(dir / "store.sqlite");
    const auto before = reviewLogIndexes(database);
    REQUIRE(before.size() == 3);

    Transaction transaction(database);
    std::vector<std::string> during;
    writeWithIndexesRebuilt(database, "review_log", [&] {
        during = reviewLogIndexes(database);
        for (int day = 0; day < 50; ++day) {
            appendAnswer(database, day);
        }
    });
    transaction.commit();

    CHECK(during.empty());
    CHECK(reviewLogIndexes(database) == before);
    CHECK(queryPlan(database, "SELECT id FROM review_log WHERE item_id = 'c-1' ORDER BY reviewed_ms")
              .find("review_log_by_item")
        != std::string::npos);
    auto count = database.prepare("SELECT count(*) FROM review_log WHERE item_id = 'c-1'");
    count.step();
    CHECK(count.columnInt(0) == 50);
    CHECK(database.quickCheck().empty());
}

TEST_CASE("a bulk write that fails leaves the table and its indexes as they were", "[store][bulk]")
{
    test::TempDir dir;
    Database database(dir / "store.sqlite");
    appendAnswer(database, 1);
    const auto before = reviewLogIndexes(database);
    {
        Transaction transaction(database);
        CHECK_THROWS_AS(writeWithIndexesRebuilt(database, "review_log",
                            [&] {
                                appendAnswer(database, 2);
                                throw std::runtime_error("the disk is full");
                            }),
            std::runtime_error);
    }
    CHECK(reviewLogIndexes(database) == before);
    auto count = database.prepare("SELECT count(*) FROM review_log");
    count.step();
    CHECK(count.columnInt(0) == 1);
}

TEST_CASE("indexes are rebuilt only for a write that is large beside the table", "[store][bulk]")
{
    int asked = 0;
    const auto rows = [&](std::int64_t existing) {
        return [&asked, existing] {
            ++asked;
            return existing;
        };
    };
    CHECK_FALSE(worthRebuildingIndexes(10, rows(0)));
    CHECK(asked == 0); // a small write never counts the table
    CHECK(worthRebuildingIndexes(100'000, rows(0)));
    CHECK(worthRebuildingIndexes(100'000, rows(200'000)));
    CHECK_FALSE(worthRebuildingIndexes(5'000, rows(1'000'000)));
    CHECK(asked == 3);
}
