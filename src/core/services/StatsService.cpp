#include "services/StatsService.h"

#include "content/Bundle.h"
#include "exam/ScaledScore.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/StudyDay.h"
#include "srs/StudyItem.h"
#include "store/Database.h"
#include "store/RealExamResultRepository.h"
#include "store/StatsRepository.h"
#include "store/Transaction.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace mlaprep {

namespace {

constexpr int ReviewPhase = 2;
constexpr int Again = 1;

void addTo(std::map<std::int64_t, WeekAccuracy>& weeks, std::int64_t day, bool right)
{
    const std::int64_t start = weekStartOf(day);
    WeekAccuracy& week = weeks[start];
    week.weekStart = start;
    ++week.answers;
    week.right += right ? 1 : 0;
}

std::vector<WeekAccuracy> toVector(const std::map<std::int64_t, WeekAccuracy>& weeks)
{
    std::vector<WeekAccuracy> result;
    result.reserve(weeks.size());
    for (const auto& [start, week] : weeks) {
        result.push_back(week);
    }
    return result;
}

} // namespace

std::int64_t weekStartOf(std::int64_t day)
{
    // Day 0 (1970-01-01) was a Thursday, so day 4 was a Monday.
    const std::int64_t sinceMonday = ((day - 4) % 7 + 7) % 7;
    return day - sinceMonday;
}

StatsService::StatsService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
    const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_bundle(bundle)
    , m_clock(clock)
    , m_schedulerConfig(schedulerConfig)
{
}

StatsService::~StatsService() = default;

Result<StatsReport> StatsService::report()
{
    try {
        Database& database = m_store->database();
        std::vector<StatsAnswerRow> answers;
        std::vector<StatsDueRow> scheduled;
        std::vector<StatsAttemptRow> attempts;
        std::vector<RealExamResultRow> realExams;
        {
            // One snapshot, so the charts agree with each other.
            Transaction read(database);
            StatsRepository repository(database);
            answers = repository.answers();
            scheduled = repository.scheduled();
            attempts = repository.finishedAttempts();
            realExams = RealExamResultRepository(database).all();
            read.commit();
        }

        // The bundle may grow while the app runs (imported cards), so the map is built per report.
        std::unordered_map<std::string, std::size_t> domainIndex;
        for (std::size_t i = 0; i < m_bundle.domains.size(); ++i) {
            domainIndex.emplace(m_bundle.domains[i].id, i);
        }
        std::unordered_map<std::string, std::size_t> domainOfItem;
        std::unordered_set<std::string> known;
        for (const auto& item : srs::studyItemsOf(m_bundle)) {
            known.insert(item.id);
            if (const Task* task = m_bundle.findTask(item.taskId)) {
                const auto found = domainIndex.find(task->domainId);
                if (found != domainIndex.end()) {
                    domainOfItem.emplace(item.id, found->second);
                }
            }
        }

        const int dayStartHour = m_schedulerConfig.dayStartHour;
        const auto dayOf = [&](std::int64_t ms) {
            const Instant at = fromEpochMilliseconds(ms);
            return srs::studyDay(at, m_clock.utcOffsetMinutes(at), dayStartHour);
        };
        const Instant now = m_clock.now();

        StatsReport report;
        report.today = srs::studyDay(now, m_clock.utcOffsetMinutes(now), dayStartHour);
        report.desiredRetention = m_schedulerConfig.desiredRetention;
        report.passingScore = m_bundle.exam.pass;
        report.totalAnswers = static_cast<int>(answers.size());
        report.empty = answers.empty() && attempts.empty() && realExams.empty();
        report.realExams = std::move(realExams);

        const std::int64_t firstDay = report.today - StatsReport::Days + 1;
        report.reviewsPerDay.resize(StatsReport::Days);
        report.dueForecast.resize(StatsReport::Days);
        for (int i = 0; i < StatsReport::Days; ++i) {
            report.reviewsPerDay[static_cast<std::size_t>(i)].day = firstDay + i;
            report.dueForecast[static_cast<std::size_t>(i)].day = report.today + i;
        }

        std::vector<std::map<std::int64_t, WeekAccuracy>> domainWeeks(m_bundle.domains.size());
        std::map<std::int64_t, WeekAccuracy> retentionWeeks;
        std::vector<analytics::ItemOutcome> outcomes;
        outcomes.reserve(answers.size());
        for (const auto& row : answers) {
            const std::int64_t day = dayOf(row.reviewedMs);
            const bool right = row.rating > Again;
            if (day >= firstDay && day <= report.today) {
                DayReviews& bucket = report.reviewsPerDay[static_cast<std::size_t>(day - firstDay)];
                ++(row.source == "review" ? bucket.review : bucket.exam);
            }
            if (const auto found = domainOfItem.find(row.itemId); found != domainOfItem.end()) {
                addTo(domainWeeks[found->second], day, right);
            }
            if (row.source == "review" && row.phaseBefore == ReviewPhase) {
                addTo(retentionWeeks, day, right);
            }
            outcomes.push_back(analytics::ItemOutcome { row.itemId, right });
        }
        report.weakestTask = analytics::weakestTaskBullets(m_bundle, outcomes);
        for (std::size_t i = 0; i < m_bundle.domains.size(); ++i) {
            report.domainAccuracy.push_back(DomainAccuracy {
                m_bundle.domains[i].id, m_bundle.domains[i].title, toVector(domainWeeks[i]) });
        }
        report.retention = toVector(retentionWeeks);

        for (const auto& row : scheduled) {
            if (known.count(row.itemId) == 0) {
                continue;
            }
            const std::int64_t day = std::max(dayOf(row.dueMs), report.today);
            if (day < report.today + StatsReport::Days) {
                ++report.dueForecast[static_cast<std::size_t>(day - report.today)].items;
            }
        }

        for (const auto& row : attempts) {
            if (!row.scaledScore) {
                continue;
            }
            report.exams.push_back(ExamScorePoint { row.id, row.mode == "exam", row.finishedMs,
                dayOf(row.finishedMs), row.scoredCorrect, row.scoredTotal, *row.scaledScore });
        }
        return report;
    } catch (...) {
        return Result<StatsReport>::failure(currentProblem());
    }
}

} // namespace mlaprep
