#include "services/ProgressService.h"

#include "content/Bundle.h"
#include "fsrs/Fsrs.h"
#include "services/ReadinessTracker.h"
#include "services/SrsRows.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/ProgressRepository.h"

namespace mlaprep {

ProgressService::ProgressService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
    const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_bundle(bundle)
    , m_clock(clock)
    , m_schedulerConfig(schedulerConfig)
    , m_items(srs::studyItemsOf(bundle))
    , m_readiness(std::make_unique<ReadinessTracker>(trackedBankOf(bundle)))
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_index.emplace(m_items[i].id, i);
    }
}

ProgressService::~ProgressService() = default;

const srs::StudyItem* ProgressService::findItem(const std::string& itemId) const
{
    const auto found = m_index.find(itemId);
    return found == m_index.end() ? nullptr : &m_items[found->second];
}

Result<ProgressSummary> ProgressService::summary()
{
    try {
        Database& database = m_store->database();
        const Instant now = m_clock.now();
        std::vector<analytics::AnswerRecord> answers;
        for (const auto& row : ProgressRepository(database).answers()) {
            const srs::StudyItem* item = findItem(row.itemId);
            if (!item) {
                continue;
            }
            answers.push_back(analytics::AnswerRecord {
                item->taskId, item->kind, row.rating > 1, fromEpochMilliseconds(row.reviewedMs) });
        }
        const fsrs::Fsrs model(m_schedulerConfig.parameters);
        std::unordered_map<std::string, std::pair<double, double>> recall; // recall, stability
        for (const auto& row : ItemStateRepository(database).all()) {
            const srs::ItemState state = toItemState(row);
            if (state.memory && state.lastReview) {
                const double days
                    = std::chrono::duration<double, std::ratio<86400>>(now - *state.lastReview).count();
                recall[row.itemId]
                    = { model.retrievability(*state.memory, std::max(0.0, days)), state.memory->stability };
            }
        }
        std::vector<analytics::ItemRecall> recalls;
        recalls.reserve(m_items.size());
        for (const auto& item : m_items) {
            const auto found = recall.find(item.id);
            recalls.push_back(analytics::ItemRecall { item.id, item.taskId, item.kind,
                found == recall.end() ? std::nullopt : std::optional(found->second.first),
                found == recall.end() ? 0.0 : found->second.second });
        }
        analytics::MasteryConfig config;
        config.masteredRecall = m_schedulerConfig.desiredRetention;
        ProgressSummary summary;
        summary.mastery = analytics::computeMastery(m_bundle, answers, recalls, now, config);
        m_readiness->refresh(database, now);
        summary.readiness = m_readiness->forecast(m_schedulerConfig.parameters, now);
        return summary;
    } catch (...) {
        return Result<ProgressSummary>::failure(currentProblem());
    }
}

Result<analytics::Readiness> ProgressService::readinessAt(Instant until)
{
    try {
        ReadinessTracker tracker(trackedBankOf(m_bundle), toEpochMilliseconds(until));
        tracker.refresh(m_store->database(), until);
        return tracker.forecast(m_schedulerConfig.parameters, until);
    } catch (...) {
        return Result<analytics::Readiness>::failure(currentProblem());
    }
}

Result<std::map<std::string, ItemProgress>> ProgressService::itemProgress(
    const std::vector<std::string>& itemIds)
{
    using Map = std::map<std::string, ItemProgress>;
    try {
        Database& database = m_store->database();
        ItemStateRepository states(database);
        const fsrs::Fsrs model(m_schedulerConfig.parameters);
        const Instant now = m_clock.now();
        Map result;
        for (const auto& id : itemIds) {
            ItemProgress progress;
            progress.itemId = id;
            if (const auto row = states.find(id)) {
                const srs::ItemState state = toItemState(*row);
                progress.phase = state.phase;
                progress.reps = state.reps;
                progress.lapses = state.lapses;
                if (state.phase != srs::Phase::New) {
                    progress.due = state.due;
                }
                if (state.memory && state.lastReview) {
                    const double days
                        = std::chrono::duration<double, std::ratio<86400>>(now - *state.lastReview).count();
                    progress.recall = model.retrievability(*state.memory, std::max(0.0, days));
                }
            }
            result.emplace(id, progress);
        }
        // The newest answer of each item, from one pass over the log.
        for (const auto& row : ProgressRepository(database).answers()) {
            const auto found = result.find(row.itemId);
            if (found != result.end()) {
                found->second.lastRight = row.rating > 1;
            }
        }
        return result;
    } catch (...) {
        return Result<Map>::failure(currentProblem());
    }
}

} // namespace mlaprep
