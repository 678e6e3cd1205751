#include "common/CalendarDate.h"
#include "services/BookmarkService.h"
#include "services/ErrorReportService.h"
#include "services/PlanService.h"
#include "services/ReviewRecorder.h"
#include "services/SettingsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "support/StudyFixture.h"
#include "support/SyncDevice.h"
#include "sync/Segment.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace mlaprep;
using namespace std::chrono_literals;
using fsrs::Rating;

using test::Device;
using test::requireSameLearning;

namespace {

// Two devices answering different and the same items, B's clock an hour ahead of A's.
void studyOnBoth(Device& a, Device& b)
{
    a.answer("c-1.1-001", Rating::Good);
    a.answer("q-1.1-001", Rating::Again);
    b.answer("q-1.1-001", Rating::Good);
    b.answer("c-2.1-001", Rating::Easy);
    a.clock.advance(3h);
    a.answer("q-1.1-001", Rating::Good);
}

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("two devices synced in either order end with the same states and history", "[sync]")
{
    test::TempDir folderAB;
    Device a1;
    Device b1(1h);
    studyOnBoth(a1, b1);
    a1.sync(folderAB.path());
    b1.sync(folderAB.path());
    a1.sync(folderAB.path());
    requireSameLearning(a1, b1);
    CHECK(a1.count("SELECT count(*) FROM review_log") == 5);

    test::TempDir folderBA;
    Device a2;
    Device b2(1h);
    studyOnBoth(a2, b2);
    b2.sync(folderBA.path());
    a2.sync(folderBA.path());
    b2.sync(folderBA.path());
    requireSameLearning(a2, b2);
    // The order of syncing does not show in the result (the event ids differ between the two runs).
    CHECK(a1.itemStates() == a2.itemStates());
    CHECK(a1.count("SELECT count(*) FROM review_log WHERE item_id = 'q-1.1-001'") == 3);
}

TEST_CASE("a first sync of months of answers builds the same history, with the log's indexes", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    // B answered one of the items already, so the merge replays both an item it had and items new to it.
    b.answer("c-1.1-001", Rating::Again);
    {
        // Enough answers that the merge writes the log in bulk; in one transaction, as an import would.
        Database& database = a.store->database();
        ReviewRecorder recorder(database);
        Transaction transaction(database);
        const std::vector<std::string> items { "c-1.1-001", "q-1.1-001", "c-2.1-001" };
        for (int i = 0; i < 2400; ++i) {
            a.clock.advance(7h);
            recorder.record(a.study.config(), items[static_cast<std::size_t>(i) % items.size()],
                i % 3 == 1 ? srs::ItemKind::Question : srs::ItemKind::Card,
                i % 7 == 0 ? Rating::Again : Rating::Good, a.clock.now(), 0, 5s, srs::ReviewSource::Review);
        }
        transaction.commit();
    }
    const auto indexes = [](Device& device) {
        return device.rows(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'review_log' "
            "AND sql IS NOT NULL",
            2);
    };
    const std::string indexesBefore = indexes(b);

    a.sync(folder.path());
    const SyncSummary merged = b.sync(folder.path());
    CHECK(merged.mergedEvents == 2400);
    a.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(b.count("SELECT count(*) FROM review_log") == 2401);
    CHECK(indexes(b) == indexesBefore);
    CHECK(b.store->database().quickCheck().empty());
}

TEST_CASE("a device's sync writes its new events once and reads each segment once", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    a.answer("c-1.1-001", Rating::Good);
    const SyncSummary first = a.sync(folder.path());
    CHECK(first.writtenEvents == 1);
    CHECK(a.sync(folder.path()).writtenEvents == 0);

    const SyncSummary read = b.sync(folder.path());
    CHECK(read.readSegments == 1);
    CHECK(read.mergedEvents == 1);
    CHECK(read.changes.studyQueue);
    const SyncSummary again = b.sync(folder.path());
    CHECK(again.readSegments == 0);
    CHECK(again.mergedEvents == 0);
    CHECK_FALSE(again.changes.any());
}

TEST_CASE("the same events delivered twice change nothing", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    a.answer("c-1.1-001", Rating::Good);
    a.answer("q-1.1-001", Rating::Hard);
    a.sync(folder.path());
    const auto files = sync::listSegments(folder.path());
    REQUIRE(files.size() == 1);
    // What a crash between writing a segment and marking its events exported leaves: the events again
    // in the next segment.
    auto copy = sync::readSegment(files[0].path, files[0].device, 1);
    REQUIRE(copy.status == sync::SegmentStatus::Complete);
    copy.segment.header.sequence = 2;
    REQUIRE(sync::writeSegment(folder.path(), copy.segment));

    const SyncSummary read = b.sync(folder.path());
    CHECK(read.readSegments == 2);
    CHECK(read.mergedEvents == 2);
    requireSameLearning(a, b);
    CHECK(b.count("SELECT count(*) FROM review_log") == 2);
}

TEST_CASE("a truncated segment is skipped with a note and read once it is complete", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    a.answer("c-1.1-001", Rating::Good);
    a.sync(folder.path());
    const auto path = sync::listSegments(folder.path()).front().path;
    const std::string whole = fileText(path);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << whole.substr(0, whole.size() / 2);
    }
    const SyncSummary partial = b.sync(folder.path());
    CHECK(partial.readSegments == 0);
    REQUIRE(partial.skipped.size() == 1);
    CHECK(partial.skipped[0].find("still arriving") != std::string::npos);
    CHECK(b.itemStates().empty());

    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << whole;
    }
    const SyncSummary complete = b.sync(folder.path());
    CHECK(complete.readSegments == 1);
    CHECK(complete.skipped.empty());
    requireSameLearning(a, b);
}

