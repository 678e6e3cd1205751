#pragma once

#include "services/AnkiService.h"
#include "services/BookmarkService.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/Statement.h"
#include "support/StudyFixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace mlaprep::test {

// One machine: its own store and clock, studying the minimal bundle, syncing through a shared folder.
struct Device {
    explicit Device(std::chrono::milliseconds clockOffset = std::chrono::milliseconds(0))
    {
        clock.advance(clockOffset);
    }

    StudyFixture fixture;
    ManualClock& clock = fixture.clock;
    std::shared_ptr<Store>& store = fixture.store;
    StudyService& study = fixture.study;
    BookmarkService bookmarks { store, clock };
    SyncService syncService { store, clock };
    ExamService exams { store, fixture.loaded.bundle, clock, study.config() };

    SyncSummary sync(const std::filesystem::path& folder)
    {
        auto summary = syncService.sync(folder, study.config());
        INFO(summary.firstError());
        REQUIRE(summary.ok());
        return summary.value();
    }

    void answer(const std::string& item, fsrs::Rating rating)
    {
        REQUIRE(study.answer(item, rating, std::chrono::seconds(5)).ok());
    }

    // Every row of the query, one line each, sorted: tables compared across stores whatever their row ids.
    std::string rows(const std::string& sql, int columns)
    {
        auto statement = store->database().prepare(sql);
        std::vector<std::string> lines;
        while (statement.step()) {
            std::ostringstream line;
            for (int c = 0; c < columns; ++c) {
                line << (statement.columnIsNull(c) ? "NULL" : statement.columnText(c)) << '|';
            }
            lines.push_back(line.str());
        }
        std::sort(lines.begin(), lines.end());
        std::string all;
        for (const auto& line : lines) {
            all += line + '\n';
        }
        return all;
    }

    std::string itemStates()
    {
        return rows(
            "SELECT item_id, phase, step, stability, difficulty, due_ms, last_review_ms, reps, lapses "
            "FROM item_states WHERE reps > 0",
            9);
    }
    std::string history()
    {
        return rows("SELECT item_id, reviewed_ms, rating, source, elapsed_days, duration_ms, phase_after, "
                    "step_after, stability_after, difficulty_after, due_after_ms, event_uuid FROM review_log",
            12);
    }
    std::string bookmarkRows() { return rows("SELECT target_kind, target_id FROM bookmarks", 2); }
    std::string syncedSettings()
    {
        return rows("SELECT key, value FROM settings WHERE key LIKE 'srs.%' OR key LIKE 'plan.%'", 2);
    }
    // The finished attempts with their items and answer changes, by uuid, the device that owns each
    // named by its id whether it is this one or another: equal on every device that synced them.
    std::string finishedAttempts()
    {
        const std::string owner = "coalesce(a.owner_device, '" + deviceIdBeside(store->path()) + "')";
        return rows("SELECT a.uuid, " + owner
                       + ", bundle_id, bundle_version, mode, seed, time_limit_ms, started_ms, elapsed_ms, "
                         "position, finished_ms, finish_reason, scored_correct, scored_total, scaled_score "
                         "FROM exam_attempts a WHERE finished_ms IS NOT NULL",
                   15)
            + rows("SELECT a.uuid, i.position, i.item_id, i.case_id, i.option_order, i.scored, i.flagged, "
                   "i.answer, i.time_spent_ms, i.correct, i.struck FROM exam_items i JOIN exam_attempts a ON "
                   "a.id = i.attempt_id WHERE a.finished_ms IS NOT NULL",
                11)
            + rows(
                "SELECT a.uuid, c.item_id, c.answer, c.changed_ms, c.elapsed_ms FROM exam_answer_changes c "
                "JOIN exam_attempts a ON a.id = c.attempt_id WHERE a.finished_ms IS NOT NULL",
                5);
    }
    // The imported cards with their decks, whatever their row ids, and whether each has a state.
    std::string userCardRows()
    {
        return rows("SELECT c.item_id, d.uuid, d.name, d.source_file, d.format, coalesce(d.task, ''), "
                    "d.imported_ms, c.guid, c.front, c.back, c.note_key, c.anki_deck, c.tags, "
                    "coalesce(c.task, ''), c.created_ms, s.item_id IS NOT NULL "
                    "FROM user_cards c JOIN user_decks d ON d.id = c.deck_id "
                    "LEFT JOIN item_states s ON s.item_id = c.item_id",
            16);
    }
    // The imported cards the store holds (imported here or synced), made studyable as the app does.
    std::vector<UserCard> adoptUserCards()
    {
        auto cards = AnkiService(store, clock).userCards();
        REQUIRE(cards.ok());
        study.addItems(studyItemsOf(cards.value(), fixture.loaded.bundle));
        return cards.value();
    }
    std::int64_t count(const std::string& sql)
    {
        auto statement = store->database().prepare(sql);
        statement.step();
        return statement.columnInt(0);
    }
};

inline void requireSameLearning(Device& a, Device& b)
{
    CHECK(a.itemStates() == b.itemStates());
    CHECK(a.history() == b.history());
    CHECK(a.bookmarkRows() == b.bookmarkRows());
    CHECK(a.syncedSettings() == b.syncedSettings());
}

} // namespace mlaprep::test
