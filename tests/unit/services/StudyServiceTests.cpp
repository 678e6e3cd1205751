#include "content/BundleLoader.h"
#include "fsrs/Optimizer.h"
#include "services/ReviewRecorder.h"
#include "services/SettingsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/SettingsEdit.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace mlaprep;
using namespace std::chrono_literals;
using fsrs::Rating;

namespace {

// 2026-11-18 12:00 UTC.
const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);

struct StudyFixture {
    test::TempDir dir;
    test::ManualClock clock { Noon };
    LoadedBundle loaded = loadBundle(test::minimalBundleDir(), clock);
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    StudyService study { store, srs::studyItemsOf(loaded.bundle), clock,
        srs::SchedulerConfig::defaultsForTesting() };

    std::int64_t logRows()
    {
        auto statement = store->database().prepare("SELECT count(*) FROM review_log");
        statement.step();
        return statement.columnInt(0);
    }

    std::string next()
    {
        auto card = study.nextItem();
        REQUIRE(card.ok());
        return card.value() ? card.value()->itemId : std::string();
    }
};

// Sets the exam `days` study days after Noon's, as Today's dialog does.
void setExam(StudyFixture& f, int days)
{
    const std::int64_t examDay = srs::studyDay(Noon, 0, f.study.config().dayStartHour) + days;
    REQUIRE(f.study.settings()
                .change([&](Settings& settings) { settings.examDate = CalendarDate::fromDayNumber(examDay); })
                .ok());
}

} // namespace

TEST_CASE(
    "with an exam date, an item due after the exam is pulled into the final days", "[services][exam-day]")
{
    StudyFixture f;
    // Learnt with an easy first answer: FSRS gives it more than a week.
    REQUIRE(f.next() == "c-1.1-001");
    REQUIRE(f.study.answer("c-1.1-001", Rating::Easy, 5s).ok());
    REQUIRE(f.study.counts().value().reviewLeft == 0);
    setExam(f, 6);
    // Two days on, not yet in the final days: nothing is due.
    f.clock.advance(24h * 2);
    CHECK(f.study.counts().value().reviewLeft == 0);
    // Three days before the exam the item is due. A card weighs nothing for the exam, so it waits while
    // today's new limit still lets an unseen question in, and comes once the day's new items are done.
    f.clock.advance(24h);
    REQUIRE(test::saveDailyLimits(f.study, 3, 200).ok());
    CHECK(f.study.counts().value().reviewLeft == 0);
    int reviewedAfter = -1;
    for (int shown = 0; shown < 20 && reviewedAfter < 0; ++shown) {
        const std::string id = f.next();
        if (id.empty()) {
            break;
        }
        if (id == "c-1.1-001") {
            reviewedAfter = shown;
        }
        REQUIRE(f.study.answer(id, Rating::Good, 5s).ok());
    }
    CHECK(reviewedAfter == 3);
}

TEST_CASE("with an exam date, new items take turns across the tasks", "[services][exam-day]")
{
    StudyFixture f;
    setExam(f, 20);
    std::vector<std::string> firstThree;
    for (int i = 0; i < 3; ++i) {
        firstThree.push_back(f.next());
        REQUIRE(f.study.answer(firstThree.back(), Rating::Easy, 5s).ok());
    }
    // Without the date these would be c-1.1-001, q-1.1-001, q-1.1-002 (task by task).
    std::set<std::string> tasks;
    for (const auto& id : firstThree) {
        tasks.insert(f.study.findItem(id)->taskId);
    }
    CHECK(tasks.size() == 3);
}

TEST_CASE("the bundle's items are studied task by task, cards before questions", "[services]")
{
    const auto items = srs::studyItemsOf(loadBundle(test::minimalBundleDir(), test::ManualClock()).bundle);
    REQUIRE(items.size() == 8);
    CHECK(items[0].id == "c-1.1-001");
    CHECK(items[0].kind == srs::ItemKind::Card);
    CHECK(items[1].id == "q-1.1-001");
    CHECK(items[3].id == "c-2.1-001");
    CHECK(items[7].id == "q-3.1-001-2");
    CHECK(items[0].domainShare == Approx(0.28));
}

