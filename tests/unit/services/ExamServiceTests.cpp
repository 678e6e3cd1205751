#include "content/BundleLoader.h"
#include "exam/SimulatedAnswer.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "srs/SchedulerConfig.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace mlaprep;

namespace {

const Bundle& shippedBundle()
{
    static const LoadedBundle loaded = loadBundle(MLAPREP_CONTENT_DIR, test::ManualClock());
    return loaded.bundle;
}

const Question& questionOf(const std::string& id)
{
    for (const Question* question : shippedBundle().scoredItems()) {
        if (question->id == id) {
            return *question;
        }
    }
    throw std::runtime_error("no item " + id);
}

const srs::SchedulerConfig& scheduling()
{
    static const srs::SchedulerConfig config = srs::SchedulerConfig::defaultsForTesting();
    return config;
}

Answer keyAnswer(const std::string& id)
{
    return keyOf(questionOf(id));
}

} // namespace

TEST_CASE(
    "starting a mock persists 65 items with a 130 minute clock, 160 with extra time", "[services][exam]")
{
    test::TempDir dir;
    test::ManualClock clock;
    auto store = Store::open(dir / "progress.sqlite").value();
    ExamService exams(store, shippedBundle(), clock, scheduling());
    StartRequest request;
    request.seed = 11;
    auto started = exams.start(request);
    REQUIRE(started.ok());
    CHECK(started->items.size() == 65);
    CHECK(started->timeLimitMs == 130 * 60'000LL);
    CHECK(started->remainingMs() == 130 * 60'000LL);

    SECTION("a second start while one is open is refused")
    {
        CHECK_FALSE(exams.start(request).ok());
    }
    SECTION("extra time gives 160 minutes")
    {
        REQUIRE(exams.finish(started->id, FinishReason::Submitted, 0).ok());
        request.extraTime = true;
        request.seed = 12;
        auto longer = exams.start(request);
        REQUIRE(longer.ok());
        CHECK(longer->timeLimitMs == 160 * 60'000LL);
    }
}

TEST_CASE("answers, flags, position and clock survive closing the store mid-exam", "[services][exam]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto path = dir / "progress.sqlite";
    std::int64_t attemptId = 0;
    std::vector<std::string> ids;
    {
        auto store = Store::open(path).value();
        ExamService exams(store, shippedBundle(), clock, scheduling());
        StartRequest request;
        request.seed = 5;
        auto state = exams.start(request);
        REQUIRE(state.ok());
        attemptId = state->id;
        for (int i = 0; i < 3; ++i) {
            ids.push_back(state->items[static_cast<std::size_t>(i)].item.itemId);
        }
        REQUIRE(exams.recordAnswer(attemptId, ids[0], keyAnswer(ids[0]), 60'000).ok());
        REQUIRE(exams
                    .recordAnswer(attemptId, ids[1],
                        keyAnswer(ids[0]) == keyAnswer(ids[1]) ? Answer {} : keyAnswer(ids[0]), 90'000)
                    .ok());
        REQUIRE(exams.setFlag(attemptId, ids[2], true, 120'000).ok());
        REQUIRE(exams.moveTo(attemptId, 2, ids[1], 30'000, 125'000).ok());
        // No finish: the store goes away as if the app were killed.
    }
    auto store = Store::open(path).value();
    ExamService exams(store, shippedBundle(), clock, scheduling());
    auto open = exams.openAttempt();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    const AttemptState& state = *open.value();
    CHECK(state.id == attemptId);
    CHECK(state.elapsedMs == 125'000);
    CHECK(state.position == 2);
    CHECK(state.remainingMs() == 130 * 60'000LL - 125'000);
    CHECK(state.items[0].answer == keyAnswer(ids[0]));
    CHECK(state.items[2].flagged);
    CHECK(state.items[1].timeSpentMs == 30'000);
    CHECK(state.flaggedCount() == 1);
}

TEST_CASE("finishing scores the attempt once, keeps its history and the report reflects changes",
    "[services][exam]")
{
    test::TempDir dir;
    test::ManualClock clock;
    auto store = Store::open(dir / "progress.sqlite").value();
    ExamService exams(store, shippedBundle(), clock, scheduling());
    StartRequest request;
    request.seed = 21;
    auto state = exams.start(request);
    REQUIRE(state.ok());
    const auto& items = state->items;
    // All right except the first, which goes right → wrong.
    for (const auto& item : items) {
        REQUIRE(exams.recordAnswer(state->id, item.item.itemId, keyAnswer(item.item.itemId), 1000).ok());
    }
    const auto& first = items.front().item;
    const Answer wrong
        = simulatedAnswer(questionOf(first.itemId), first.optionOrder) == keyAnswer(first.itemId)
        ? Answer { { "zz" }, {} }
        : simulatedAnswer(questionOf(first.itemId), first.optionOrder);
    REQUIRE(exams.recordAnswer(state->id, first.itemId, wrong, 2000).ok());

    auto report = exams.finish(state->id, FinishReason::Submitted, 3000);
    REQUIRE(report.ok());
    CHECK(report->scoredTotal == 65);
    CHECK(report->scoredCorrect == 64);
    CHECK(report->rightToWrong == 1);
    CHECK(report->passed);
    CHECK(report->scaledScore > 720);

    // Every answered item went into the SRS queue: the wrong one as Again, the rest as Good.
    {
        auto log = store->database().prepare(
            "SELECT count(*), sum(rating = 1), sum(rating = 3) FROM review_log WHERE source = 'exam'");
        REQUIRE(log.step());
        CHECK(log.columnInt(0) == 65);
        CHECK(log.columnInt(1) == 1);
        CHECK(log.columnInt(2) == 64);
        auto missed = store->database().prepare("SELECT rating FROM review_log WHERE item_id = ?1");
        missed.bind(1, first.itemId);
        REQUIRE(missed.step());
        CHECK(missed.columnInt(0) == 1);
    }

    auto again = exams.finish(state->id, FinishReason::TimeUp, 9000);
    REQUIRE(again.ok());
    CHECK(again->scoredCorrect == 64);
    CHECK_FALSE(exams.recordAnswer(state->id, first.itemId, keyAnswer(first.itemId), 9000).ok());

    auto history = exams.history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().scaledScore == report->scaledScore);
    auto logRows = store->database().prepare("SELECT count(*) FROM review_log");
    REQUIRE(logRows.step());
    CHECK(logRows.columnInt(0) == 65); // finishing twice fed the queue once
    CHECK_FALSE(history->front().timeUp);
    auto none = exams.openAttempt();
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().has_value());
}

TEST_CASE("practice sessions can draw missed or never-seen items", "[services][exam]")
{
    test::TempDir dir;
    test::ManualClock clock;
    auto store = Store::open(dir / "progress.sqlite").value();
    ExamService exams(store, shippedBundle(), clock, scheduling());
    StartRequest request;
    request.seed = 2;
    auto first = exams.start(request);
    REQUIRE(first.ok());
    std::set<std::string> missed;
    for (const auto& item : first->items) {
        missed.insert(item.item.itemId); // nothing answered: everything is missed
    }
    REQUIRE(exams.finish(first->id, FinishReason::Submitted, 0).ok());

    StartRequest practice;
    practice.mode = ExamMode::Practice;
    practice.timed = false;
    practice.seed = 3;
    practice.questions = 10;
    practice.missedInLastAttempts = 1;
    auto review = exams.start(practice);
    REQUIRE(review.ok());
    CHECK_FALSE(review->timeLimitMs.has_value());
    for (const auto& item : review->items) {
        CHECK(missed.count(item.item.itemId) == 1);
    }
    REQUIRE(exams.finish(review->id, FinishReason::Submitted, 0).ok());

    practice.missedInLastAttempts = 0;
    practice.neverSeen = true;
    practice.seed = 4;
    auto fresh = exams.start(practice);
    REQUIRE(fresh.ok());
    for (const auto& item : fresh->items) {
        CHECK(missed.count(item.item.itemId) == 0);
    }
}

TEST_CASE("killing a process mid-exam never loses an answer it reported saved", "[services][exam][crash]")
{
    test::TempDir dir;
    const auto path = dir / "progress.sqlite";
    test::ManualClock clock;
    std::int64_t attemptId = 0;
    std::vector<std::string> order;
    {
        auto store = Store::open(path).value();
        ExamService exams(store, shippedBundle(), clock, scheduling());
        StartRequest request;
        request.seed = 99;
        auto state = exams.start(request);
        REQUIRE(state.ok());
        attemptId = state->id;
        for (const auto& item : state->items) {
            order.push_back(item.item.itemId);
        }
    }
    int pipeEnds[2];
    REQUIRE(pipe(pipeEnds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(pipeEnds[0]);
        auto store = Store::open(path).value();
        test::ManualClock childClock;
        ExamService exams(store, shippedBundle(), childClock, scheduling());
        for (std::size_t i = 0;; i = (i + 1) % order.size()) {
            if (exams.recordAnswer(attemptId, order[i], keyAnswer(order[i]), static_cast<long long>(i))
                    .ok()) {
                const char saved = 1;
                if (write(pipeEnds[1], &saved, 1) != 1) {
                    _exit(1);
                }
            }
        }
    }
    close(pipeEnds[1]);
    int reported = 0;
    char byte = 0;
    while (reported < 40 && read(pipeEnds[0], &byte, 1) == 1) {
        ++reported;
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    close(pipeEnds[0]);

    Database database(path);
    auto integrity = database.prepare("PRAGMA integrity_check");
    REQUIRE(integrity.step());
    CHECK(integrity.columnText(0) == "ok");
    auto store = Store::open(path).value();
    ExamService exams(store, shippedBundle(), clock, scheduling());
    auto state = exams.attempt(attemptId);
    REQUIRE(state.ok());
    // The child answered in order, so every item up to the last one it reported must be there.
    const int mustHave = std::min(reported, static_cast<int>(order.size()));
    for (int i = 0; i < mustHave; ++i) {
        CHECK(state->items[static_cast<std::size_t>(i)].answer.has_value());
    }
}