TEST_CASE("a device two days behind never gives negative elapsed days", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device behind(-48h);
    a.answer("c-1.1-001", Rating::Good);
    a.clock.advance(10min);
    a.answer("c-1.1-001", Rating::Good);
    a.sync(folder.path());
    behind.sync(folder.path());
    behind.answer("c-1.1-001", Rating::Good);
    behind.sync(folder.path());
    a.sync(folder.path());
    requireSameLearning(a, behind);
    CHECK(a.count("SELECT count(*) FROM review_log WHERE elapsed_days < 0") == 0);
    CHECK(a.count("SELECT count(*) FROM review_log") == 3);
    // The late device's answer comes after the ones it had seen, though its clock said two days earlier.
    CHECK(a.count("SELECT max(reviewed_ms) - min(reviewed_ms) FROM review_log") >= 0);
}

TEST_CASE("an undo on one device retracts the answer on the others", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    a.answer("c-1.1-001", Rating::Again);
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(b.count("SELECT count(*) FROM review_log") == 1);
    REQUIRE(a.study.undoLast().ok());
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(b.count("SELECT count(*) FROM review_log") == 0);
    CHECK(b.count("SELECT count(*) FROM events WHERE kind = 'review'") == 1);
    requireSameLearning(a, b);
}

TEST_CASE("undo after a sync takes back this device's own answer, never one synced from another", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    a.answer("c-1.1-001", Rating::Good);
    b.answer("q-1.1-001", Rating::Again); // later by the clocks, and replayed into A's log after A's own
    b.sync(folder.path());
    a.sync(folder.path());
    REQUIRE(a.count("SELECT count(*) FROM review_log") == 2);
    REQUIRE(a.study.undoLast().ok());
    CHECK(a.count("SELECT count(*) FROM review_log WHERE item_id = 'c-1.1-001'") == 0);
    CHECK(a.count("SELECT count(*) FROM review_log WHERE item_id = 'q-1.1-001'") == 1);
}

TEST_CASE("synced settings: the newest change wins on every device, in either order", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    REQUIRE(b.study.settings().change([](Settings& settings) { settings.desiredRetention = 0.95; }).ok());
    // A's change is made second but is earlier by the clocks.
    REQUIRE(a.study.settings().change([](Settings& settings) { settings.desiredRetention = 0.85; }).ok());
    a.sync(folder.path());
    b.sync(folder.path());
    a.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(a.syncedSettings().find("srs.desired_retention|0.95|") != std::string::npos);
}