TEST_CASE("a fresh store offers the first new item with four interval texts", "[services]")
{
    StudyFixture f;
    auto card = f.study.nextItem();
    REQUIRE(card.ok());
    REQUIRE(card.value().has_value());
    CHECK(card.value()->itemId == "c-1.1-001");
    CHECK(card.value()->phase == srs::Phase::New);
    CHECK(card.value()->preview[Rating::Again].intervalText() == "1m");
    CHECK(card.value()->preview[Rating::Good].intervalText() == "10m");
    auto counts = f.study.counts();
    REQUIRE(counts.ok());
    CHECK(counts.value() == srs::QueueCounts { 8, 0, 0 });
}

TEST_CASE("answering records the state and one review log row", "[services]")
{
    StudyFixture f;
    auto changes = f.study.answer("c-1.1-001", Rating::Good, 4200ms);
    REQUIRE(changes.ok());
    CHECK(changes->studyQueue);
    CHECK(changes->ids == std::vector<std::string> { "c-1.1-001" });
    CHECK(f.logRows() == 1);
    auto row = f.store->database().prepare("SELECT rating, source, elapsed_days, duration_ms, phase_before, "
                                           "phase_after, step_after, due_after_ms "
                                           "FROM review_log");
    REQUIRE(row.step());
    CHECK(row.columnInt(0) == 3);
    CHECK(row.columnText(1) == "review");
    CHECK(row.columnDouble(2) == 0.0);
    CHECK(row.columnInt(3) == 4200);
    CHECK(row.columnInt(4) == 0);
    CHECK(row.columnInt(5) == 1);
    CHECK(row.columnInt(6) == 1);
    CHECK(row.columnInt(7) == toEpochMilliseconds(Noon + 10min));
    auto counts = f.study.counts();
    CHECK(counts.value() == srs::QueueCounts { 7, 1, 0 });
}

TEST_CASE("a learning item comes back first once its step is due", "[services]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", Rating::Again, 1s).ok());
    CHECK(f.next() == "q-1.1-001");
    f.clock.advance(61s);
    CHECK(f.next() == "c-1.1-001");
}

TEST_CASE("undo restores the item's state and removes its log row", "[services]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", Rating::Good, 1s).ok());
    REQUIRE(f.study.answer("q-1.1-001", Rating::Easy, 1s).ok());
    auto undone = f.study.undoLast();
    REQUIRE(undone.ok());
    CHECK(undone->ids == std::vector<std::string> { "q-1.1-001" });
    CHECK(f.logRows() == 1);
    CHECK(f.next() == "q-1.1-001");
    auto card = f.study.card("q-1.1-001");
    REQUIRE(card.ok());
    CHECK(card->phase == srs::Phase::New);
    REQUIRE(f.study.undoLast().ok());
    CHECK(f.logRows() == 0);
    CHECK(f.next() == "c-1.1-001");
    auto nothing = f.study.undoLast();
    CHECK_FALSE(nothing.ok());
}

namespace {

// An exam's answer (Again) to `itemId` recorded now, as ExamService records one.
void answerInAnExam(StudyFixture& f, const std::string& itemId)
{
    Transaction transaction(f.store->database());
    recordAnswer(f.store->database(), srs::SchedulerConfig::defaultsForTesting(), itemId,
        srs::ItemKind::Question, Rating::Again, f.clock.now(), 0, 30s, srs::ReviewSource::Exam);
    transaction.commit();
}

} // namespace

TEST_CASE("undo refuses when an exam answered the item since", "[services]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("q-1.1-001", Rating::Good, 1s).ok());
    f.clock.advance(1min);
    answerInAnExam(f, "q-1.1-001");
    CHECK_FALSE(f.study.undoLast().ok());
    CHECK(f.logRows() == 2);
}

TEST_CASE("the recorder writes inside the caller's transaction and rolls back with it", "[services]")
{
    StudyFixture f;
    {
        Transaction transaction(f.store->database());
        const RecordedAnswer recorded
            = recordAnswer(f.store->database(), srs::SchedulerConfig::defaultsForTesting(), "q-2.1-001",
                srs::ItemKind::Question, Rating::Hard, Noon, 0, 20s, srs::ReviewSource::Exam);
        CHECK(recorded.before.phase == srs::Phase::New);
        CHECK(recorded.after.phase == srs::Phase::Learning);
        CHECK(recorded.logId > 0);
        // No commit: the exam's transaction failed.
    }
    CHECK(f.logRows() == 0);
    {
        Transaction transaction(f.store->database());
        recordAnswer(f.store->database(), srs::SchedulerConfig::defaultsForTesting(), "q-2.1-001",
            srs::ItemKind::Question, Rating::Hard, Noon, 0, 20s, srs::ReviewSource::Exam);
        transaction.commit();
    }
    CHECK(f.logRows() == 1);
    auto card = f.study.card("q-2.1-001");
    REQUIRE(card.ok());
    CHECK(card->phase == srs::Phase::Learning);
}

