// Mock exams and practice sessions between devices: an attempt belongs to the device that started it,
// shows elsewhere as in progress until it ends, then as a read-only attempt with the owner's report.

#include "content/Answer.h"
#include "exam/SimulatedAnswer.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/Statement.h"
#include "support/SyncDevice.h"
#include "sync/Segment.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace mlaprep;
using namespace std::chrono_literals;
using test::Device;

namespace {

const Question& questionIn(const Bundle& bundle, const std::string& id)
{
    for (const Question* question : bundle.scoredItems()) {
        if (question->id == id) {
            return *question;
        }
    }
    throw std::runtime_error("no item " + id);
}

ExamSession startPractice(Device& device, std::uint64_t seed)
{
    StartRequest request;
    request.mode = ExamMode::Practice;
    request.seed = seed;
    request.questions = 4;
    request.domains = { "1", "2" }; // the minimal bundle's four single questions
    request.timed = false;
    auto started = device.exams.start(request);
    INFO(started.firstError());
    REQUIRE(started.ok());
    return std::move(started.value());
}

// Answers every item: the first wrong and then changed to the key, the others the hurried answer; flags
// the second and strikes an option of the third.
void work(Device& device, ExamSession& session)
{
    const Bundle& bundle = device.fixture.loaded.bundle;
    const auto items = session.attempt().items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Question& question = questionIn(bundle, items[i].item.itemId);
        device.clock.advance(40s);
        REQUIRE(device.exams.moveTo(session, static_cast<int>(i)).ok());
        if (i == 0) {
            REQUIRE(
                device.exams.answer(session, question.id, wrongAnswer(question, items[i].item.optionOrder))
                    .ok());
            device.clock.advance(10s);
            REQUIRE(device.exams.answer(session, question.id, keyOf(question)).ok());
        } else {
            REQUIRE(device.exams
                        .answer(session, question.id, simulatedAnswer(question, items[i].item.optionOrder))
                        .ok());
        }
        if (i == 1) {
            REQUIRE(device.exams.flag(session, question.id, true).ok());
        }
        if (i == 2 && !items[i].item.optionOrder.empty()) {
            REQUIRE(device.exams.strike(session, question.id, items[i].item.optionOrder.back(), true).ok());
        }
    }
}

std::string reportText(const ExamReport& report)
{
    std::string text = std::to_string(report.startedMs) + " " + report.bundleVersion + " "
        + std::to_string(report.scoredCorrect) + "/" + std::to_string(report.scoredTotal) + " "
        + std::to_string(report.scaledScore) + " answered " + std::to_string(report.answered) + " changes "
        + std::to_string(report.rightToWrong) + "/" + std::to_string(report.wrongToRight) + " flagged "
        + std::to_string(report.flaggedCorrect) + "/" + std::to_string(report.flaggedTotal) + " time "
        + std::to_string(report.totalTimeMs) + "\n";
    for (const auto& item : report.items) {
        text += item.item.itemId + " " + (item.answer ? toText(*item.answer) : "-") + " "
            + (item.correct ? "right" : "wrong") + " " + std::to_string(item.timeSpentMs) + "\n";
    }
    return text;
}

} // namespace

TEST_CASE(
    "an attempt running on another device shows in progress there and cannot be resumed here", "[sync][exam]")
{
    test::TempDir folder;
    Device a;
    Device b(1h);
    REQUIRE(a.syncService.renameDevice(deviceIdBeside(a.store->path()), "work-laptop").ok());
    ExamSession session = startPractice(a, 7);
    a.sync(folder.path());
    const SyncSummary merged = b.sync(folder.path());
    CHECK(merged.changes.exams);

    const auto running = b.exams.inProgressElsewhere();
    REQUIRE(running.ok());
    REQUIRE(running->size() == 1);
    CHECK(running->front().device == "work-laptop");
    CHECK(running->front().mode == ExamMode::Practice);
    CHECK(running->front().uuid + "|\n" == a.rows("SELECT uuid FROM exam_attempts", 1));
    CHECK(b.exams.history()->empty());
    // Nothing here to resume, and it does not keep B from starting its own.
    CHECK_FALSE(b.exams.openSession().value().has_value());
    ExamSession own = startPractice(b, 8);
    REQUIRE(b.exams.abandon(own).ok());
    CHECK(a.exams.inProgressElsewhere()->empty()); // A has not synced B's yet

    work(a, session);
    REQUIRE(a.exams.submit(session).ok());
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(b.exams.inProgressElsewhere()->empty());
    const auto history = b.exams.history();
    REQUIRE(history->size() == 2);
    CHECK(history->at(1).device == "work-laptop");
    CHECK(history->at(0).device.empty()); // B's own, abandoned
}