TEST_CASE("bookmarks added and removed on two devices agree, the newest per bookmark winning", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    REQUIRE(a.bookmarks.toggle("card", "c-1.1-001").ok());
    REQUIRE(a.bookmarks.toggle("question", "q-1.1-001").ok());
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(b.bookmarkRows() == "card|c-1.1-001|\nquestion|q-1.1-001|\n");
    REQUIRE(b.bookmarks.toggle("card", "c-1.1-001").ok()); // removed on B
    a.clock.advance(2h);
    REQUIRE(a.bookmarks.toggle("card", "c-2.1-001").ok()); // added on A meanwhile
    b.sync(folder.path());
    a.sync(folder.path());
    b.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(a.bookmarkRows() == "card|c-2.1-001|\nquestion|q-1.1-001|\n");
}

TEST_CASE("a sync folder that does not exist is an error naming it", "[sync]")
{
    Device a;
    auto summary = a.syncService.sync(a.fixture.dir / "no-such-folder", a.study.config());
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.firstError().find("no-such-folder") != std::string::npos);
}

TEST_CASE(
    "today's history becomes events once, with the same ids in two copies of a store", "[sync][migration]")
{
    test::TempDir dir;
    const auto path = dir / "old.sqlite";
    {
        Database old = Database::openAtVersion(path, 9);
        old.execute(
            "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
            "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, "
            "stability_after, difficulty_after, due_after_ms) VALUES "
            "('c-1.1-001', 'card', 1000, 3, 'review', 0, 4000, 0, 0, 0, 0, 1, 1, 2.3, 5.1, 61000)");
        old.execute(
            "INSERT INTO bookmarks (target_kind, target_id, created_ms) VALUES ('heading', 'n1#a=b', 5)");
        old.execute(
            "INSERT INTO settings (key, value) VALUES ('srs.parameters', '0.4,1&2'), ('ui.theme', 'dark')");
        old.execute(
            "INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, comment, "
            "created_ms) VALUES ('mla', '1', 'note', 'n-1.1', 'typo', 'a&b' || char(10) || 'c=d', 5)");
    }
    std::filesystem::copy_file(path, dir / "copy.sqlite");
    const auto events = [](const std::filesystem::path& file) {
        Database database(file);
        auto statement = database.prepare("SELECT uuid, kind, item_id, payload FROM events ORDER BY uuid");
        std::string all;
        while (statement.step()) {
            all += statement.columnText(0) + " " + statement.columnText(1) + " " + statement.columnText(2)
                + " " + statement.columnText(3) + "\n";
        }
        return all;
    };
    const std::string migrated = events(path);
    CHECK(migrated == events(dir / "copy.sqlite"));
    CHECK(migrated
        == "bookmark-heading:n1#a=b-5 bookmark heading:n1#a=b at=5&on=1\n"
           "report-note:n-1.1-5-1 error-report note:n-1.1 "
           "at=5&bundle=mla&comment=a%26b%0Ac%3Dd&reason=typo&version=1\n"
           "review-c-1.1-001-1000-3-review-4000 review c-1.1-001 "
           "at=1000&duration=4000&kind=card&offset=0&rating=3&source=review\n"
           "setting-srs.parameters=0.4,1&2 setting srs.parameters value=0.4,1%262\n");
    // Each payload is what sync::Payload would write.
    Database database(path);
    auto statement = database.prepare("SELECT payload FROM events");
    while (statement.step()) {
        const auto payload = sync::Payload::decode(statement.columnText(0));
        REQUIRE(payload);
        CHECK(payload->encode() == statement.columnText(0));
    }
    auto linked = database.prepare("SELECT count(*) FROM review_log WHERE event_uuid IS NULL");
    linked.step();
    CHECK(linked.columnInt(0) == 0);
}