TEST_CASE("the daily new limit stops new items until the next study day", "[services]")
{
    StudyFixture f;
    REQUIRE(test::saveDailyLimits(f.study, 2, 100).ok());
    REQUIRE(f.study.answer(f.next(), Rating::Easy, 1s).ok());
    REQUIRE(f.study.answer(f.next(), Rating::Easy, 1s).ok());
    CHECK(f.next().empty());
    CHECK(f.study.counts().value() == srs::QueueCounts { 0, 0, 0 });
    // 16 hours later it is 4 am: a new study day.
    f.clock.advance(16h);
    CHECK(f.study.counts().value().newLeft == 2);
}

TEST_CASE("a graduated item is due at the start of its study day, not before", "[services]")
{
    StudyFixture f;
    REQUIRE(test::saveDailyLimits(f.study, 1, 100).ok());
    REQUIRE(f.study.answer("c-1.1-001", Rating::Easy, 1s).ok());
    auto card = f.study.card("c-1.1-001");
    REQUIRE(card.ok());
    const auto next = f.study.nextDue();
    REQUIRE(next.ok());
    REQUIRE(next.value().has_value());
    const auto today = srs::studyDay(Noon, 0, 4);
    const auto dueDay = srs::studyDay(*next.value(), 0, 4);
    CHECK(*next.value() == srs::startOfStudyDay(dueDay, 0, 4));
    f.clock.advance(*next.value() - Noon - 1min);
    CHECK(f.study.counts().value().reviewLeft == 0);
    f.clock.advance(2min);
    CHECK(f.study.counts().value().reviewLeft == 1);
    REQUIRE(test::saveDailyLimits(f.study, 0, 100).ok());
    CHECK(f.next() == "c-1.1-001");
    CHECK(dueDay > today);
}

TEST_CASE("the daily review limit caps reviews left today", "[services]")
{
    StudyFixture f;
    REQUIRE(test::saveDailyLimits(f.study, 20, 1).ok());
    REQUIRE(f.study.answer("c-1.1-001", Rating::Easy, 1s).ok());
    REQUIRE(f.study.answer("q-1.1-001", Rating::Easy, 1s).ok());
    f.clock.advance(24h * 60);
    CHECK(f.study.counts().value().reviewLeft == 1);
    REQUIRE(f.study.answer("c-1.1-001", Rating::Good, 1s).ok());
    CHECK(f.study.counts().value().reviewLeft == 0);
}

TEST_CASE("saved settings reach the queue at once and survive reopening the store", "[services][settings]")
{
    test::TempDir dir;
    test::ManualClock clock { Noon };
    const auto items = srs::studyItemsOf(loadBundle(test::minimalBundleDir(), test::ManualClock()).bundle);
    {
        StudyService study(Store::open(dir / "p.sqlite").value(), items, clock);
        REQUIRE(study.counts().value().newLeft == 8);
        REQUIRE(study.settings()
                    .change([](Settings& settings) {
                        settings.desiredRetention = 0.85;
                        settings.newPerDay = 5;
                        settings.reviewsPerDay = 50;
                        settings.parameters[0] = 0.3;
                    })
                    .ok());
        CHECK(study.config().desiredRetention == 0.85);
        CHECK(study.counts().value().newLeft == 5);
    }
    StudyService study(Store::open(dir / "p.sqlite").value(), items, clock);
    CHECK(study.config().desiredRetention == 0.85);
    CHECK(study.config().newPerDay == 5);
    CHECK(study.config().reviewsPerDay == 50);
    CHECK(study.config().parameters[0] == 0.3);
}

TEST_CASE("a weak-area session starts with the least recalled items of the weakest task", "[services]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("q-2.1-001", Rating::Again, 1s).ok());
    REQUIRE(f.study.answer("q-1.1-001", Rating::Easy, 1s).ok());
    REQUIRE(f.study.answer("c-1.1-001", Rating::Easy, 1s).ok());
    REQUIRE(f.study.answer("q-1.1-002", Rating::Easy, 1s).ok());
    f.clock.advance(24h * 3);
    auto session = f.study.weakAreaSession(3);
    REQUIRE(session.ok());
    REQUIRE(session->size() == 3);
    CHECK(session->front() == "q-2.1-001");
    auto tasks = f.study.weakTasks();
    REQUIRE(tasks.ok());
    CHECK(tasks->back().taskId == "1.1");
}