TEST_CASE("a finished attempt from another device has the owner's report, read-only", "[sync][exam]")
{
    test::TempDir folder;
    Device a;
    Device b(2h);
    ExamSession session = startPractice(a, 11);
    work(a, session);
    REQUIRE(a.exams.submit(session).ok());
    a.sync(folder.path());
    b.sync(folder.path());

    CHECK(a.finishedAttempts() == b.finishedAttempts());
    const auto onB = b.exams.history();
    REQUIRE(onB->size() == 1);
    CHECK_FALSE(onB->front().device.empty());
    const auto ownerReport = a.exams.report(session.id());
    const auto syncedReport = b.exams.report(onB->front().id);
    REQUIRE(syncedReport.ok());
    CHECK(reportText(syncedReport.value()) == reportText(ownerReport.value()));
    CHECK(syncedReport->device == onB->front().device);
    CHECK(ownerReport->device.empty());
    CHECK(syncedReport->wrongToRight == 1);

    // The answers reached B's scheduler once, as A's review events; the attempt added none.
    CHECK(b.count("SELECT count(*) FROM review_log WHERE source = 'practice'")
        == a.count("SELECT count(*) FROM review_log WHERE source = 'practice'"));
    CHECK(a.count("SELECT count(*) FROM review_log WHERE source = 'practice'") == 4);
    test::requireSameLearning(a, b);

    // Syncing again, or receiving the same events twice, materialises nothing more.
    a.sync(folder.path());
    b.sync(folder.path());
    CHECK(b.count("SELECT count(*) FROM exam_attempts") == 1);
    CHECK(a.count("SELECT count(*) FROM exam_attempts") == 1);
}

TEST_CASE("another device's exam-finished never overwrites an attempt of this device", "[sync][exam]")
{
    test::TempDir folder;
    Device a;
    ExamSession session = startPractice(a, 3);
    work(a, session);
    REQUIRE(a.exams.submit(session).ok());
    const std::string before = a.finishedAttempts();
    const std::string uuid = a.rows("SELECT uuid FROM exam_attempts", 1);

    // A forged finish of A's attempt from another device, claiming it was abandoned.
    sync::Event forged;
    forged.uuid = "forged-finish";
    forged.hlc = { 1'900'000'000'000, 0, "11111111-1111-4111-8111-111111111111" };
    forged.kind = std::string(sync::EventKind::ExamFinished);
    forged.itemId = uuid.substr(0, uuid.size() - 2); // rows() ends each line with "|\n"
    forged.payload = sync::Payload()
                         .set("bundle", "test-minimal")
                         .set("version", "1.0.0")
                         .set("mode", "practice")
                         .set("seed", 3)
                         .set("started", 1)
                         .set("finished", 2)
                         .set("reason", "abandoned")
                         .set("items", "[]")
                         .encode();
    sync::Segment segment;
    segment.header.device = forged.hlc.device;
    segment.header.sequence = 1;
    segment.header.count = 1;
    segment.header.first = forged.hlc;
    segment.header.last = forged.hlc;
    segment.events = { forged };
    REQUIRE(sync::writeSegment(folder.path(), segment));
    const SyncSummary merged = a.sync(folder.path());
    CHECK(merged.mergedEvents == 1);
    CHECK(a.finishedAttempts() == before);
    CHECK(a.count("SELECT count(*) FROM exam_attempts") == 1);
}

