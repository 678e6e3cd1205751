#include "services/SettingsService.h"

#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/SettingText.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace mlaprep {

namespace {

constexpr auto ExamDateKey = "plan.exam_date";
constexpr auto MinutesKey = "plan.minutes_per_day";
constexpr auto RetentionKey = "srs.desired_retention";
constexpr auto NewPerDayKey = "srs.new_per_day";
constexpr auto ReviewsPerDayKey = "srs.reviews_per_day";
constexpr auto ParametersKey = "srs.parameters";

template <typename T> std::optional<T> parseNumber(std::string_view text)
{
    T value {};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// The stored number when it parses and lies in `range`, else `fallback`.
template <typename T>
T storedNumber(SettingsRepository& repository, std::string_view key, const SettingRange& range, T fallback)
{
    const auto text = repository.get(key);
    const auto value = text ? parseNumber<T>(*text) : std::nullopt;
    return value && range.contains(static_cast<double>(*value)) ? *value : fallback;
}

std::string formatBound(double value, int decimals)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

Problem settingProblem(std::string field, std::string message)
{
    return Problem { Severity::Error, "", "", std::move(field), std::move(message), 0, 0,
        ProblemKind::UserInput };
}

} // namespace

std::string SettingRange::message() const
{
    return std::string(label) + " must be between " + formatBound(min, decimals) + " and "
        + formatBound(max, decimals);
}

Problems checkSettings(const Settings& wanted, const Settings& current, std::int64_t today)
{
    Problems problems;
    const auto check = [&](const SettingRange& range, double value) {
        if (!range.contains(value)) {
            problems.push_back(settingProblem(std::string(range.field), range.message()));
        }
    };
    if (wanted.examDate && wanted.examDate != current.examDate) {
        const std::int64_t daysAhead = wanted.examDate->dayNumber() - today;
        if (!ExamDateRange.contains(static_cast<double>(daysAhead))) {
            const auto dayText = [&](double days) {
                return CalendarDate::fromDayNumber(today + static_cast<std::int64_t>(days)).toText();
            };
            problems.push_back(settingProblem(std::string(ExamDateRange.field),
                "the exam date " + wanted.examDate->toText()
                    + (daysAhead < 0 ? " has passed" : " is too far ahead") + ": choose a day from today ("
                    + dayText(ExamDateRange.min) + ") to " + dayText(ExamDateRange.max)));
        }
    }
    check(MinutesPerDayRange, wanted.minutesPerDay);
    check(DesiredRetentionRange, wanted.desiredRetention);
    check(NewPerDayRange, wanted.newPerDay);
    check(ReviewsPerDayRange, wanted.reviewsPerDay);
    if (wanted.parameters != current.parameters) {
        if (auto checked = fsrs::checkAndFillParameters(wanted.parameters); !checked) {
            for (const auto& problem : checked.problems()) {
                problems.push_back(settingProblem(problem.field, problem.message));
            }
        }
    }
    return problems;
}

std::optional<std::int64_t> storedExamDay(SettingsRepository& settings)
{
    const auto text = settings.get(ExamDateKey);
    const auto date = text ? CalendarDate::fromText(*text) : std::nullopt;
    return date ? std::optional(date->dayNumber()) : std::nullopt;
}

SettingsService::SettingsService(std::shared_ptr<Store> store, const Clock& clock, srs::SchedulerConfig& live)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_live(live)
{
    m_defaults.desiredRetention = live.desiredRetention;
    m_defaults.newPerDay = live.newPerDay;
    m_defaults.reviewsPerDay = live.reviewsPerDay;
    m_defaults.parameters = live.parameters;
}

Settings readSettings(Database& database, const Settings& defaults)
{
    SettingsRepository repository(database);
    Settings settings;
    if (const auto date = repository.get(ExamDateKey)) {
        settings.examDate = CalendarDate::fromText(*date);
    }
    settings.minutesPerDay = storedNumber(repository, MinutesKey, MinutesPerDayRange, defaults.minutesPerDay);
    settings.desiredRetention
        = storedNumber(repository, RetentionKey, DesiredRetentionRange, defaults.desiredRetention);
    settings.newPerDay = storedNumber(repository, NewPerDayKey, NewPerDayRange, defaults.newPerDay);
    settings.reviewsPerDay
        = storedNumber(repository, ReviewsPerDayKey, ReviewsPerDayRange, defaults.reviewsPerDay);
    const auto parameters = repository.get(ParametersKey);
    settings.parameters
        = (parameters ? srs::parametersFromText(*parameters) : std::nullopt).value_or(defaults.parameters);
    return settings;
}

Settings SettingsService::read(Database& database)
{
    Settings settings = readSettings(database, m_defaults);
    apply(settings);
    return settings;
}

void SettingsService::apply(const Settings& settings)
{
    m_live.desiredRetention = settings.desiredRetention;
    m_live.newPerDay = settings.newPerDay;
    m_live.reviewsPerDay = settings.reviewsPerDay;
    m_live.parameters = settings.parameters;
}

Result<Settings> SettingsService::settings()
{
    return guardStore<Settings>([&] { return read(m_store->database()); });
}

Result<Changes> SettingsService::save(const Settings& settings)
{
    return change([&](Settings& stored) { stored = settings; });
}

Result<Changes> SettingsService::change(const std::function<void(Settings&)>& edit)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        Transaction transaction(database);
        const Settings current = read(database);
        Settings wanted = current;
        edit(wanted);
        if (auto problems = checkSettings(wanted, current, localDate(m_clock).dayNumber());
            !problems.empty()) {
            return Result<Changes>::failure(std::move(problems));
        }
        SettingsRepository repository(database);
        Changes changes;
        const auto write = [&](bool differs, std::string_view key, const std::string& value, bool queue) {
            if (differs) {
                repository.set(key, value, m_clock.now());
                changes.settings = true;
                changes.studyQueue = changes.studyQueue || queue;
            }
        };
        write(wanted.examDate != current.examDate, ExamDateKey,
            wanted.examDate ? wanted.examDate->toText() : std::string(), true);
        write(wanted.minutesPerDay != current.minutesPerDay, MinutesKey, std::to_string(wanted.minutesPerDay),
            false);
        write(wanted.desiredRetention != current.desiredRetention, RetentionKey,
            srs::numberText(wanted.desiredRetention), true);
        write(wanted.newPerDay != current.newPerDay, NewPerDayKey, std::to_string(wanted.newPerDay), true);
        write(wanted.reviewsPerDay != current.reviewsPerDay, ReviewsPerDayKey,
            std::to_string(wanted.reviewsPerDay), true);
        write(wanted.parameters != current.parameters, ParametersKey, srs::parametersText(wanted.parameters),
            true);
        transaction.commit();
        apply(wanted);
        return changes;
    });
}

} // namespace mlaprep