TEST_CASE("review histories come out per item in time order", "[services]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", Rating::Good, 1s).ok());
    f.clock.advance(10min);
    REQUIRE(f.study.answer("c-1.1-001", Rating::Good, 1s).ok());
    f.clock.advance(24h * 3);
    REQUIRE(f.study.answer("c-1.1-001", Rating::Again, 1s).ok());
    REQUIRE(f.study.answer("q-1.1-001", Rating::Hard, 1s).ok());
    auto histories = f.study.reviewHistories();
    REQUIRE(histories.ok());
    REQUIRE(histories->size() == 2);
    const auto& card = histories->at(0);
    REQUIRE(card.size() == 3);
    CHECK(card[1].elapsedDays == 0);
    CHECK(card[2].elapsedDays == 3);
    CHECK(card[2].rating == Rating::Again);
}

TEST_CASE("an item whose revision changed goes back to relearning with its history kept", "[services]")
{
    test::TempDir dir;
    test::ManualClock clock { Noon };
    auto items = srs::studyItemsOf(loadBundle(test::minimalBundleDir(), clock).bundle);
    const auto open = [&] {
        return std::make_unique<StudyService>(
            Store::open(dir / "p.sqlite").value(), items, clock, srs::SchedulerConfig::defaultsForTesting());
    };
    const auto phaseOf = [](StudyService& study, const std::string& id) {
        auto card = study.card(id);
        REQUIRE(card.ok());
        return card.value().phase;
    };
    const auto logRows = [&] {
        auto statement = Store::open(dir / "p.sqlite")
                             .value()
                             ->database()
                             .prepare("SELECT count(*) FROM review_log WHERE item_id = 'q-1.1-001'");
        statement.step();
        return statement.columnInt(0);
    };
    {
        auto study = open();
        REQUIRE(study->answer("q-1.1-001", Rating::Easy, 1s).ok());
        REQUIRE(study->answer("c-1.1-001", Rating::Easy, 1s).ok());
        REQUIRE(phaseOf(*study, "q-1.1-001") == srs::Phase::Review);
    }
    clock.advance(24h);
    const auto revise = [&](const std::string& id) {
        for (auto& item : items) {
            if (item.id == id) {
                item.revision = 2;
            }
        }
    };
    revise("q-1.1-001");
    revise("c-2.1-001"); // never studied: nothing to relearn
    {
        auto study = open();
        CHECK(phaseOf(*study, "q-1.1-001") == srs::Phase::Relearning);
        CHECK(phaseOf(*study, "c-1.1-001") == srs::Phase::Review);
        CHECK(phaseOf(*study, "c-2.1-001") == srs::Phase::New);
        CHECK(study->counts().value().learningLeft == 1);
        CHECK(logRows() == 1);
        REQUIRE(study->answer("q-1.1-001", Rating::Good, 1s).ok());
        CHECK(phaseOf(*study, "q-1.1-001") == srs::Phase::Review);
    }
    // The state is now built on revision 2: opening again leaves it alone.
    auto study = open();
    CHECK(phaseOf(*study, "q-1.1-001") == srs::Phase::Review);
    CHECK(logRows() == 2);
}

TEST_CASE("items stored but no longer in the bundle are neither counted nor shown", "[services][queue]")
{
    StudyFixture f;
    REQUIRE(test::saveDailyLimits(f.study, 0, 100).ok());
    const std::int64_t yesterdayMs = toEpochMilliseconds(Noon - 24h);
    ItemStateRepository states(f.store->database());
    const auto saveRow = [&](const std::string& id, srs::Phase phase) {
        ItemStateRow row;
        row.itemId = id;
        row.kind = "card";
        row.phase = srs::toInt(phase);
        row.stability = 3.0;
        row.difficulty = 5.0;
        row.dueMs = yesterdayMs;
        row.lastReviewMs = yesterdayMs - 3 * 86'400'000;
        row.reps = 2;
        states.save(row);
    };
    saveRow("c-9.9-gone", srs::Phase::Review);
    saveRow("c-9.9-gone-too", srs::Phase::Relearning);
    CHECK(f.study.counts().value() == srs::QueueCounts { 0, 0, 0 });
    CHECK(f.next().empty());

    saveRow("c-2.1-001", srs::Phase::Review);
    CHECK(f.study.counts().value() == srs::QueueCounts { 0, 0, 1 });
    CHECK(f.next() == "c-2.1-001");
}

