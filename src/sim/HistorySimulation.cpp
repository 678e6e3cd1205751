#include "sim/HistorySimulation.h"

#include "common/SeededRandom.h"
#include "content/Answer.h"
#include "content/Bundle.h"
#include "exam/SimulatedAnswer.h"
#include "services/ExamService.h"
#include "services/StudyService.h"
#include "srs/StudyItem.h"

#include <map>

namespace mlaprep {

namespace {

class SimulatedClock final : public Clock {
public:
    explicit SimulatedClock(int offsetMinutes)
        : m_offsetMinutes(offsetMinutes)
    {
    }
    Instant now() const override { return m_now; }
    int utcOffsetMinutes(Instant) const override { return m_offsetMinutes; }
    void set(Instant at) { m_now = at; }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    Instant m_now {};
    int m_offsetMinutes;
};

double uniform(SeededRandom& random)
{
    return static_cast<double>(random.next() >> 11) / static_cast<double>(1ull << 53);
}

} // namespace

Result<SimulationSummary> simulateHistory(
    std::shared_ptr<Store> store, const Bundle& bundle, const SimulationOptions& options)
{
    using namespace std::chrono_literals;
    SimulatedClock clock(options.utcOffsetMinutes);
    srs::SchedulerConfig config = srs::SchedulerConfig::defaultsForTesting();
    StudyService study(store, srs::studyItemsOf(bundle), clock, config);
    ExamService exams(store, bundle, clock, study.config());
    SeededRandom random(options.seed);

    std::map<std::string, double> taskSkill;
    for (const auto& domain : bundle.domains) {
        for (const auto& task : domain.tasks) {
            taskSkill[task.id] = 0.45 + 0.35 * uniform(random);
        }
    }
    std::map<std::string, const Question*> questions;
    for (const Question* question : bundle.scoredItems()) {
        questions.emplace(question->id, question);
    }
    std::map<std::string, int> seen;
    const auto probabilityRight = [&](const std::string& itemId, const std::string& taskId, int day) {
        const double growth = 0.25 * day / std::max(1, options.days);
        const double practice = 0.08 * std::min(seen[itemId], 3);
        return std::min(0.97, taskSkill[taskId] + growth + practice);
    };

    SimulationSummary summary;
    // Each day starts at 18:00 local time.
    const Instant firstDay = options.end - std::chrono::hours(24 * options.days)
        - std::chrono::minutes(options.utcOffsetMinutes);
    for (int day = 0; day < options.days; ++day) {
        const auto dayStart = std::chrono::floor<std::chrono::days>(firstDay + std::chrono::hours(24 * day));
        clock.set(Instant(std::chrono::duration_cast<std::chrono::milliseconds>(dayStart.time_since_epoch()))
            + 18h - std::chrono::minutes(options.utcOffsetMinutes));
        for (int n = 0; n < options.answersPerDay; ++n) {
            auto next = study.nextItem();
            if (!next.ok()) {
                return Result<SimulationSummary>::failure(next.problems());
            }
            if (!next.value()) {
                break;
            }
            const std::string id = next.value()->itemId;
            const srs::StudyItem* item = study.findItem(id);
            const bool right = uniform(random) < probabilityRight(id, item ? item->taskId : "", day);
            ++seen[id];
            auto answered = study.answer(id, right ? fsrs::Rating::Good : fsrs::Rating::Again, 15s);
            if (!answered.ok()) {
                return Result<SimulationSummary>::failure(answered.problems());
            }
            ++summary.answers;
            clock.advance(20s);
        }
        if (options.mockEveryDays > 0 && (day + 1) % options.mockEveryDays == 0) {
            StartRequest request;
            request.seed = options.seed * 1000 + static_cast<std::uint64_t>(day);
            const int bank = static_cast<int>(bundle.scoredItems().size());
            if (bank < request.questions * 2) {
                // A small bank (test bundles) cannot fill a full mock: a practice set of a third of it.
                request.mode = ExamMode::Practice;
                request.timed = false;
                request.questions = std::max(1, bank / 3);
            }
            auto session = exams.start(request);
            if (!session.ok()) {
                return Result<SimulationSummary>::failure(session.problems());
            }
            const std::vector<AttemptItem> placedItems = session->attempt().items;
            for (const auto& placed : placedItems) {
                const Question* question
                    = questions.count(placed.item.itemId) ? questions[placed.item.itemId] : nullptr;
                if (!question) {
                    continue;
                }
                const bool right
                    = uniform(random) < probabilityRight(question->id, question->task, day) - 0.05;
                clock.advance(90s);
                const Answer answer
                    = right ? keyOf(*question) : simulatedAnswer(*question, placed.item.optionOrder);
                auto recorded = exams.answer(session.value(), question->id, answer);
                if (!recorded.ok()) {
                    return Result<SimulationSummary>::failure(recorded.problems());
                }
            }
            auto submitted = exams.submit(session.value());
            if (!submitted.ok()) {
                return Result<SimulationSummary>::failure(submitted.problems());
            }
            ++summary.exams;
        }
    }
    return summary;
}

} // namespace mlaprep
