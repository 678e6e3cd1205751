#include "store/Database.h"
#include "store/DbError.h"
#include "store/Statement.h"
#include "support/TempDir.h"
#include "sync/Event.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace mlaprep;

namespace {

long long count(Database& database, const std::string& sql)
{
    auto statement = database.prepare(sql);
    REQUIRE(statement.step());
    return statement.columnInt(0);
}

} // namespace

TEST_CASE("migration 9 keeps every attempt, item, answer change and index of a version 8 store",
    "[store][migration]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database old = Database::openAtVersion(path, 8);
        old.execute(
            "INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, time_limit_ms, "
            "started_ms, "
            "elapsed_ms, position, finished_ms, finish_reason, scored_correct, scored_total, scaled_score) "
            "VALUES (3, 'b', '1', 'exam', 11, 7800000, 1000, 5000, 2, 9000, 'time-up', 40, 50, 800), "
            "(8, 'b', '1', 'practice', 12, NULL, 20000, 3000, 1, NULL, NULL, NULL, NULL, NULL)");
        old.execute("INSERT INTO exam_items (attempt_id, position, item_id, case_id, option_order, scored, "
                    "flagged, answer, time_spent_ms, correct) VALUES "
                    "(3, 0, 'q-1', NULL, 'a,b,c', 1, 0, 'a', 1200, 1), "
                    "(3, 1, 'q-2', 'case-1', 'b,a', 0, 1, NULL, 0, 0), "
                    "(8, 0, 'q-1', NULL, 'c,b,a', 1, 1, 'c', 700, NULL)");
        old.execute(
            "INSERT INTO exam_answer_changes (id, attempt_id, item_id, answer, changed_ms, elapsed_ms) "
            "VALUES (1, 3, 'q-1', 'b', 1500, 500), (2, 3, 'q-1', 'a', 1600, 600), "
            "(5, 8, 'q-1', 'c', 21000, 1000)");
    }
    Database upgraded(path);
    REQUIRE(upgraded.schemaVersion() == Database::latestSchemaVersion());
    CHECK(upgraded.integrityCheck(10).empty());
    CHECK(count(upgraded, "SELECT count(*) FROM pragma_foreign_key_check") == 0);

    auto attempts
        = upgraded.prepare("SELECT id, mode, time_limit_ms, elapsed_ms, position, finished_ms, "
                           "finish_reason, scaled_score, running_since_ms FROM exam_attempts ORDER BY id");
    REQUIRE(attempts.step());
    CHECK(attempts.columnInt(0) == 3);
    CHECK(attempts.columnInt(2) == 7800000);
    CHECK(attempts.columnInt(3) == 5000);
    CHECK(attempts.columnInt(4) == 2);
    CHECK(attempts.columnInt(5) == 9000);
    CHECK(attempts.columnText(6) == "time-up");
    CHECK(attempts.columnInt(7) == 800);
    CHECK(attempts.columnIsNull(8));
    REQUIRE(attempts.step());
    CHECK(attempts.columnInt(0) == 8);
    CHECK(attempts.columnText(1) == "practice");
    CHECK(attempts.columnIsNull(2));
    CHECK(attempts.columnIsNull(5));
    // Left open by version 8, whose clock stopped with the app: it comes back paused.
    CHECK(attempts.columnIsNull(8));
    CHECK_FALSE(attempts.step());

    auto items
        = upgraded.prepare("SELECT attempt_id, position, item_id, coalesce(case_id, ''), option_order, "
                           "scored, flagged, coalesce(answer, ''), time_spent_ms, coalesce(correct, -1) "
                           "FROM exam_items ORDER BY attempt_id, position");
    std::vector<std::string> rows;
    while (items.step()) {
        std::string row;
        for (int column = 0; column < 10; ++column) {
            row += (column ? "|" : "") + items.columnText(column);
        }
        rows.push_back(row);
    }
    CHECK(rows
        == std::vector<std::string> {
            "3|0|q-1||a,b,c|1|0|a|1200|1", "3|1|q-2|case-1|b,a|0|1||0|0", "8|0|q-1||c,b,a|1|1|c|700|-1" });
    CHECK(count(upgraded, "SELECT count(*) FROM exam_answer_changes") == 3);
    CHECK(count(upgraded, "SELECT sum(id) FROM exam_answer_changes") == 8);

    for (const char* index : { "exam_attempts_open", "exam_answer_changes_by_item" }) {
        CHECK(count(upgraded,
                  std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") + index
                      + "'")
            == 1);
    }
    CHECK(count(upgraded, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v9'") == 0);

    // The new reason is allowed, an unknown one still is not, and deleting an attempt still cascades.
    upgraded.execute(
        "UPDATE exam_attempts SET finish_reason = 'abandoned', finished_ms = 30000 WHERE id = 8");
    CHECK_THROWS_AS(
        upgraded.execute("UPDATE exam_attempts SET finish_reason = 'gave-up' WHERE id = 8"), DbError);
    upgraded.execute("DELETE FROM exam_attempts WHERE id = 3");
    CHECK(count(upgraded, "SELECT count(*) FROM exam_items") == 1);
    CHECK(count(upgraded, "SELECT count(*) FROM exam_answer_changes") == 1);
}

TEST_CASE("migration 12 gives every exam item of a version 11 store an empty set of struck options",
    "[store][migration]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    {
        Database old = Database::openAtVersion(path, 11);
        old.execute("INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, started_ms) "
                    "VALUES (4, 'b', '1', 'exam', 11, 1000)");
        old.execute("INSERT INTO exam_items (attempt_id, position, item_id, option_order) VALUES "
                    "(4, 0, 'q-1', 'a,b,c'), (4, 1, 'q-2', 'b,a')");
    }
    Database upgraded(path);
    REQUIRE(upgraded.schemaVersion() >= 12);
    CHECK(count(upgraded, "SELECT count(*) FROM exam_items WHERE struck = ''") == 2);
    upgraded.execute("UPDATE exam_items SET struck = 'c' WHERE item_id = 'q-1'");
    CHECK(count(upgraded, "SELECT count(*) FROM exam_items WHERE struck = 'c'") == 1);
}