TEST_CASE(
    "a malformed exam-finished from another device is kept as an event and shows nothing", "[sync][exam]")
{
    test::TempDir folder;
    Device a;
    sync::Event broken;
    broken.uuid = "broken-finish";
    broken.hlc = { 1'900'000'000'000, 0, "22222222-2222-4222-8222-222222222222" };
    broken.kind = std::string(sync::EventKind::ExamFinished);
    broken.itemId = "attempt-x";
    broken.payload = sync::Payload()
                         .set("mode", "practice")
                         .set("seed", 3)
                         .set("started", 1)
                         .set("finished", 2)
                         .set("reason", "submitted")
                         .set("device", broken.hlc.device)
                         .set("items", "[{\"id\": \"q-1\", \"case\": 5}]")
                         .encode();
    sync::Segment segment;
    segment.header.device = broken.hlc.device;
    segment.header.sequence = 1;
    segment.header.count = 1;
    segment.header.first = broken.hlc;
    segment.header.last = broken.hlc;
    segment.events = { broken };
    REQUIRE(sync::writeSegment(folder.path(), segment));
    a.sync(folder.path());
    CHECK(a.count("SELECT count(*) FROM events WHERE uuid = 'broken-finish'") == 1);
    CHECK(a.count("SELECT count(*) FROM exam_attempts") == 0);
    CHECK(a.exams.history()->empty());
}

TEST_CASE("attempts finished before attempts synced become exam-finished events on the first sync, the "
          "same in two copies of a store",
    "[sync][exam][migration]")
{
    test::TempDir dir;
    test::TempDir folder;
    const auto path = dir / "old.sqlite";
    {
        Database old = Database::openAtVersion(path, 14);
        old.execute(
            "INSERT INTO exam_attempts (id, bundle_id, bundle_version, mode, seed, time_limit_ms, "
            "started_ms, elapsed_ms, position, finished_ms, finish_reason, scored_correct, scored_total, "
            "scaled_score) VALUES (3, 'test-minimal', '1.0.0', 'practice', 5, NULL, 1000, 9000, 1, 10000, "
            "'submitted', 1, 2, 550), (4, 'test-minimal', '1.0.0', 'practice', 6, NULL, 20000, 0, 0, "
            "NULL, NULL, NULL, NULL, NULL)");
        old.execute(
            "INSERT INTO exam_items (attempt_id, position, item_id, option_order, scored, flagged, "
            "answer, time_spent_ms, correct, struck) VALUES (3, 0, 'q-1.1-001', 'a,b,c,d', 1, 1, 'b', "
            "4000, 1, 'c'), (3, 1, 'q-2.1-001', 'd,c,b,a', 1, 0, NULL, 5000, 0, ''), "
            "(4, 0, 'q-1.1-001', 'a,b,c,d', 1, 0, NULL, 0, NULL, '')");
        old.execute("INSERT INTO exam_answer_changes (attempt_id, item_id, answer, changed_ms, elapsed_ms) "
                    "VALUES (3, 'q-1.1-001', 'a', 2000, 1000), (3, 'q-1.1-001', NULL, 2500, 1500), "
                    "(3, 'q-1.1-001', 'b', 3000, 2000)");
    }
    std::filesystem::copy_file(path, dir / "copy.sqlite");

    const auto syncStore = [&](const std::filesystem::path& file) {
        test::ManualClock clock(test::StudyNoon);
        auto store = Store::open(file).value();
        SyncService service(store, clock);
        REQUIRE(service.sync(folder.path(), srs::SchedulerConfig::defaultsForTesting()).ok());
        auto statement = store->database().prepare(
            "SELECT uuid, item_id FROM events WHERE kind = 'exam-finished' ORDER BY uuid");
        std::string finished;
        while (statement.step()) {
            finished += statement.columnText(0) + " " + statement.columnText(1) + "\n";
        }
        return finished;
    };
    const std::string onOriginal = syncStore(path);
    CHECK(onOriginal
        == "attempt-test-minimal-1.0.0-practice-5-1000-3/finished "
           "attempt-test-minimal-1.0.0-practice-5-1000-3\n");
    CHECK(syncStore(dir / "copy.sqlite") == onOriginal);
    CHECK(syncStore(path) == onOriginal); // once

    // A third device gets the finished attempt once, as it was, and the open one as in progress.
    Device c;
    c.sync(folder.path());
    CHECK(c.count("SELECT count(*) FROM exam_attempts") == 1);
    CHECK(c.rows("SELECT item_id, answer, changed_ms, elapsed_ms FROM exam_answer_changes", 4)
        == "q-1.1-001|NULL|2500|1500|\nq-1.1-001|a|2000|1000|\nq-1.1-001|b|3000|2000|\n");
    CHECK(c.rows(
              "SELECT item_id, option_order, flagged, answer, time_spent_ms, correct, struck FROM exam_items",
              7)
        == "q-1.1-001|a,b,c,d|1|b|4000|1|c|\nq-2.1-001|d,c,b,a|0|NULL|5000|0||\n");
    const auto history = c.exams.history();
    REQUIRE(history->size() == 1);
    CHECK(history->front().scaledScore == 550);
    // Made before events named devices: the same event from either copy, its device unknown.
    CHECK(history->front().device == "another device");
    const auto running = c.exams.inProgressElsewhere();
    REQUIRE(running->size() == 1);
    CHECK(running->front().device == "another device");
}

