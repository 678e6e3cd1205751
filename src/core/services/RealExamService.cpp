#include "services/RealExamService.h"

#include "services/ProgressService.h"
#include "services/SettingsService.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/RealExamResultRepository.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"

#include <string>

namespace mlaprep {

namespace {

constexpr std::int64_t DayMs = 86'400'000;

Problem inputProblem(const std::string& field, const std::string& message)
{
    Problem problem { Severity::Error, "", "", field, message };
    problem.kind = ProblemKind::UserInput;
    return problem;
}

ForecastBefore forecastOf(const analytics::Readiness& readiness)
{
    return ForecastBefore { readiness.scaled, readiness.scaledLow, readiness.scaledHigh, readiness.interval,
        readiness.passProbability, readiness.enoughData, readiness.answers, readiness.seenShare };
}

} // namespace

RealExamService::RealExamService(
    std::shared_ptr<Store> store, ProgressService& progress, const Clock& clock, ExamSpec exam)
    : m_store(std::move(store))
    , m_progress(progress)
    , m_clock(clock)
    , m_exam(exam)
{
}

Result<std::optional<CalendarDate>> RealExamService::awaitingResult()
{
    using Awaiting = std::optional<CalendarDate>;
    try {
        Database& database = m_store->database();
        SettingsRepository settings(database);
        const auto examDay = storedExamDay(settings);
        if (!examDay || *examDay > localDate(m_clock).dayNumber()) {
            return Awaiting();
        }
        const CalendarDate examDate = CalendarDate::fromDayNumber(*examDay);
        if (RealExamResultRepository(database).find(examDate.toText())) {
            return Awaiting();
        }
        return Awaiting(examDate);
    } catch (...) {
        return Result<Awaiting>::failure(currentProblem());
    }
}

Result<Changes> RealExamService::record(CalendarDate examDate, const RealExamScore& score)
{
    Problems problems;
    if (examDate.dayNumber() > localDate(m_clock).dayNumber()) {
        problems.push_back(inputProblem("exam date",
            "the exam on " + examDate.toText() + " has not happened yet; record it on the day or after"));
    }
    if (!score.scaled && !score.passed) {
        problems.push_back(inputProblem("score", "give the scaled score, or at least pass or fail"));
    }
    if (score.scaled && (*score.scaled < m_exam.scaleMin || *score.scaled > m_exam.scaleMax)) {
        problems.push_back(inputProblem("score",
            "a scaled score is between " + std::to_string(m_exam.scaleMin) + " and "
                + std::to_string(m_exam.scaleMax) + " (got " + std::to_string(*score.scaled) + ")"));
    }
    if (score.scaled && score.passed && (*score.scaled >= m_exam.pass) != *score.passed) {
        problems.push_back(inputProblem("score",
            std::to_string(*score.scaled) + (*score.passed ? " is below" : " is at or above")
                + " the pass mark (" + std::to_string(m_exam.pass) + ")"));
    }
    if (!problems.empty()) {
        return Result<Changes>::failure(std::move(problems));
    }
    try {
        Transaction transaction(m_store->database());
        RealExamResultRepository repository(m_store->database());
        RealExamResultRow row;
        row.examDate = examDate.toText();
        if (const auto recorded = repository.find(row.examDate)) {
            row.forecast = recorded->forecast;
        } else {
            // The forecast a learner saw the evening before: every answer up to the start of the exam day.
            auto readiness = m_progress.readinessAt(fromEpochMilliseconds(examDate.dayNumber() * DayMs));
            if (!readiness.ok()) {
                return Result<Changes>::failure(readiness.problems());
            }
            row.forecast = forecastOf(readiness.value());
        }
        row.scaled = score.scaled;
        row.passed = score.scaled ? *score.scaled >= m_exam.pass : *score.passed;
        row.recordedMs = toEpochMilliseconds(m_clock.now());
        repository.record(row);
        transaction.commit();
        Changes changes;
        changes.exams = true;
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem());
    }
}

Result<std::vector<RealExamResultRow>> RealExamService::results()
{
    try {
        return RealExamResultRepository(m_store->database()).all();
    } catch (...) {
        return Result<std::vector<RealExamResultRow>>::failure(currentProblem());
    }
}

} // namespace mlaprep
