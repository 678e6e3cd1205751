#include "services/PlanService.h"

#include "content/Bundle.h"
#include "services/ProgressService.h"
#include "services/SettingsService.h"
#include "services/SrsRows.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace mlaprep {

namespace {

constexpr int PaceDays = 7;

} // namespace

struct PlanService::Snapshot {
    std::vector<srs::ExamDayItem> states; // one per m_items
    int unseenCards = 0;
    int unseenQuestions = 0;
    int lastLookItems = 0;
};

PlanService::PlanService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
    const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_schedulerConfig(schedulerConfig)
    , m_items(srs::studyItemsOf(bundle))
{
}

std::int64_t PlanService::today() const
{
    const Instant now = m_clock.now();
    return srs::studyDay(now, m_clock.utcOffsetMinutes(now), m_schedulerConfig.dayStartHour);
}

PlanService::Snapshot PlanService::snapshot(std::int64_t examDay)
{
    std::unordered_map<std::string, ItemStateRow> rows;
    for (auto& row : ItemStateRepository(m_store->database()).all()) {
        std::string id = row.itemId;
        rows.emplace(std::move(id), std::move(row));
    }
    const Instant now = m_clock.now();
    const int offset = m_clock.utcOffsetMinutes(now);
    const fsrs::Fsrs model(m_schedulerConfig.parameters);
    const std::vector<double> weights = srs::examWeights(m_items);
    Snapshot snapshot;
    snapshot.states.reserve(m_items.size());
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto found = rows.find(m_items[i].id);
        srs::ExamDayItem state = found == rows.end()
            ? srs::unseenItem(weights[i])
            : toExamDayItem(found->second, weights[i], offset, m_schedulerConfig.dayStartHour);
        if (state.phase == srs::Phase::New) {
            ++(m_items[i].kind == srs::ItemKind::Card ? snapshot.unseenCards : snapshot.unseenQuestions);
        } else if (state.phase == srs::Phase::Review && state.dueDay >= examDay
            && srs::predictedExamRecall(model, state, examDay) < srs::ExamRecallTarget) {
            ++snapshot.lastLookItems;
        }
        snapshot.states.push_back(std::move(state));
    }
    return snapshot;
}

Result<srs::ReviewTimings> PlanService::timings()
{
    try {
        srs::ReviewTimings timings;
        for (const auto& summary : ReviewLogRepository(m_store->database()).durationSummaries()) {
            if (summary.answers < MinTimedAnswers) {
                continue;
            }
            const double seconds = summary.medianMs / 1000.0;
            const bool card = summary.kind == "card";
            (card ? (summary.firstSight ? timings.cardFirstSight : timings.cardReview)
                  : (summary.firstSight ? timings.questionFirstSight : timings.questionReview))
                = seconds;
        }
        return timings;
    } catch (...) {
        return Result<srs::ReviewTimings>::failure(currentProblem());
    }
}

Result<srs::StudyPlan> PlanService::plan(int dueToday)
{
    auto current = guardStore<Settings>([&] { return readSettings(m_store->database(), Settings {}); });
    if (!current.ok()) {
        return Result<srs::StudyPlan>::failure(current.problems());
    }
    if (!current->examDate) {
        return srs::StudyPlan {};
    }
    auto measured = timings();
    if (!measured.ok()) {
        return Result<srs::StudyPlan>::failure(measured.problems());
    }
    try {
        srs::PlanInputs inputs;
        inputs.today = today();
        inputs.examDay = current->examDate->dayNumber();
        inputs.minutesPerDay = current->minutesPerDay;
        inputs.newPerDay = m_schedulerConfig.newPerDay;
        inputs.dueToday = dueToday;
        inputs.timings = measured.value();
        const Snapshot now = snapshot(inputs.examDay);
        inputs.unseenCards = now.unseenCards;
        inputs.unseenQuestions = now.unseenQuestions;
        inputs.lastLookItems = now.lastLookItems;
        return srs::buildStudyPlan(inputs);
    } catch (...) {
        return Result<srs::StudyPlan>::failure(currentProblem());
    }
}

Result<std::optional<ExamOutlook>> PlanService::outlook()
{
    using Outlook = std::optional<ExamOutlook>;
    auto current = plan();
    if (!current.ok()) {
        return Result<Outlook>::failure(current.problems());
    }
    if (!current->examSet || current->days.empty()) {
        return Outlook();
    }
    try {
        const std::int64_t day = today();
        const std::int64_t examDay = day + current->daysLeft;
        const Instant now = m_clock.now();
        const int offset = m_clock.utcOffsetMinutes(now);
        // The pace: new items met on the Review screen over the last PaceDays study days (fewer when the
        // learner started more recently), today included.
        ReviewLogRepository log(m_store->database());
        const std::int64_t paceStart = std::max<std::int64_t>(day - (PaceDays - 1), [&] {
            const auto first = log.earliestMs();
            return first
                ? srs::studyDay(fromEpochMilliseconds(*first), offset, m_schedulerConfig.dayStartHour)
                : day;
        }());
        const int metRecently = log.countSince(
            toEpochMilliseconds(srs::startOfStudyDay(paceStart, offset, m_schedulerConfig.dayStartHour)),
            "review", srs::toInt(srs::Phase::New));
        ExamOutlook outlook;
        outlook.planNewPerDay = std::min(current->newPerDayNeeded, m_schedulerConfig.newPerDay);
        outlook.paceNewPerDay = static_cast<double>(metRecently) / static_cast<double>(day - paceStart + 1);
        const Snapshot states = snapshot(examDay);
        const fsrs::Fsrs model(m_schedulerConfig.parameters);
        const double retention = m_schedulerConfig.desiredRetention;
        const srs::RatingMix mix = srs::RatingMix::fromCounts(log.reviewRatingCounts());
        outlook.keepingPlan = srs::forecastExamRecall(
            model, m_items, states.states, day, examDay, outlook.planNewPerDay, retention, mix);
        outlook.atPace = srs::forecastExamRecall(model, m_items, states.states, day, examDay,
            static_cast<int>(std::lround(outlook.paceNewPerDay)), retention, mix);
        return Outlook(outlook);
    } catch (...) {
        return Result<Outlook>::failure(currentProblem());
    }
}

} // namespace mlaprep