TEST_CASE("a learning step due within the learn-ahead window is shown when nothing else is left",
    "[services][queue]")
{
    test::TempDir dir;
    test::ManualClock clock { Noon };
    auto config = srs::SchedulerConfig::defaultsForTesting();
    config.learnAhead = 5min;
    config.newPerDay = 1;
    StudyService study(Store::open(dir / "p.sqlite").value(),
        srs::studyItemsOf(loadBundle(test::minimalBundleDir(), clock).bundle), clock, config);
    // Good on a new item: the second learning step, ten minutes away.
    REQUIRE(study.answer("c-1.1-001", Rating::Good, 1s).ok());
    CHECK(study.counts().value() == srs::QueueCounts { 0, 1, 0 });
    CHECK_FALSE(study.nextItem().value().has_value());
    // Four minutes and a second before it is due, it is within the window.
    clock.advance(5min + 59s);
    auto card = study.nextItem();
    REQUIRE(card.ok());
    REQUIRE(card.value().has_value());
    CHECK(card.value()->itemId == "c-1.1-001");
}

namespace {

// Answers every item the queue shows now with Easy; returns the ids shown.
std::set<std::string> studyEverythingNow(StudyFixture& f)
{
    std::set<std::string> shown;
    for (std::string id = f.next(); !id.empty() && shown.size() < 50; id = f.next()) {
        shown.insert(id);
        REQUIRE(f.study.answer(id, Rating::Easy, 1s).ok());
    }
    return shown;
}

} // namespace

TEST_CASE("a suspended item is neither counted nor shown in any queue until unsuspended", "[services][hold]")
{
    StudyFixture f;
    REQUIRE(f.study.act("c-1.1-001", ItemAction::Suspend).ok());
    CHECK(f.study.counts().value() == srs::QueueCounts { 7, 0, 0 });
    CHECK(f.next() == "q-1.1-001");
    CHECK(studyEverythingNow(f).count("c-1.1-001") == 0);
    // Days later it is still out, of the weak-area session too; suspending again is refused.
    f.clock.advance(24h * 30);
    CHECK(f.study.counts().value().newLeft == 0);
    const auto session = f.study.weakAreaSession(20);
    REQUIRE(session.ok());
    CHECK(std::count(session->begin(), session->end(), "c-1.1-001") == 0);
    CHECK_FALSE(f.study.act("c-1.1-001", ItemAction::Suspend).ok());

    REQUIRE(f.study.act("c-1.1-001", ItemAction::Unsuspend).ok());
    CHECK(f.study.counts().value().newLeft == 1);
    CHECK(f.next() == "c-1.1-001");
    CHECK_FALSE(f.study.act("c-1.1-001", ItemAction::Unsuspend).ok());
}

TEST_CASE(
    "a suspended review is not due and not counted, and does not set the next due time", "[services][hold]")
{
    StudyFixture f;
    studyEverythingNow(f);
    f.clock.advance(24h * 60);
    const int due = f.study.counts().value().reviewLeft;
    REQUIRE(due == 8);
    REQUIRE(f.study.act("q-1.1-001", ItemAction::Suspend).ok());
    CHECK(f.study.counts().value().reviewLeft == due - 1);
    CHECK(studyEverythingNow(f).count("q-1.1-001") == 0);
    // Everything else is done: what comes next is far off, not the suspended item overdue now.
    const auto next = f.study.nextDue();
    REQUIRE(next.ok());
    REQUIRE(next.value());
    CHECK(*next.value() > f.clock.now());
}

TEST_CASE("a buried item comes back at the start of the next study day", "[services][hold]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("c-1.1-001", Rating::Again, 1s).ok());
    REQUIRE(f.study.counts().value().learningLeft == 1);
    REQUIRE(f.study.act("c-1.1-001", ItemAction::Bury).ok());
    CHECK(f.study.counts().value().learningLeft == 0);
    CHECK_FALSE(f.study.act("c-1.1-001", ItemAction::Bury).ok());
    f.clock.advance(2min);
    CHECK(f.next() != "c-1.1-001");
    CHECK(f.study.counts().value().learningLeft == 0);
    // The next study day starts at 4 am: 16 hours after noon.
    const Instant tomorrow = Noon + 16h;
    CHECK(*f.study.nextDue().value() == tomorrow);
    f.clock.advance(std::chrono::duration_cast<std::chrono::milliseconds>(tomorrow - 1s - f.clock.now()));
    CHECK(f.study.counts().value().learningLeft == 0);
    f.clock.advance(1s);
    CHECK(f.study.counts().value().learningLeft == 1);
    CHECK(f.next() == "c-1.1-001");
}