TEST_CASE("migration 15 gives every attempt of every earlier store a content id and an exam-started event",
    "[store][migration][sync]")
{
    // Exam tables exist from version 4 on.
    for (int version = 4; version < 15; ++version) {
        INFO("a store created at version " << version);
        test::TempDir dir;
        const auto path = dir / "progress.sqlite";
        {
            Database old = Database::openAtVersion(path, version);
            old.execute(
                "INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, time_limit_ms, "
                "started_ms, elapsed_ms, finished_ms, finish_reason, scored_correct, scored_total, "
                "scaled_score) VALUES "
                "(3, 'mla&c01', '2026.11=1', 'exam', 11, 7800000, 1000, 5000, 9000, 'submitted', 40, "
                "50, 800), (8, 'mla', '1', 'practice', -2, NULL, 20000, 0, NULL, NULL, NULL, NULL, NULL)");
        }
        std::filesystem::copy_file(path, dir / "copy.sqlite");
        const auto migrated = [](const std::filesystem::path& file) {
            Database database(file);
            std::string all;
            auto attempts = database.prepare(
                "SELECT a.uuid, coalesce(a.owner_device, 'own'), e.hlc_ms, e.device, e.payload FROM "
                "exam_attempts a JOIN events e ON e.item_id = a.uuid AND e.uuid = a.uuid AND "
                "e.kind = 'exam-started' ORDER BY a.id");
            while (attempts.step()) {
                for (int column = 0; column < 5; ++column) {
                    all += (column ? " " : "") + attempts.columnText(column);
                }
                all += "\n";
            }
            return all;
        };
        const std::string upgraded = migrated(path);
        CHECK(upgraded == migrated(dir / "copy.sqlite"));
        CHECK(upgraded
            == "attempt-mla&c01-2026.11=1-exam-11-1000-3 own 1000 history "
               "bundle=mla%26c01&limit=7800000&mode=exam&seed=11&started=1000&version=2026.11%3D1\n"
               "attempt-mla-1-practice--2-20000-8 own 20000 history "
               "bundle=mla&mode=practice&seed=-2&started=20000&version=1\n");
        Database database(path);
        auto payloads = database.prepare("SELECT payload FROM events WHERE kind = 'exam-started'");
        while (payloads.step()) {
            const auto payload = sync::Payload::decode(payloads.columnText(0));
            REQUIRE(payload);
            CHECK(payload->encode() == payloads.columnText(0));
        }
        CHECK_THROWS_AS(database.execute("UPDATE exam_attempts SET uuid = (SELECT uuid FROM exam_attempts "
                                         "WHERE id = 3) WHERE id = 8"),
            DbError);
    }
}
