// Every schema version a learner's store can be at upgrades to the latest: for each version v before the
// latest, a store built by scripts 1..v and filled with rows upgrades through Database's own migration,
// keeps every row and ends with the schema a new store has. The versions come from the scripts embedded
// in the build, so a new script is covered the day it is added.

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Statement.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace mlaprep;

namespace {

// Rows for each table, written against the columns the table had when it was created; both a row with
// every optional column empty and one at the edges (negative and 64-bit numbers, empty and non-ASCII
// text). Tables are filled in creation order, so a referenced row is there before its referrer.
const std::map<std::string, std::vector<std::string>> RepresentativeRows = {
    { "settings",
        { "INSERT INTO settings (key, value) VALUES ('exam_date', '2027-01-15'), ('theme', ''), "
          "('note ✓', 'Prüfung — 試験')" } },
    { "note_visits",
        { "INSERT INTO note_visits (note_id, first_opened_ms, last_opened_ms) VALUES ('n-1', 1, 2)",
            "INSERT INTO note_visits (note_id, first_opened_ms, last_opened_ms, open_count) "
            "VALUES ('n-2', -5, 9223372036854775807, 2147483648)" } },
    { "item_states",
        { "INSERT INTO item_states (item_id, kind, phase, due_ms) VALUES ('c-new', 'card', 0, 0), "
          "('u-1', 'card', 0, 1000000002)",
            "INSERT INTO item_states (item_id, kind, phase, step, stability, difficulty, due_ms, "
            "last_review_ms, "
            "reps, lapses) VALUES ('q-review', 'question', 2, 3, 36500.25, 9.999, 1795003200000, -1, 120, "
            "7)" } },
    { "review_log",
        { "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
          "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, stability_after, "
          "difficulty_after, due_after_ms) VALUES ('c-new', 'card', 1795003200000, 1, 'review', 0, 0, 0, 0, "
          "0, 0, "
          "1, 0, 0.212, 6.4133, 1795003260000)",
            "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
            "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, "
            "stability_after, "
            "difficulty_after, due_after_ms) VALUES ('u-1', 'card', 7, 3, 'review', 0, 5, 0, 0, 0, 0, 1, 0, "
            "2.3, 5.1, 60007)",
            "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
            "phase_before, step_before, stability_before, difficulty_before, due_before_ms, "
            "last_review_before_ms, "
            "reps_before, lapses_before, phase_after, step_after, stability_after, difficulty_after, "
            "due_after_ms) "
            "VALUES ('q-review', 'question', 1795003200001, 4, 'exam', 1e-9, 2147483648, 2, 3, 36500.25, "
            "9.999, "
            "1795003200000, -1, 119, 7, 2, 0, 40000.5, 9.5, 9223372036854775807)" } },
    { "exam_attempts",
        { "INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, started_ms) "
          "VALUES (1, 'mla-c01', '1', 'practice', 0, 5)",
            "INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, time_limit_ms, "
            "started_ms, "
            "elapsed_ms, position, finished_ms, finish_reason, scored_correct, scored_total, scaled_score) "
            "VALUES (2, 'mla-c01', '2026.11 ✓', 'exam', -9223372036854775808, 10800000, 7, 10800000, 64, "
            "10800007, 'time-up', 0, 50, 100)" } },
    { "exam_items",
        { "INSERT INTO exam_items (attempt_id, position, item_id, option_order) VALUES (1, 0, 'q-1', "
          "'a,b,c,d')",
            "INSERT INTO exam_items (attempt_id, position, item_id, case_id, option_order, scored, flagged, "
            "answer, "
            "time_spent_ms, correct) VALUES (2, 64, 'q-case-1', 'case-1', '', 0, 1, 'b,d', 120000, 0)" } },
    { "exam_answer_changes",
        { "INSERT INTO exam_answer_changes (attempt_id, item_id, changed_ms, elapsed_ms) VALUES (1, 'q-1', "
          "6, 1)",
            "INSERT INTO exam_answer_changes (attempt_id, item_id, answer, changed_ms, elapsed_ms) "
            "VALUES (2, 'q-case-1', 'b,d', 8, 10799999)" } },
    { "bookmarks",
        { "INSERT INTO bookmarks (target_kind, target_id, created_ms) VALUES ('note', 'n-1', 1), "
          "('heading', 'n-1#sagemaker-überblick', 2), ('question', 'q-1', -1), ('card', 'u-1', 3)" } },
    { "search_index",
        { "INSERT INTO search_index (kind, item_id, anchor, title, body) VALUES ('note', 'n-1', '', 'Data', "
          "''), "
          "('question', 'q-1', 'a', 'Überwachung', 'Which metric — recall or precision?'), "
          "('card', 'u-2', '', 'Front', 'Back ✓')" } },
    { "search_index_source",
        { "INSERT INTO search_index_source (id, bundle_id, bundle_version, fingerprint, built_ms) "
          "VALUES (1, 'mla-c01', '1', '', 0)" } },
    { "user_decks",
        { "INSERT INTO user_decks (id, name, source_file, format, imported_ms) VALUES (1, 'Deck', 'a.txt', "
          "'text', 1)",
            "INSERT INTO user_decks (id, name, source_file, format, task, imported_ms) "
            "VALUES (2, 'Anki ✓', 'collection.apkg', 'apkg', '1.2', 9223372036854775807)" } },
    { "user_cards",
        { "INSERT INTO user_cards (id, deck_id, item_id, front, back, note_key, created_ms) "
          "VALUES (1, 1, 'u-1', '', '', '', 1)",
            "INSERT INTO user_cards (id, deck_id, item_id, guid, front, back, note_key, anki_deck, tags, "
            "task, "
            "created_ms) VALUES (2, 2, 'u-2', 'f:G{x', '<b>Front</b>', 'Back ✓', 'front back', 'Deck::Sub', "
            "'aws ml', '1.2', 2)" } },
    { "error_reports",
        { "INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, created_ms) "
          "VALUES ('mla-c01', '1', 'note', 'n-1', 'typo', 1)",
            "INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, comment, "
            "created_ms) "
            "VALUES ('mla-c01', '1', 'user-card', 'u-2', 'wrong key', 'Die Antwort ist „b“', -1)" } },
    { "item_revisions",
        { "INSERT INTO item_revisions (item_id, revision) VALUES ('q-review', 1), ('c-old', 2147483648), "
          "('u-2', 2)" } },
    { "events",
        { "INSERT INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin) VALUES "
          "('e-1', 1, 0, 'd-1', 'review', 'u-1', 'at=1', 'local'), "
          "('e-2', 2, 0, 'd-2', 'bookmark', 'card:u-1', 'at=2&on=1', 'remote'), "
          "('e-3', 3, 1, 'd-2', 'error-report-retraction', 'user-card:u-2', 'target=r', 'remote'), "
          "('e-4', 4, 0, 'd-1', 'setting', 'u-1', 'value=1', 'local')" } },
    { "item_holds",
        { "INSERT INTO item_holds (item_id, suspended, buried_until_ms) VALUES ('u-2', 1, NULL)" } },
    { "item_actions",
        { "INSERT INTO item_actions (item_id, action, at_ms, after_log_id, suspended_before, phase_before, "
          "step_before, due_before_ms, reps_before, lapses_before) VALUES ('u-1', 'bury', 5, 0, 0, 0, 0, 9, "
          "0, 0)" } },
};

// Version 17 renames the user cards imported before it ("u-" and the row id) to "u-", their deck's
// imported_ms, "-" and the row id, wherever a table or an event names them (the setting event e-4 merely
// has a key that looks like one). Rows written since user cards came (version 7) and before it are expected
// under the new names; before version 7 a 'u-1' is no user card and keeps its name.
constexpr int UserCardsVersion = 7;
constexpr int UserCardRenameVersion = 17;
const std::map<std::string, std::string> UserCardRenames = {
    { "'u-1'", "'u-1-1'" },
    { "'u-2'", "'u-9223372036854775807-2'" },
    { "'card:u-1'", "'card:u-1-1'" },
    { "'user-card:u-2'", "'user-card:u-9223372036854775807-2'" },
};

std::vector<std::string> strings(Database& database, const std::string& sql)
{
    std::vector<std::string> values;
    auto statement = database.prepare(sql);
    while (statement.step()) {
        values.push_back(statement.columnText(0));
    }
    return values;
}

// The tables a learner's data lives in, in creation order: not SQLite's own, and not the shadow tables
// that hold a virtual table's index (they are compared through the virtual table).
std::vector<std::string> dataTables(Database& database)
{
    const auto virtualTables = strings(
        database, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'");
    std::vector<std::string> tables;
    for (const auto& name : strings(database,
             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
             "ORDER BY rowid")) {
        const bool shadow = std::any_of(virtualTables.begin(), virtualTables.end(),
            [&](const std::string& owner) { return name != owner && name.rfind(owner + "_", 0) == 0; });
        if (!shadow) {
            tables.push_back(name);
        }
    }
    return tables;
}

std::vector<std::string> columnsOf(Database& database, const std::string& table)
{
    return strings(database, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
}

// A table's rows with every value as an SQL literal (quote()), so that types and NULLs compare too.
struct TableData {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

TableData read(Database& database, const std::string& table)
{
    TableData data { columnsOf(database, table), {} };
    std::string select;
    for (const auto& column : data.columns) {
        select += (select.empty() ? "" : ", ") + std::string("quote(\"") + column + "\")";
    }
    auto statement = database.prepare("SELECT " + select + " FROM \"" + table + "\"");
    while (statement.step()) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < data.columns.size(); ++i) {
            row.push_back(statement.columnText(static_cast<int>(i)));
        }
        data.rows.push_back(std::move(row));
    }
    return data;
}

// The rows as version 17 renames their user cards; the row whose first value is `untouched` keeps its own.
void renameUserCards(TableData& data, const std::string& untouched)
{
    for (auto& row : data.rows) {
        if (!untouched.empty() && row.front() == "'" + untouched + "'") {
            continue;
        }
        for (auto& value : row) {
            if (const auto renamed = UserCardRenames.find(value); renamed != UserCardRenames.end()) {
                value = renamed->second;
            }
        }
    }
}

// The rows on just these columns (which the table must have), one text per row, sorted.
std::vector<std::string> project(const TableData& data, const std::vector<std::string>& columns)
{
    std::vector<std::size_t> indexes;
    for (const auto& column : columns) {
        indexes.push_back(static_cast<std::size_t>(
            std::find(data.columns.begin(), data.columns.end(), column) - data.columns.begin()));
    }
    std::vector<std::string> rows;
    for (const auto& row : data.rows) {
        std::string text;
        for (const std::size_t index : indexes) {
            text += (text.empty() ? "" : ", ") + row.at(index);
        }
        rows.push_back(text);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// A table no representative row was written for (one a newer script added): a row of the right types,
// which its constraints may refuse.
void fillGenerically(Database& database, const std::string& table)
{
    std::string columns;
    std::string values;
    auto info
        = database.prepare("SELECT name, upper(type) FROM pragma_table_info('" + table + "') ORDER BY cid");
    while (info.step()) {
        const std::string type = info.columnText(1);
        columns += (columns.empty() ? "\"" : ", \"") + info.columnText(0) + "\"";
        values += values.empty() ? "" : ", ";
        values += type.find("INT") != std::string::npos ? "1"
            : type.find("REAL") != std::string::npos    ? "0.5"
                                                        : "'x'";
    }
    try {
        database.execute("INSERT INTO \"" + table + "\" (" + columns + ") VALUES (" + values + ")");
    } catch (const DbError& error) {
        WARN("table " << table
                      << " has no representative row in MigrationTests.cpp and refused a generic one ("
                      << error.what() << "): its rows are not checked across upgrades");
    }
}

void fill(Database& database)
{
    for (const auto& table : dataTables(database)) {
        const auto rows = RepresentativeRows.find(table);
        if (rows == RepresentativeRows.end()) {
            fillGenerically(database, table);
            continue;
        }
        for (const auto& insert : rows->second) {
            database.execute(insert);
        }
    }
}

std::string normalised(const std::string& sql)
{
    std::istringstream words(sql);
    std::string word;
    std::string text;
    while (words >> word) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

// Every table, index, view and trigger with its definition, whitespace normalised, sorted by name.
std::vector<std::string> schemaOf(Database& database)
{
    std::vector<std::string> schema;
    auto statement = database.prepare(
        "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_master");
    while (statement.step()) {
        schema.push_back(normalised(statement.columnText(0)));
    }
    std::sort(schema.begin(), schema.end());
    return schema;
}

// The rows of `before` that `after` lacks (both sorted; a row stored twice must be there twice).
std::vector<std::string> missingRows(
    const std::vector<std::string>& before, const std::vector<std::string>& after)
{
    std::vector<std::string> missing;
    std::set_difference(
        before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(missing));
    return missing;
}

std::vector<std::string> intersection(
    const std::vector<std::string>& before, const std::vector<std::string>& after)
{
    std::vector<std::string> kept;
    std::copy_if(before.begin(), before.end(), std::back_inserter(kept), [&](const std::string& column) {
        return std::find(after.begin(), after.end(), column) != after.end();
    });
    return kept;
}

} // namespace

TEST_CASE("a store at every earlier version upgrades to the latest, keeps its rows and matches a new store",
    "[store][migration]")
{
    const int latest = Database::latestSchemaVersion();
    REQUIRE(latest == static_cast<int>(migrationScripts().size()));
    REQUIRE(latest >= 2);

    test::TempDir dir;
    std::vector<std::string> freshSchema;
    {
        Database fresh(dir / "fresh.sqlite");
        REQUIRE(fresh.schemaVersion() == latest);
        freshSchema = schemaOf(fresh);
    }

    for (int version = 1; version < latest; ++version) {
        INFO("a store created at version " << version << " of " << latest);
        const auto path = dir / ("v" + std::to_string(version) + ".sqlite");
        std::map<std::string, TableData> before;
        {
            Database old = Database::openAtVersion(path, version);
            REQUIRE(old.schemaVersion() == version);
            fill(old);
            for (const auto& table : dataTables(old)) {
                before[table] = read(old, table);
            }
        }

        Database upgraded(path);
        CHECK(upgraded.migrated());
        CHECK(upgraded.schemaVersion() == latest);
        CHECK(schemaOf(upgraded) == freshSchema);
        const auto tables = dataTables(upgraded);
        for (const auto& [table, old] : before) {
            INFO("table " << table);
            REQUIRE(std::find(tables.begin(), tables.end(), table) != tables.end());
            const TableData now = read(upgraded, table);
            // Rows compare on the columns the table still has (a script may drop a column on purpose); a
            // script may add rows (008 gives every item state a revision), never lose or change one.
            const auto kept = intersection(old.columns, now.columns);
            TableData expected = old;
            if (version >= UserCardsVersion && version < UserCardRenameVersion) {
                renameUserCards(expected, table == "events" ? "e-4" : "");
            }
            CHECK(missingRows(project(expected, kept), project(now, kept)) == std::vector<std::string> {});
        }
    }
}