TEST_CASE("resetting an item makes it new again and keeps its review log", "[services][hold]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("q-1.1-001", Rating::Good, 1s).ok());
    f.clock.advance(11min);
    REQUIRE(f.study.answer("q-1.1-001", Rating::Good, 1s).ok());
    REQUIRE(f.study.card("q-1.1-001")->phase == srs::Phase::Review);
    REQUIRE(f.logRows() == 2);

    REQUIRE(f.study.act("q-1.1-001", ItemAction::Reset).ok());
    const auto card = f.study.card("q-1.1-001");
    REQUIRE(card.ok());
    CHECK(card->phase == srs::Phase::New);
    CHECK(card->preview[Rating::Good].intervalText() == "10m");
    const auto row = ItemStateRepository(f.store->database()).find("q-1.1-001");
    REQUIRE(row);
    CHECK(row->reps == 0);
    CHECK_FALSE(row->stability);
    CHECK(f.logRows() == 2);
    // Back among the new items, due at the epoch (as a replay of its events makes it on every device):
    // before every new item but the bundle's first.
    CHECK(f.study.counts().value().newLeft == 8);
    REQUIRE(f.study.answer("c-1.1-001", Rating::Easy, 1s).ok());
    CHECK(f.next() == "q-1.1-001");
}

TEST_CASE("undo takes back suspend, bury and reset like ratings, newest first", "[services][hold]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("q-1.1-001", Rating::Good, 1s).ok());
    const auto learnt = ItemStateRepository(f.store->database()).find("q-1.1-001");
    REQUIRE(f.study.act("c-1.1-001", ItemAction::Suspend).ok());
    REQUIRE(f.study.act("q-1.1-001", ItemAction::Reset).ok());
    REQUIRE(f.study.act("q-2.1-001", ItemAction::Bury).ok());
    CHECK(f.study.counts().value() == srs::QueueCounts { 6, 0, 0 });

    // The bury goes first, then the reset (the learning state and its step come back), then the suspend,
    // then the rating.
    auto undone = f.study.undoLast();
    REQUIRE(undone.ok());
    CHECK(undone->ids == std::vector<std::string> { "q-2.1-001" });
    CHECK(f.study.counts().value() == srs::QueueCounts { 7, 0, 0 });
    REQUIRE(f.study.undoLast().ok());
    const auto restored = ItemStateRepository(f.store->database()).find("q-1.1-001");
    REQUIRE(restored);
    CHECK(restored->phase == learnt->phase);
    CHECK(restored->step == learnt->step);
    CHECK(restored->stability == learnt->stability);
    CHECK(restored->dueMs == learnt->dueMs);
    CHECK(restored->reps == learnt->reps);
    CHECK(f.study.counts().value() == srs::QueueCounts { 6, 1, 0 });
    REQUIRE(f.study.undoLast().ok());
    CHECK(f.study.counts().value() == srs::QueueCounts { 7, 1, 0 });
    undone = f.study.undoLast();
    REQUIRE(undone.ok());
    CHECK(undone->ids == std::vector<std::string> { "q-1.1-001" });
    CHECK(f.logRows() == 0);
    CHECK(f.study.counts().value() == srs::QueueCounts { 8, 0, 0 });
    CHECK_FALSE(f.study.undoLast().ok());

    // A rating after an action is undone before it.
    REQUIRE(f.study.act("c-1.1-001", ItemAction::Bury).ok());
    REQUIRE(f.study.answer("q-1.1-001", Rating::Again, 1s).ok());
    CHECK(f.study.undoLast()->ids == std::vector<std::string> { "q-1.1-001" });
    CHECK(f.study.undoLast()->ids == std::vector<std::string> { "c-1.1-001" });
}

TEST_CASE("undo of a reset is refused once an exam answered the item since", "[services][hold]")
{
    StudyFixture f;
    REQUIRE(f.study.answer("q-1.1-001", Rating::Good, 1s).ok());
    REQUIRE(f.study.act("q-1.1-001", ItemAction::Reset).ok());
    f.clock.advance(1min);
    answerInAnExam(f, "q-1.1-001");
    CHECK_FALSE(f.study.undoLast().ok());
    CHECK(f.study.card("q-1.1-001")->phase == srs::Phase::Learning);
    CHECK_FALSE(f.study.act("no-such-item", ItemAction::Reset).ok());
}
