#include "services/PlanService.h"

#include "content/Bundle.h"
#include "services/ProgressService.h"
#include "services/Store.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"

#include <chrono>
#include <cstdio>

namespace mlaprep {

namespace {

constexpr auto ExamDateKey = "plan.exam_date";
constexpr auto MinutesKey = "plan.minutes_per_day";

} // namespace

std::string CalendarDate::toText() const
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
}

std::optional<CalendarDate> CalendarDate::fromText(const std::string& text)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date { std::chrono::year(year), std::chrono::month(month),
        std::chrono::day(day) };
    if (!date.ok()) {
        return std::nullopt;
    }
    return CalendarDate { year, month, day };
}

std::int64_t CalendarDate::dayNumber() const
{
    const std::chrono::sys_days days = std::chrono::year_month_day { std::chrono::year(year),
        std::chrono::month(month), std::chrono::day(day) };
    return days.time_since_epoch().count();
}

PlanService::PlanService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
    const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_schedulerConfig(schedulerConfig)
{
    for (const auto& card : bundle.cards) {
        m_cards.insert(card.id);
    }
    for (const Question* question : bundle.scoredItems()) {
        m_questions.insert(question->id);
    }
}

std::int64_t PlanService::today() const
{
    const Instant now = m_clock.now();
    return srs::studyDay(now, m_clock.utcOffsetMinutes(now), m_schedulerConfig.dayStartHour);
}

Result<PlanSettings> PlanService::settings()
{
    try {
        SettingsRepository repository(m_store->database());
        PlanSettings settings;
        if (const auto date = repository.get(ExamDateKey)) {
            settings.examDate = CalendarDate::fromText(*date);
        }
        if (const auto minutes = repository.get(MinutesKey)) {
            try {
                settings.minutesPerDay = std::clamp(std::stoi(*minutes), 5, 600);
            } catch (const std::exception&) {
                // A damaged value leaves the default.
            }
        }
        return settings;
    } catch (const std::exception& e) {
        return Result<PlanSettings>::failure(progressStoreProblem(e));
    }
}

Result<Changes> PlanService::setSettings(const PlanSettings& settings)
{
    if (settings.minutesPerDay < 5 || settings.minutesPerDay > 600) {
        return Result<Changes>::failure(Problem {
            Severity::Error, "", "", "minutes_per_day", "minutes per day must be between 5 and 600" });
    }
    try {
        Transaction transaction(m_store->database());
        SettingsRepository repository(m_store->database());
        repository.set(ExamDateKey, settings.examDate ? settings.examDate->toText() : std::string());
        repository.set(MinutesKey, std::to_string(settings.minutesPerDay));
        transaction.commit();
        Changes changes;
        changes.settings = true;
        return changes;
    } catch (const std::exception& e) {
        return Result<Changes>::failure(progressStoreProblem(e));
    }
}

Result<analytics::StudyPlan> PlanService::plan(int dueToday)
{
    auto current = settings();
    if (!current.ok()) {
        return Result<analytics::StudyPlan>::failure(current.problems());
    }
    if (!current->examDate) {
        return analytics::StudyPlan {};
    }
    try {
        analytics::PlanInputs inputs;
        inputs.today = today();
        inputs.examDay = current->examDate->dayNumber();
        inputs.minutesPerDay = current->minutesPerDay;
        inputs.dueToday = dueToday;
        const Instant now = m_clock.now();
        const std::int64_t examStartMs = toEpochMilliseconds(srs::startOfStudyDay(
            inputs.examDay, m_clock.utcOffsetMinutes(now), m_schedulerConfig.dayStartHour));
        for (const auto& row : ItemStateRepository(m_store->database()).all()) {
            const bool card = m_cards.count(row.itemId) > 0;
            if (!card && m_questions.count(row.itemId) == 0) {
                continue;
            }
            if (row.phase == 0) {
                ++(card ? inputs.unseenCards : inputs.unseenQuestions);
            } else if (row.dueMs >= examStartMs) {
                ++inputs.lastLookItems;
            }
        }
        return analytics::buildStudyPlan(inputs);
    } catch (const std::exception& e) {
        return Result<analytics::StudyPlan>::failure(progressStoreProblem(e));
    }
}

} // namespace mlaprep