TEST_CASE("an attempt finished on two copies of one store shows the earlier finish on every other device, "
          "whatever came first",
    "[sync][exam]")
{
    test::TempDir folder;
    Device a;
    ExamSession onA = startPractice(a, 21);
    // The store file copied to a second machine mid-attempt: a new device there, with the attempt open.
    test::TempDir copyDir;
    a.store->database().execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the copy is the whole store
    std::filesystem::copy_file(a.store->path(), copyDir / "progress.sqlite");
    test::ManualClock copyClock(a.clock.now());
    auto copy = Store::open(copyDir / "progress.sqlite").value();
    ExamService examsOnCopy(copy, a.fixture.loaded.bundle, copyClock, a.study.config());
    auto resumed = examsOnCopy.openSession();
    REQUIRE(resumed.ok());
    REQUIRE(resumed->has_value());
    ExamSession onCopy = std::move(*resumed.value());

    a.clock.advance(5min);
    work(a, onA);
    REQUIRE(a.exams.submit(onA).ok()); // the earlier finish
    copyClock.advance(20min);
    REQUIRE(examsOnCopy.abandon(onCopy).ok());

    // Both write their segments; C hears of the copy's finish first, D of A's, each then of the other.
    SyncService syncCopy(copy, copyClock);
    REQUIRE(syncCopy.sync(folder.path(), srs::SchedulerConfig::defaultsForTesting()).ok());
    a.sync(folder.path());
    const auto deliver = [&](const std::string& device, const std::filesystem::path& replica) {
        std::filesystem::copy(folder / device, replica / device, std::filesystem::copy_options::recursive);
    };
    const std::string copyDevice = deviceIdBeside(copy->path());
    const std::string aDevice = deviceIdBeside(a.store->path());
    test::TempDir replicaC;
    test::TempDir replicaD;
    Device c;
    Device d;
    deliver(copyDevice, replicaC.path());
    c.sync(replicaC.path());
    CHECK(c.rows("SELECT finish_reason FROM exam_attempts", 1) == "abandoned|\n");
    deliver(aDevice, replicaC.path());
    c.sync(replicaC.path());
    deliver(aDevice, replicaD.path());
    d.sync(replicaD.path());
    deliver(copyDevice, replicaD.path());
    d.sync(replicaD.path());
    CHECK(c.rows("SELECT finish_reason FROM exam_attempts", 1) == "submitted|\n");
    CHECK(c.finishedAttempts() == d.finishedAttempts());
    CHECK(c.finishedAttempts() == a.finishedAttempts());
    // Each copy keeps its own finish.
    CHECK(a.rows("SELECT finish_reason FROM exam_attempts", 1) == "submitted|\n");
    CHECK(examsOnCopy.history()->front().finishReason == FinishReason::Abandoned);
}