TEST_CASE("undoing a reset after answers from another device arrived replays them too", "[sync][hold]")
{
    test::TempDir folder;
    Device a;
    Device b(-2h); // its answer stamped before A's reset
    b.answer("q-1.1-001", Rating::Good);
    a.answer("q-1.1-001", Rating::Again);
    a.clock.advance(1min);
    REQUIRE(a.study.act("q-1.1-001", ItemAction::Reset).ok());
    b.sync(folder.path());
    a.sync(folder.path()); // B's answer arrives while the item is reset on A
    REQUIRE(a.study.undoLast().ok());
    a.sync(folder.path());
    b.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(a.count("SELECT reps FROM item_states WHERE item_id = 'q-1.1-001'") == 2);
}

TEST_CASE("suspend, bury and reset reach the other device, and so do their undos", "[sync][hold]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    studyOnBoth(a, b);
    a.sync(folder.path());
    b.sync(folder.path());
    a.sync(folder.path());
    REQUIRE(a.itemStates() == b.itemStates());
    const auto holds = [](Device& device) {
        return device.rows("SELECT item_id, suspended, coalesce(buried_until_ms, 0) FROM item_holds", 3);
    };

    REQUIRE(a.study.act("c-1.1-001", ItemAction::Suspend).ok());
    REQUIRE(a.study.act("c-2.1-001", ItemAction::Bury).ok());
    REQUIRE(a.study.act("q-1.1-001", ItemAction::Reset).ok());
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(holds(b) == holds(a));
    CHECK(holds(b).find("c-1.1-001|1|0|") != std::string::npos);
    CHECK(b.count("SELECT phase FROM item_states WHERE item_id = 'q-1.1-001'") == 0);
    requireSameLearning(a, b);
    // The reset keeps the answers before it in the history on both.
    CHECK(b.count("SELECT count(*) FROM review_log WHERE item_id = 'q-1.1-001'") == 3);

    // A takes back its reset and its bury: the answers before the reset count again everywhere.
    REQUIRE(a.study.undoLast().ok()); // the reset
    REQUIRE(a.study.undoLast().ok()); // the bury
    a.sync(folder.path());
    b.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(holds(b) == holds(a));
    CHECK(holds(b) == "c-1.1-001|1|0|\n");
    CHECK(b.count("SELECT reps FROM item_states WHERE item_id = 'q-1.1-001'") == 3);

    // Reset again, and answered on B after it: the answer counts from New on both, and the reset stays.
    REQUIRE(a.study.act("q-1.1-001", ItemAction::Reset).ok());
    a.sync(folder.path());
    b.sync(folder.path());
    b.clock.advance(1min);
    b.answer("q-1.1-001", Rating::Good);
    b.sync(folder.path());
    a.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(a.count("SELECT reps FROM item_states WHERE item_id = 'q-1.1-001'") == 1);
    CHECK_FALSE(a.study.undoLast().ok());
}

TEST_CASE("a running study service schedules with settings merged on another connection", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    REQUIRE(a.study.counts().ok()); // A's study service has read its settings already
    REQUIRE(a.study.config().desiredRetention != 0.95);
    REQUIRE(b.study.settings().change([](Settings& settings) { settings.desiredRetention = 0.95; }).ok());
    b.sync(folder.path());

    // As the app does: the merge runs on a worker's own connection, not the one A's services use.
    auto worker = a.store->openWorkerConnection();
    REQUIRE(worker.ok());
    REQUIRE(SyncService(worker.value(), a.clock).sync(folder.path(), a.study.config()).ok());
    REQUIRE(a.study.counts().ok());
    CHECK(a.study.config().desiredRetention == 0.95);
}

