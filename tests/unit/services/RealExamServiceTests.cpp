#include "services/HistoryService.h"
#include "services/ProgressService.h"
#include "services/RealExamService.h"
#include "services/SettingsService.h"
#include "support/StudyFixture.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;

namespace {

constexpr std::chrono::hours Day { 24 };
const CalendarDate ExamDay { 2026, 11, 22 };

// Three answers before the exam day, one on its morning (after the forecast of the day before).
const std::string History
    = R"({"item": "q-1.1-001", "at": "2026-11-19T10:00:00Z", "correct": true, "seconds": 75, "source": "practice"}
{"item": "q-2.1-001", "at": "2026-11-20T10:00:00Z", "correct": false, "seconds": 60, "source": "practice"}
{"item": "c-1.1-001", "at": "2026-11-21T09:00:00Z", "rating": 3, "seconds": 8, "source": "review"}
{"item": "q-1.1-002", "at": "2026-11-22T07:00:00Z", "correct": true, "seconds": 30, "source": "review"}
)";

struct RealExamFixture : test::StudyFixture {
    srs::SchedulerConfig live = srs::SchedulerConfig::defaultsForTesting();
    SettingsService settings { store, clock, live };
    HistoryService history { store, loaded.bundle, study.config() };
    ProgressService progress { store, loaded.bundle, clock, study.config() };
    RealExamService realExams { store, progress, clock, loaded.bundle.exam };

    RealExamFixture()
    {
        std::ofstream(dir / "history.jsonl", std::ios::binary) << History;
        REQUIRE(history.importHistory(dir / "history.jsonl", false)->committed);
        REQUIRE(settings.change([](Settings& wanted) { wanted.examDate = ExamDay; }).ok());
    }

    int resultRows() { return static_cast<int>(realExams.results()->size()); }
};

} // namespace

TEST_CASE("Today asks for the real result from the exam day on, and only once", "[services][real-exam]")
{
    RealExamFixture f;
    auto before = f.realExams.awaitingResult();
    REQUIRE(before.ok());
    CHECK_FALSE(before->has_value()); // the exam is four days away

    f.clock.advance(4 * Day); // the exam day, noon
    auto due = f.realExams.awaitingResult();
    REQUIRE(due.ok());
    REQUIRE(due->has_value());
    CHECK(due.value() == ExamDay);

    auto recorded = f.realExams.record(ExamDay, RealExamScore { 812, std::nullopt });
    REQUIRE(recorded.ok());
    CHECK(recorded->exams);
    CHECK_FALSE(f.realExams.awaitingResult()->has_value());
}

TEST_CASE("a real result keeps the forecast of the day before, also when corrected", "[services][real-exam]")
{
    RealExamFixture f;
    f.clock.advance(5 * Day);
    const auto dayBefore = f.progress.readinessAt(fromEpochMilliseconds(ExamDay.dayNumber() * 86'400'000));
    REQUIRE(dayBefore.ok());
    REQUIRE(dayBefore->answers == 3); // not the answer of the exam morning

    REQUIRE(f.realExams.record(ExamDay, RealExamScore { 812, std::nullopt }).ok());
    auto results = f.realExams.results();
    REQUIRE(results.ok());
    REQUIRE(results->size() == 1);
    const RealExamResultRow& result = results->front();
    CHECK(result.examDate == "2026-11-22");
    CHECK(result.scaled == 812);
    CHECK(result.passed);
    CHECK(result.recordedMs == toEpochMilliseconds(f.clock.now()));
    CHECK(result.forecast.answers == 3);
    CHECK(result.forecast.estimate == dayBefore->scaled);
    CHECK(result.forecast.low == dayBefore->scaledLow);
    CHECK(result.forecast.high == dayBefore->scaledHigh);
    CHECK(result.forecast.passProbability == Approx(dayBefore->passProbability));
    CHECK(result.forecast.enoughData == dayBefore->enoughData);
    CHECK(result.forecast.seenShare == Approx(dayBefore->seenShare));

    // The learner meant "failed": the result changes, the forecast it is judged against does not, even
    // after more history was imported into the days before.
    std::ofstream(f.dir / "more.jsonl", std::ios::binary)
        << R"({"item": "q-2.1-002", "at": "2026-11-21T20:00:00Z", "correct": true, "seconds": 50, "source": "practice"})"
        << '\n';
    REQUIRE(f.history.importHistory(f.dir / "more.jsonl", false)->committed);
    REQUIRE(f.realExams.record(ExamDay, RealExamScore { std::nullopt, false }).ok());
    results = f.realExams.results();
    REQUIRE(results->size() == 1);
    CHECK_FALSE(results->front().scaled.has_value());
    CHECK_FALSE(results->front().passed);
    CHECK(results->front().forecast.answers == 3);
}

TEST_CASE(
    "a real result that cannot be right is refused by field and writes nothing", "[services][real-exam]")
{
    RealExamFixture f;
    f.clock.advance(4 * Day);

    auto future = f.realExams.record(CalendarDate { 2026, 11, 23 }, RealExamScore { 800, std::nullopt });
    REQUIRE_FALSE(future.ok());
    CHECK(future.problems().front().field == "exam date");
    CHECK_THAT(future.problems().front().message, Catch::Contains("2026-11-23"));

    auto outside = f.realExams.record(ExamDay, RealExamScore { 1200, std::nullopt });
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.problems().front().field == "score");
    CHECK_THAT(outside.problems().front().message, Catch::Contains("between 100 and 1000"));

    auto contradiction = f.realExams.record(ExamDay, RealExamScore { 700, true });
    REQUIRE_FALSE(contradiction.ok());
    CHECK_THAT(contradiction.problems().front().message, Catch::Contains("700 is below the pass mark (720)"));

    auto nothing = f.realExams.record(ExamDay, RealExamScore {});
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.problems().front().kind == ProblemKind::UserInput);

    CHECK(f.resultRows() == 0);
    CHECK(f.realExams.awaitingResult()->has_value());
    // Pass or fail alone follows the learner; a score alone decides it by the pass mark.
    REQUIRE(f.realExams.record(ExamDay, RealExamScore { 719, std::nullopt }).ok());
    CHECK_FALSE(f.realExams.results()->front().passed);
}
