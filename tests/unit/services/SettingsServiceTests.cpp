#include "services/SettingsService.h"
#include "services/Store.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/Statement.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mlaprep;

namespace {

// 2026-11-18 12:00 UTC.
const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);
const CalendarDate Today { 2026, 11, 18 };

struct SettingsFixture {
    test::TempDir dir;
    test::ManualClock clock { Noon };
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    srs::SchedulerConfig live = srs::SchedulerConfig::defaultsForTesting();
    SettingsService settings { store, clock, live };

    std::set<std::string> storedKeys()
    {
        std::set<std::string> keys;
        auto statement = store->database().prepare("SELECT key FROM settings");
        while (statement.step()) {
            keys.insert(statement.columnText(0));
        }
        return keys;
    }
};

CalendarDate daysFromToday(std::int64_t days)
{
    return CalendarDate::fromDayNumber(Today.dayNumber() + days);
}

std::set<std::string> fieldsOf(const Problems& problems)
{
    std::set<std::string> fields;
    for (const auto& problem : problems) {
        fields.insert(problem.field);
    }
    return fields;
}

} // namespace

TEST_CASE("a fresh store reads the live configuration's values as the defaults", "[services][settings]")
{
    SettingsFixture f;
    f.live.newPerDay = 7;
    SettingsService withSeven(f.store, f.clock, f.live);
    auto read = withSeven.settings();
    REQUIRE(read.ok());
    CHECK(read->newPerDay == 7);
    CHECK(read->desiredRetention == f.live.desiredRetention);
    CHECK(read->minutesPerDay == Settings {}.minutesPerDay);
    CHECK_FALSE(read->examDate.has_value());
    CHECK(f.storedKeys().empty());
}

TEST_CASE("saving writes only what changed and says whether the queue changed", "[services][settings]")
{
    SettingsFixture f;
    Settings wanted = f.settings.settings().value();

    auto unchanged = f.settings.save(wanted);
    REQUIRE(unchanged.ok());
    CHECK_FALSE(unchanged->any());
    CHECK(f.storedKeys().empty());

    wanted.minutesPerDay = 55;
    auto minutes = f.settings.save(wanted);
    REQUIRE(minutes.ok());
    CHECK(minutes->settings);
    CHECK_FALSE(minutes->studyQueue);
    CHECK(f.storedKeys() == std::set<std::string> { "plan.minutes_per_day" });

    wanted.desiredRetention = 0.8;
    wanted.newPerDay = 12;
    wanted.examDate = daysFromToday(30);
    auto queue = f.settings.save(wanted);
    REQUIRE(queue.ok());
    CHECK(queue->settings);
    CHECK(queue->studyQueue);
    CHECK(f.storedKeys().size() == 4);
    CHECK(f.live.desiredRetention == 0.8);
    CHECK(f.live.newPerDay == 12);

    // A second service over the same file reads every value back.
    srs::SchedulerConfig other;
    CHECK(SettingsService(f.store, f.clock, other).settings().value() == wanted);
    CHECK(other.newPerDay == 12);
}

TEST_CASE("out-of-range values are refused together, each naming its field and range, and nothing is written",
    "[services][settings]")
{
    SettingsFixture f;
    Settings wanted = f.settings.settings().value();
    wanted.minutesPerDay = 3;
    wanted.desiredRetention = 0.995;
    wanted.newPerDay = -1;
    wanted.reviewsPerDay = 10'000;
    wanted.examDate = daysFromToday(10); // valid, but goes nowhere with the rest
    auto saved = f.settings.save(wanted);
    REQUIRE_FALSE(saved.ok());
    CHECK(fieldsOf(saved.problems())
        == std::set<std::string> {
            "minutes_per_day", "desired_retention", "new_per_day", "reviews_per_day" });
    bool retentionNamed = false;
    for (const auto& problem : saved.problems()) {
        retentionNamed
            = retentionNamed || problem.message == "desired retention must be between 0.70 and 0.99";
    }
    CHECK(retentionNamed);
    CHECK(f.storedKeys().empty());
    CHECK(f.live.newPerDay == srs::SchedulerConfig::defaultsForTesting().newPerDay);
}

TEST_CASE("an exam date is checked when it changes, so a booked date may pass", "[services][settings]")
{
    SettingsFixture f;
    auto past = f.settings.change([](Settings& settings) { settings.examDate = daysFromToday(-1); });
    REQUIRE_FALSE(past.ok());
    CHECK(fieldsOf(past.problems()) == std::set<std::string> { "exam_date" });
    CHECK(past.problems().front().message
        == "the exam date 2026-11-17 has passed: choose a day from today (2026-11-18) to 2031-11-18");
    auto tooFar = f.settings.change(
        [](Settings& settings) { settings.examDate = daysFromToday(ExamDateRange.max + 1); });
    REQUIRE_FALSE(tooFar.ok());
    CHECK(tooFar.problems().front().message.find("is too far ahead") != std::string::npos);

    REQUIRE(f.settings.change([](Settings& settings) { settings.examDate = daysFromToday(0); }).ok());
    f.clock.advance(std::chrono::hours(24 * 3));
    // Three days after the exam the learner changes the minutes: the passed date is kept.
    auto later = f.settings.change([](Settings& settings) { settings.minutesPerDay = 30; });
    REQUIRE(later.ok());
    CHECK(f.settings.settings()->examDate == Today);
}

TEST_CASE("a damaged or out-of-range stored value reads as the default", "[services][settings]")
{
    SettingsFixture f;
    SettingsRepository repository(f.store->database());
    repository.set("srs.desired_retention", "1.5");
    repository.set("srs.new_per_day", "twelve");
    repository.set("plan.minutes_per_day", "90");
    repository.set("srs.parameters", "0.1,0.2");
    repository.set("plan.exam_date", "2026-02-30");
    const Settings read = f.settings.settings().value();
    CHECK(read.desiredRetention == srs::SchedulerConfig::defaultsForTesting().desiredRetention);
    CHECK(read.newPerDay == srs::SchedulerConfig::defaultsForTesting().newPerDay);
    CHECK(read.minutesPerDay == 90);
    CHECK(read.parameters == fsrs::DefaultParameters);
    CHECK_FALSE(read.examDate.has_value());
}

TEST_CASE("the ranges table names each field once and states its bounds", "[services][settings]")
{
    std::set<std::string_view> fields;
    for (const auto& range : SettingRanges) {
        CHECK(fields.insert(range.field).second);
        CHECK(range.min <= range.max);
        CHECK(range.contains(range.min));
        CHECK(range.contains(range.max));
        CHECK_FALSE(range.contains(range.max + 1));
    }
    CHECK(MinutesPerDayRange.message() == "minutes per day must be between 5 and 600");
    CHECK(NewPerDayRange.message() == "new items a day must be between 0 and 9999");
}

TEST_CASE("weights the model cannot use are refused as the learner's input", "[services][settings]")
{
    SettingsFixture f;
    auto saved = f.settings.change([](Settings& settings) { settings.parameters[20] = -1.0; });
    REQUIRE_FALSE(saved.ok());
    REQUIRE_FALSE(saved.problems().empty());
    CHECK(saved.problems().front().kind == ProblemKind::UserInput);
    CHECK(saved.problems().front().field.rfind("params", 0) == 0);
    CHECK(f.storedKeys().empty());
}
