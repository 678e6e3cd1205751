#include "content/BundleLoader.h"
#include "exam/SimulatedAnswer.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "srs/SchedulerConfig.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/StatsRepository.h"
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

long long count(Store& store, const std::string& sql)
{
    auto statement = store.database().prepare(sql);
    REQUIRE(statement.step());
    return statement.columnInt(0);
}

using namespace std::chrono_literals;

// A store in a temp folder with an ExamService over the shipped bundle on a manual clock. reopen()
// closes both and opens them again, as a restart or a killed app does: what survives was committed.
struct ExamFixture {
    test::TempDir dir;
    test::ManualClock clock;
    std::filesystem::path path = dir / "progress.sqlite";
    std::shared_ptr<Store> store;
    std::unique_ptr<ExamService> exams;

    ExamFixture() { reopen(); }

    void close()
    {
        exams.reset();
        store.reset();
    }

    void reopen()
    {
        close();
        store = Store::open(path).value();
        exams = std::make_unique<ExamService>(store, shippedBundle(), clock, scheduling());
    }

    // A timed 65-item mock drawn with `seed`.
    Result<ExamSession> startMock(std::uint64_t seed)
    {
        StartRequest request;
        request.seed = seed;
        return exams->start(request);
    }
};

} // namespace

TEST_CASE(
    "starting a mock persists 65 items with a 130 minute clock, 160 with extra time", "[services][exam]")
{
    ExamFixture f;
    auto started = f.startMock(11);
    REQUIRE(started.ok());
    CHECK(started->attempt().items.size() == 65);
    CHECK(started->attempt().timeLimitMs == 130 * 60'000LL);
    CHECK(started->remainingMs() == 130 * 60'000LL);
    CHECK(started->isRunning());

    SECTION("a second start while one is open is refused")
    {
        CHECK_FALSE(f.startMock(11).ok());
    }
    SECTION("extra time gives 160 minutes")
    {
        REQUIRE(f.exams->submit(started.value()).ok());
        StartRequest request;
        request.extraTime = true;
        request.seed = 12;
        auto longer = f.exams->start(request);
        REQUIRE(longer.ok());
        CHECK(longer->attempt().timeLimitMs == 160 * 60'000LL);
    }
}

TEST_CASE("answers, flags, position and clock survive closing the store mid-exam", "[services][exam]")
{
    ExamFixture f;
    std::int64_t attemptId = 0;
    std::vector<std::string> ids;
    {
        auto session = f.startMock(5);
        REQUIRE(session.ok());
        attemptId = session->id();
        for (int i = 0; i < 3; ++i) {
            ids.push_back(session->attempt().items[static_cast<std::size_t>(i)].item.itemId);
        }
        f.clock.advance(60s);
        REQUIRE(f.exams->answer(session.value(), ids[0], keyAnswer(ids[0])).ok());
        REQUIRE(f.exams->moveTo(session.value(), 1).ok());
        f.clock.advance(30s);
        const Answer other = keyAnswer(ids[0]) == keyAnswer(ids[1]) ? Answer {} : keyAnswer(ids[0]);
        REQUIRE(f.exams->answer(session.value(), ids[1], other).ok());
        REQUIRE(f.exams->moveTo(session.value(), 2).ok());
        f.clock.advance(35s);
        REQUIRE(f.exams->flag(session.value(), ids[2], true).ok());
        // No finish: the store goes away as if the app were killed.
    }
    f.reopen();
    auto open = f.exams->openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    const ExamSession& session = *open.value();
    const AttemptState& state = session.attempt();
    CHECK(state.id == attemptId);
    CHECK(session.elapsedMs() == 125'000);
    CHECK(state.position == 2);
    CHECK(session.remainingMs() == 130 * 60'000LL - 125'000);
    CHECK(state.items[0].answer == keyAnswer(ids[0]));
    CHECK(state.items[2].flagged);
    CHECK(state.items[0].timeSpentMs == 60'000);
    CHECK(state.items[1].timeSpentMs == 30'000);
    CHECK(state.flaggedCount() == 1);
}

TEST_CASE("options struck through are kept with the attempt across a restart", "[services][exam][strike]")
{
    ExamFixture f;
    std::string itemId;
    std::vector<std::string> order;
    {
        auto session = f.startMock(8);
        REQUIRE(session.ok());
        const AttemptItem first = session->attempt().items.front();
        itemId = first.item.itemId;
        order = first.item.optionOrder;
        REQUIRE(order.size() >= 2);
        REQUIRE(f.exams->strike(session.value(), itemId, order[0], true).ok());
        REQUIRE(f.exams->strike(session.value(), itemId, order[1], true).ok());
        REQUIRE(f.exams->strike(session.value(), itemId, order[0], false).ok());
        CHECK(session->attempt().items.front().struck == std::set<std::string> { order[1] });
        CHECK_FALSE(f.exams->strike(session.value(), itemId, "no-such-option", true).ok());
    }
    f.reopen();
    auto open = f.exams->openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    CHECK(open.value()->attempt().items.front().item.itemId == itemId);
    CHECK(open.value()->attempt().items.front().struck == std::set<std::string> { order[1] });
    CHECK(open.value()->attempt().items[1].struck.empty());
}

TEST_CASE("finishing scores the attempt once, keeps its history and the report reflects changes",
    "[services][exam]")
{
    ExamFixture f;
    auto session = f.startMock(21);
    REQUIRE(session.ok());
    const std::vector<AttemptItem> items = session->attempt().items;
    // All right except the first, which goes right → wrong.
    for (const auto& item : items) {
        REQUIRE(f.exams->answer(session.value(), item.item.itemId, keyAnswer(item.item.itemId)).ok());
    }
    const auto& first = items.front().item;
    const Answer wrong
        = simulatedAnswer(questionOf(first.itemId), first.optionOrder) == keyAnswer(first.itemId)
        ? Answer { { "zz" }, {} }
        : simulatedAnswer(questionOf(first.itemId), first.optionOrder);
    REQUIRE(f.exams->answer(session.value(), first.itemId, wrong).ok());

    auto submitted = f.exams->submit(session.value());
    REQUIRE(submitted.ok());
    CHECK(submitted->studyQueue);
    CHECK(session->finishReason() == FinishReason::Submitted);
    auto report = f.exams->report(session->id());
    REQUIRE(report.ok());
    CHECK(report->scoredTotal == 65);
    CHECK(report->scoredCorrect == 64);
    CHECK(report->rightToWrong == 1);
    CHECK(report->passed);
    CHECK(report->scaledScore > 720);

    // Every answered item went into the SRS queue: the wrong one as Again, the rest as Good.
    {
        auto log = f.store->database().prepare(
            "SELECT count(*), sum(rating = 1), sum(rating = 3) FROM review_log WHERE source = 'exam'");
        REQUIRE(log.step());
        CHECK(log.columnInt(0) == 65);
        CHECK(log.columnInt(1) == 1);
        CHECK(log.columnInt(2) == 64);
        auto missed = f.store->database().prepare("SELECT rating FROM review_log WHERE item_id = ?1");
        missed.bind(1, first.itemId);
        REQUIRE(missed.step());
        CHECK(missed.columnInt(0) == 1);
    }

    auto again = f.exams->submit(session.value());
    REQUIRE(again.ok());
    CHECK_FALSE(again->any());
    CHECK_FALSE(f.exams->answer(session.value(), first.itemId, keyAnswer(first.itemId)).ok());

    auto history = f.exams->history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().scaledScore == report->scaledScore);
    CHECK(count(*f.store, "SELECT count(*) FROM review_log") == 65); // ending twice fed the queue once
    CHECK(history->front().finishReason == FinishReason::Submitted);
    auto none = f.exams->openSession();
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().has_value());
}

TEST_CASE("the timer ticking past the limit ends the mock as time-up exactly once", "[services][exam]")
{
    ExamFixture f;
    auto session = f.startMock(31);
    REQUIRE(session.ok());
    const std::string first = session->attempt().items.front().item.itemId;
    REQUIRE(f.exams->answer(session.value(), first, keyAnswer(first)).ok());

    f.clock.advance(129min);
    auto early = f.exams->tick(session.value());
    REQUIRE(early.ok());
    CHECK_FALSE(early->any());
    CHECK(session->remainingMs() == 60'000);

    f.clock.advance(61s);
    auto ranOut = f.exams->tick(session.value());
    REQUIRE(ranOut.ok());
    CHECK(ranOut->exams);
    CHECK(ranOut->studyQueue);
    CHECK(session->finishReason() == FinishReason::TimeUp);

    f.clock.advance(1s);
    auto after = f.exams->tick(session.value());
    REQUIRE(after.ok());
    CHECK_FALSE(after->any());
    CHECK(count(*f.store, "SELECT count(*) FROM review_log") == 1);
    auto history = f.exams->history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().finishReason == FinishReason::TimeUp);
    CHECK(history->front().elapsedMs == 130 * 60'000LL);
}

TEST_CASE("a mock whose time ran out while the app was closed opens finished as time-up, answers kept",
    "[services][exam]")
{
    ExamFixture f;
    std::int64_t attemptId = 0;
    std::vector<std::string> answered;
    {
        auto session = f.startMock(41);
        REQUIRE(session.ok());
        attemptId = session->id();
        for (std::size_t i = 0; i < 2; ++i) {
            answered.push_back(session->attempt().items[i].item.itemId);
            f.clock.advance(1min);
            REQUIRE(f.exams->answer(session.value(), answered.back(), keyAnswer(answered.back())).ok());
        }
        // Closed without pausing: a mock's clock runs on, as the real exam's does.
    }
    f.clock.advance(3h);
    f.reopen();
    auto open = f.exams->openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    CHECK(open.value()->id() == attemptId);
    CHECK(open.value()->finishReason() == FinishReason::TimeUp);

    auto stored = f.exams->attempt(attemptId);
    REQUIRE(stored.ok());
    CHECK(stored->finished == FinishReason::TimeUp);
    CHECK(stored->answeredCount() == 2);
    CHECK(stored->items[0].answer == keyAnswer(answered[0]));
    CHECK(stored->items[1].answer == keyAnswer(answered[1]));
    CHECK(stored->elapsedMs == 130 * 60'000LL);
    CHECK(count(*f.store, "SELECT count(*) FROM review_log WHERE source = 'exam'") == 2);
    auto report = f.exams->report(attemptId);
    REQUIRE(report.ok());
    CHECK(report->scoredCorrect == 2);

    auto reopened = f.exams->openSession();
    REQUIRE(reopened.ok());
    CHECK_FALSE(reopened.value().has_value());
}

TEST_CASE("a paused mock stays paused across a restart and resumes with the time it had", "[services][exam]")
{
    ExamFixture f;
    {
        auto session = f.startMock(51);
        REQUIRE(session.ok());
        f.clock.advance(10min);
        REQUIRE(f.exams->pause(session.value()).ok());
        CHECK(session->isPaused());
    }
    f.clock.advance(5h);
    f.reopen();
    auto open = f.exams->openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    ExamSession session = std::move(*open.value());
    CHECK(session.isPaused());
    CHECK(session.remainingMs() == 120 * 60'000LL);
    CHECK_FALSE(f.exams->answer(session, session.currentItem()->item.itemId, Answer {}).ok());

    REQUIRE(f.exams->resume(session).ok());
    f.clock.advance(1min);
    REQUIRE(f.exams->tick(session).ok());
    CHECK(session.elapsedMs() == 11 * 60'000LL);
    auto stored = f.exams->attempt(session.id());
    REQUIRE(stored.ok());
    CHECK(stored->runningSince.has_value());
}

TEST_CASE(
    "an abandoned mock stays in history unscored, feeds nothing and unblocks practice", "[services][exam]")
{
    ExamFixture f;
    auto session = f.startMock(61);
    REQUIRE(session.ok());
    const std::vector<AttemptItem> items = session->attempt().items;
    for (const auto& item : items) {
        REQUIRE(f.exams->answer(session.value(), item.item.itemId, keyAnswer(item.item.itemId)).ok());
    }
    StartRequest practice;
    practice.mode = ExamMode::Practice;
    practice.timed = false;
    practice.seed = 62;
    practice.questions = 5;
    CHECK_FALSE(f.exams->start(practice).ok());

    auto abandoned = f.exams->abandon(session.value());
    REQUIRE(abandoned.ok());
    CHECK(abandoned->exams);
    CHECK_FALSE(abandoned->studyQueue);
    CHECK(session->finishReason() == FinishReason::Abandoned);

    auto history = f.exams->history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().finishReason == FinishReason::Abandoned);
    CHECK(history->front().scaledScore == 0);
    CHECK(history->front().items == 65);
    CHECK(count(*f.store, "SELECT count(*) FROM review_log") == 0);
    CHECK(count(*f.store, "SELECT count(*) FROM exam_items WHERE correct IS NOT NULL") == 0);
    CHECK(StatsRepository(f.store->database()).finishedAttempts().empty());
    auto stored = f.exams->attempt(session->id());
    REQUIRE(stored.ok());
    CHECK(stored->answeredCount() == 65);

    auto next = f.exams->start(practice);
    REQUIRE(next.ok());
    CHECK(next->mode() == ExamMode::Practice);
}

TEST_CASE("practice sessions can draw missed or never-seen items", "[services][exam]")
{
    ExamFixture f;
    auto first = f.startMock(2);
    REQUIRE(first.ok());
    std::set<std::string> missed;
    for (const auto& item : first->attempt().items) {
        missed.insert(item.item.itemId); // nothing answered: everything is missed
    }
    REQUIRE(f.exams->submit(first.value()).ok());

    StartRequest practice;
    practice.mode = ExamMode::Practice;
    practice.timed = false;
    practice.seed = 3;
    practice.questions = 10;
    practice.missedInLastAttempts = 1;
    auto review = f.exams->start(practice);
    REQUIRE(review.ok());
    CHECK_FALSE(review->attempt().timeLimitMs.has_value());
    for (const auto& item : review->attempt().items) {
        CHECK(missed.count(item.item.itemId) == 1);
    }
    REQUIRE(f.exams->submit(review.value()).ok());

    practice.missedInLastAttempts = 0;
    practice.neverSeen = true;
    practice.seed = 4;
    auto fresh = f.exams->start(practice);
    REQUIRE(fresh.ok());
    for (const auto& item : fresh->attempt().items) {
        CHECK(missed.count(item.item.itemId) == 0);
    }
}

TEST_CASE("killing a process mid-exam never loses an answer it reported saved", "[services][exam][crash]")
{
    ExamFixture f;
    std::int64_t attemptId = 0;
    std::vector<std::string> order;
    {
        auto session = f.startMock(99);
        REQUIRE(session.ok());
        attemptId = session->id();
        for (const auto& item : session->attempt().items) {
            order.push_back(item.item.itemId);
        }
    }
    f.close(); // the child opens its own connection, as a second process would
    int pipeEnds[2];
    REQUIRE(pipe(pipeEnds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipeEnds[0]);
        auto store = Store::open(f.path).value();
        test::ManualClock childClock;
        ExamService exams(store, shippedBundle(), childClock, scheduling());
        auto open = exams.openSession();
        if (!open.ok() || !open.value()) {
            _exit(1);
        }
        ExamSession session = std::move(*open.value());
        for (std::size_t i = 0;; i = (i + 1) % order.size()) {
            if (exams.answer(session, order[i], keyAnswer(order[i])).ok()) {
                const char saved = 1;
                if (write(pipeEnds[1], &saved, 1) != 1) {
                    _exit(1);
                }
            }
        }
    }
    ::close(pipeEnds[1]);
    int reported = 0;
    char byte = 0;
    while (reported < 40 && read(pipeEnds[0], &byte, 1) == 1) {
        ++reported;
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    ::close(pipeEnds[0]);

    Database database(f.path);
    auto integrity = database.prepare("PRAGMA integrity_check");
    REQUIRE(integrity.step());
    CHECK(integrity.columnText(0) == "ok");
    f.reopen();
    auto state = f.exams->attempt(attemptId);
    REQUIRE(state.ok());
    // The child answered in order, so every item up to the last one it reported must be there.
    const int mustHave = std::min(reported, static_cast<int>(order.size()));
    for (int i = 0; i < mustHave; ++i) {
        CHECK(state->items[static_cast<std::size_t>(i)].answer.has_value());
    }
}