TEST_CASE("a device named on one machine shows that name on the others, with the status line", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    REQUIRE(a.syncService.setFolder(folder.path()).ok());
    const auto own = a.syncService.devices();
    REQUIRE(own.ok());
    REQUIRE(own->size() == 1);
    CHECK(own->front().thisDevice);
    CHECK_FALSE(own->front().name.empty()); // the machine's host name until the learner names it

    const std::string deviceOfA = own->front().device;
    REQUIRE(a.syncService.renameDevice(deviceOfA, "  work-laptop ").ok());
    a.answer("c-1.1-001", Rating::Good);
    a.sync(folder.path());
    REQUIRE(b.syncService.setFolder(folder.path()).ok());
    const SyncSummary merged = b.sync(folder.path());
    CHECK(merged.changes.settings);

    const auto devices = b.syncService.devices();
    REQUIRE(devices.ok());
    REQUIRE(devices->size() == 2);
    const auto named = std::find_if(devices->begin(), devices->end(),
        [&](const SyncDeviceStatus& device) { return device.device == deviceOfA; });
    REQUIRE(named != devices->end());
    CHECK(named->name == "work-laptop");
    CHECK_FALSE(named->thisDevice);

    b.clock.advance(2min);
    const auto status = b.syncService.status();
    REQUIRE(status.ok());
    CHECK(status->folder == std::filesystem::absolute(folder.path()));
    CHECK(describeSyncStatus(status.value(), b.clock.now(), 0)
        == "Synced 2 minutes ago · 2 devices · last from work-laptop 12:00");
}

TEST_CASE("the sync status line says when sync is off, not done yet, and how long ago", "[sync]")
{
    const Instant now = test::StudyNoon; // 12:00 UTC
    SyncStatus status;
    CHECK(describeSyncStatus(status, now, 0) == "Sync is off");
    status.folder = "/somewhere";
    CHECK(describeSyncStatus(status, now, 0) == "Not synced yet");
    status.lastSyncMs = toEpochMilliseconds(now) - 30'000;
    status.devices = 1;
    CHECK(describeSyncStatus(status, now, 0) == "Synced just now · 1 device");
    status.lastSyncMs = toEpochMilliseconds(now) - 3 * 3'600'000;
    status.devices = 3;
    status.lastFrom = "home-desktop";
    status.lastFromMs = toEpochMilliseconds(now) - 26 * 3'600'000; // yesterday 10:00 UTC
    CHECK(describeSyncStatus(status, now, 0)
        == "Synced 3 hours ago · 3 devices · last from home-desktop "
            + CalendarDate::fromDayNumber(20774).toText() + " 10:00");
    // 10:00 UTC is 12:00 two hours east.
    status.lastFromMs = toEpochMilliseconds(now) - 2 * 3'600'000;
    CHECK(describeSyncStatus(status, now, 120)
        == "Synced 3 hours ago · 3 devices · last from home-desktop 12:00");
}

TEST_CASE("a device name that is empty, too long or has line breaks is refused, naming the field", "[sync]")
{
    test::TempDir folder;
    Device a;
    REQUIRE(a.syncService.setFolder(folder.path()).ok());
    const std::string device = a.syncService.devices()->front().device;
    for (const std::string& name : { std::string("   "), std::string(41, 'x'), std::string("home\ndesk") }) {
        const auto refused = a.syncService.renameDevice(device, name);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.problems().front().field == "device name");
        CHECK(refused.problems().front().itemId == device);
    }
    CHECK(a.syncService.renameDevice(device, std::string(40, 'x')).ok());
    CHECK_FALSE(a.syncService.renameDevice("not-a-device", "desk").ok());
}

TEST_CASE("a sync folder that does not exist is not kept, and an empty one turns sync off", "[sync]")
{
    test::TempDir folder;
    Device a;
    CHECK_FALSE(a.syncService.setFolder(folder.path() / "missing").ok());
    CHECK_FALSE(a.syncService.folder().value().has_value());
    REQUIRE(a.syncService.setFolder(folder.path()).ok());
    CHECK(a.syncService.folder().value() == std::filesystem::absolute(folder.path()));
    REQUIRE(a.syncService.setFolder({}).ok());
    CHECK_FALSE(a.syncService.folder().value().has_value());
    CHECK(describeSyncStatus(a.syncService.status().value(), a.clock.now(), 0) == "Sync is off");
}

