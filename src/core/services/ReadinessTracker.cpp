#include "services/ReadinessTracker.h"

#include "content/Bundle.h"
#include "exam/Equating.h"
#include "fsrs/Fsrs.h"
#include "store/ProgressRepository.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <map>

namespace mlaprep {

namespace {

constexpr double MsPerDay = 86'400'000.0;

std::vector<irt::RaschModel::Item> modelItems(const TrackedBank& bank, const irt::RaschConfig& config)
{
    std::vector<irt::RaschModel::Item> items;
    items.reserve(bank.items.size());
    for (const auto& item : bank.items) {
        items.push_back(irt::RaschModel::Item { item.task, irt::levelDifficulty(item.level, config) });
    }
    return items;
}

} // namespace

TrackedBank trackedBankOf(const Bundle& bundle)
{
    TrackedBank bank;
    bank.exam = bundle.exam;
    std::map<std::string, int> taskIndex;
    std::map<std::string, std::size_t> domainIndex;
    for (const auto& domain : bundle.domains) {
        domainIndex.emplace(domain.id, bank.domains.size());
        bank.domains.push_back(analytics::ForecastDomain { domain.id, domain.title });
        for (const auto& task : domain.tasks) {
            taskIndex.emplace(task.id, bank.tasks++);
            bank.taskIds.push_back(task.id);
        }
    }
    for (const auto& card : bundle.cards) {
        if (const auto task = taskIndex.find(card.task); task != taskIndex.end()) {
            bank.practiceItems.emplace(card.id, task->second);
        }
    }
    for (const auto& item : blueprintBank(bundle)) {
        bank.items.push_back(TrackedItem { item.question->id, taskIndex.at(item.question->task),
            domainIndex.at(item.domainId), item.level, item.share });
    }
    return bank;
}

ReadinessTracker::ReadinessTracker(
    TrackedBank bank, std::optional<std::int64_t> untilMs, irt::RaschConfig config)
    : m_bank(std::move(bank))
    , m_untilMs(untilMs)
    , m_config(config)
    , m_model(modelItems(m_bank, m_config), m_bank.tasks, m_config)
    , m_memory(m_bank.items.size())
    , m_practice(static_cast<std::size_t>(m_bank.tasks), 0)
{
    for (std::size_t i = 0; i < m_bank.items.size(); ++i) {
        m_index.emplace(m_bank.items[i].id, i);
    }
}

void ReadinessTracker::reset()
{
    m_model = irt::RaschModel(modelItems(m_bank, m_config), m_bank.tasks, m_config);
    m_memory.assign(m_bank.items.size(), std::nullopt);
    m_practice.assign(static_cast<std::size_t>(m_bank.tasks), 0);
    m_answers = 0;
    m_lastId = 0;
}

void ReadinessTracker::refresh(Database& database, Instant at)
{
    ProgressRepository log(database);
    // Rows are only ever appended, except by an undo or a history rebuild (import, sync), which the log
    // counts: then answers read before may be gone, and the model starts again. Read before the rows, so
    // that a removal in between is noticed on the next call.
    const std::int64_t removals = log.removals();
    if (removals != m_removals) {
        reset();
        m_removals = removals;
    }
    const std::int64_t untilMs = m_untilMs.value_or(std::numeric_limits<std::int64_t>::max());
    log.forEachAnswerAfter(m_lastId, untilMs, [&](const MemoryRow& row) {
        m_lastId = std::max(m_lastId, row.id);
        ++m_answers;
        const auto found = m_index.find(row.itemId);
        if (found == m_index.end()) {
            if (const auto other = m_bank.practiceItems.find(row.itemId);
                other != m_bank.practiceItems.end()) {
                ++m_practice[static_cast<std::size_t>(other->second)];
            }
            return;
        }
        const auto task = static_cast<std::size_t>(m_bank.items[found->second].task);
        m_model.observe(found->second, row.rating > 1, row.reviewedMs / MsPerDay, m_practice[task]);
        ++m_practice[task];
        auto& memory = m_memory[found->second];
        if (!memory || memory->lastReviewMs <= row.reviewedMs) {
            memory = Memory { row.stabilityAfter, row.difficultyAfter, row.reviewedMs };
        }
    });
    for (int t = 0; t < m_bank.tasks; ++t) {
        m_model.setPractice(t, m_practice[static_cast<std::size_t>(t)]);
    }
    m_model.fit(toEpochMilliseconds(at) / MsPerDay);
}

analytics::Readiness ReadinessTracker::forecast(
    const fsrs::Parameters& parameters, Instant at, const analytics::ReadinessConfig& config) const
{
    const fsrs::Fsrs memoryModel(parameters);
    const double atMs = static_cast<double>(toEpochMilliseconds(at));
    const double weaker = std::exp(-config.memorySpread);
    const double stronger = std::exp(config.memorySpread);
    analytics::ReadinessInput input;
    input.exam = m_bank.exam;
    input.domains = m_bank.domains;
    input.taskIds = m_bank.taskIds;
    input.recallAfterStudy = memoryModel.retrievability(memoryModel.initialState(fsrs::Rating::Good), 1.0);
    input.answers = m_answers;
    input.items.reserve(m_bank.items.size());
    for (std::size_t i = 0; i < m_bank.items.size(); ++i) {
        const TrackedItem& item = m_bank.items[i];
        analytics::ForecastItem forecastItem;
        forecastItem.modelItem = i;
        forecastItem.domain = item.domain;
        forecastItem.share = item.share;
        if (const auto& memory = m_memory[i]) {
            const double days = std::max(0.0, (atMs - static_cast<double>(memory->lastReviewMs)) / MsPerDay);
            const fsrs::MemoryState state { memory->stability, memory->difficulty };
            forecastItem.recall = memoryModel.retrievability(state, days);
            forecastItem.recallWeaker
                = memoryModel.retrievability({ state.stability * weaker, state.difficulty }, days);
            forecastItem.recallStronger
                = memoryModel.retrievability({ state.stability * stronger, state.difficulty }, days);
        }
        input.items.push_back(forecastItem);
    }
    return analytics::forecastReadiness(m_model, input, config);
}

} // namespace mlaprep
