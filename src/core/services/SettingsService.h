#pragma once

#include "common/CalendarDate.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "fsrs/Parameters.h"
#include "services/Changes.h"
#include "srs/SchedulerConfig.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mlaprep {

class Database;
class SettingsRepository;
class Store;

// Every setting the learner changes: the exam date and daily minutes the plan is built from, and the
// review queue's desired retention, daily limits and FSRS weights (defaults as the scheduler's).
struct Settings {
    std::optional<CalendarDate> examDate;
    int minutesPerDay = 40;
    double desiredRetention = srs::SchedulerConfig {}.desiredRetention;
    int newPerDay = srs::SchedulerConfig {}.newPerDay;
    int reviewsPerDay = srs::SchedulerConfig {}.reviewsPerDay;
    fsrs::Parameters parameters = fsrs::DefaultParameters;

    bool operator==(const Settings&) const = default;
};

// The values a numeric setting may take, inclusive. The exam date's range counts days from today.
struct SettingRange {
    std::string_view field;
    std::string_view label;
    double min = 0.0;
    double max = 0.0;
    int decimals = 0;

    bool contains(double value) const { return value >= min && value <= max; }
    // "desired retention must be between 0.70 and 0.99".
    std::string message() const;
};

// Today up to five years ahead: a date beyond that is a typing slip (2207 for 2027).
inline constexpr SettingRange ExamDateRange { "exam_date", "exam date (days from today)", 0, 1826, 0 };
inline constexpr SettingRange MinutesPerDayRange { "minutes_per_day", "minutes per day", 5, 600, 0 };
inline constexpr SettingRange DesiredRetentionRange { "desired_retention", "desired retention", 0.70, 0.99,
    2 };
inline constexpr SettingRange NewPerDayRange { "new_per_day", "new items a day", 0, 9999, 0 };
inline constexpr SettingRange ReviewsPerDayRange { "reviews_per_day", "reviews a day", 0, 9999, 0 };

// The one table of ranges: SettingsService checks against it, the Settings dialog and the Today plan
// dialog bound their fields by it, the CLI checks its options by it.
inline constexpr std::array SettingRanges { ExamDateRange, MinutesPerDayRange, DesiredRetentionRange,
    NewPerDayRange, ReviewsPerDayRange };

// What is wrong with `wanted`, one problem per field, each naming the field and its allowed range. The
// exam date is checked only when it differs from `current` (a booked date stays once it has passed);
// `today` is the learner's calendar day number (CalendarDate::dayNumber).
Problems checkSettings(const Settings& wanted, const Settings& current, std::int64_t today);

// The stored settings, `defaults` for a value that is missing, unreadable or out of its range. Reads
// inside the caller's transaction, if any. Throws DbError.
Settings readSettings(Database& database, const Settings& defaults);

// The exam date as stored, as a day number; empty when none is set. Throws DbError.
std::optional<std::int64_t> storedExamDay(SettingsRepository& settings);

// The learner's settings, stored in the settings table. A stored value that is unreadable or out of its
// range reads as the default. Saving is one call and one transaction for every setting that changed.
// Not thread-safe.
class SettingsService {
public:
    // `live` is the scheduler configuration services read (StudyService's, shared with the services
    // built on it): its retention, limits and weights at construction are the defaults; every read and
    // save puts the stored ones in it, so those services see a change at once.
    SettingsService(std::shared_ptr<Store> store, const Clock& clock, srs::SchedulerConfig& live);

    Result<Settings> settings();
    // Checks every field (checkSettings) and, when all pass, writes those that differ from the stored
    // settings. Changes::settings when anything was written; Changes::studyQueue as well when it changes
    // what is due (everything but the minutes a day).
    Result<Changes> save(const Settings& settings);
    // Saves the stored settings as `edit` changes them (the rest as stored), checked and written as save
    // does, read and written in one transaction.
    Result<Changes> change(const std::function<void(Settings&)>& edit);

    // readSettings with this service's defaults, put in the live configuration. Throws DbError.
    Settings read(Database& database);

private:
    void apply(const Settings& settings);

    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    srs::SchedulerConfig& m_live;
    Settings m_defaults;
};

} // namespace mlaprep