TEST_CASE(
    "an answer replays with the retention and weights it was given at, whatever changed since", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    fsrs::Parameters weights = fsrs::DefaultParameters;
    weights[0] = 0.5;
    REQUIRE(a.study.settings()
                .change([&](Settings& settings) {
                    settings.desiredRetention = 0.80;
                    settings.parameters = weights;
                })
                .ok());
    a.answer("c-1.1-001", Rating::Good);
    a.clock.advance(24h);
    a.answer("c-1.1-001", Rating::Good);
    a.clock.advance(1h);
    REQUIRE(a.study.settings().change([](Settings& settings) { settings.desiredRetention = 0.95; }).ok());
    a.sync(folder.path());
    // B replays A's answers with its own settings in hand (0.90, the default weights) and then takes
    // A's 0.95: neither is what A scheduled them with.
    b.sync(folder.path());
    requireSameLearning(a, b);
    CHECK(b.itemStates().find("c-1.1-001|") != std::string::npos);
}

TEST_CASE("an error report filed on one device shows on the others, and so does its removal", "[sync]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    ErrorReportService reportsOnA(a.store, a.clock, a.fixture.loaded.bundle);
    ErrorReportService reportsOnB(b.store, b.clock, b.fixture.loaded.bundle);
    REQUIRE(reportsOnA.report("card", "c-1.1-001", errorReportReasons().front(), "line one\nline=two & more")
                .ok());
    REQUIRE(reportsOnB.report("question", "q-1.1-001", errorReportReasons().back(), "").ok());
    a.sync(folder.path());
    const SyncSummary merged = b.sync(folder.path());
    CHECK(merged.changes.errorReports);
    a.sync(folder.path());
    const auto listed = [](ErrorReportService& service) {
        std::string all;
        const auto reports = service.reports();
        for (const auto& report : reports.value()) {
            all += report.itemKind + "|" + report.itemId + "|" + report.reason + "|" + report.comment + "\n";
        }
        return all;
    };
    CHECK(listed(reportsOnA) == listed(reportsOnB));
    CHECK(listed(reportsOnB).find("line one\nline=two & more") != std::string::npos);
    REQUIRE(reportsOnB.reports()->size() == 2);

    // B removes A's report: a retraction, and A drops it too.
    const auto fromA = reportsOnB.reports()->front();
    REQUIRE(fromA.itemId == "c-1.1-001");
    REQUIRE(reportsOnB.remove(fromA.id).ok());
    b.sync(folder.path());
    a.sync(folder.path());
    CHECK(reportsOnA.reports()->size() == 1);
    CHECK(listed(reportsOnA) == listed(reportsOnB));
    CHECK(a.count("SELECT count(*) FROM events WHERE kind = 'error-report'") == 2); // nothing deleted
}

TEST_CASE(
    "history a migration made into events, with content ids, reaches another device", "[sync][migration]")
{
    test::TempDir dir;
    test::TempDir folder;
    const auto path = dir / "old.sqlite";
    {
        Database old = Database::openAtVersion(path, 9);
        old.execute(
            "INSERT INTO review_log (item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, "
            "phase_before, step_before, reps_before, lapses_before, phase_after, step_after, "
            "stability_after, difficulty_after, due_after_ms) VALUES "
            "('c-1.1-001', 'card', 1000, 3, 'review', 0, 4000, 0, 0, 0, 0, 1, 1, 2.3, 5.1, 61000)");
    }
    {
        test::ManualClock clock(test::StudyNoon);
        SyncService service(Store::open(path).value(), clock);
        const auto written = service.sync(folder.path(), srs::SchedulerConfig::defaultsForTesting());
        REQUIRE(written.ok());
        CHECK(written->writtenEvents == 1);
    }
    Device other;
    const SyncSummary merged = other.sync(folder.path());
    CHECK(merged.skipped.empty());
    CHECK(merged.mergedEvents == 1);
    CHECK(other.count("SELECT count(*) FROM review_log WHERE event_uuid = "
                      "'review-c-1.1-001-1000-3-review-4000'")
        == 1);
}
