#pragma once

#include "analytics/Mastery.h"
#include "analytics/Readiness.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "srs/Phase.h"
#include "srs/SchedulerConfig.h"
#include "srs/StudyItem.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;
class ReadinessTracker;

struct ProgressSummary {
    analytics::MasteryReport mastery;
    analytics::Readiness readiness;
};

// The learner's state on one item, for the lists of cards and questions that cite a note.
struct ItemProgress {
    std::string itemId;
    srs::Phase phase = srs::Phase::New;
    std::optional<double> recall; // retrievability now; empty when never answered
    std::optional<Instant> due; // empty when new
    int reps = 0;
    int lapses = 0;
    std::optional<bool> lastRight; // the newest answer was not Again
};

// Read-only progress figures: mastery per task and domain, the readiness estimate, per-item state.
// Reads the store and hands the values to analytics/ (pure); never writes.
class ProgressService {
public:
    // `schedulerConfig` is the learner's (StudyService::config()): its parameters give recall and its
    // desired retention is the "mastered" line.
    ProgressService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
        const srs::SchedulerConfig& schedulerConfig);
    ~ProgressService();

    // Mastery and the readiness forecast of a mock taken now.
    Result<ProgressSummary> summary();
    // The readiness forecast from the history up to `until` only, for a mock taken then.
    Result<analytics::Readiness> readinessAt(Instant until);
    Result<std::map<std::string, ItemProgress>> itemProgress(const std::vector<std::string>& itemIds);

    const Bundle& bundle() const { return m_bundle; }
    const Clock& clock() const { return m_clock; }
    const srs::SchedulerConfig& schedulerConfig() const { return m_schedulerConfig; }
    // The schedulable item, or null.
    const srs::StudyItem* findItem(const std::string& itemId) const;

private:
    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const Clock& m_clock;
    const srs::SchedulerConfig& m_schedulerConfig;
    std::vector<srs::StudyItem> m_items;
    std::unordered_map<std::string, std::size_t> m_index;
    // Kept between calls so that each summary reads only the answers added since the last.
    std::unique_ptr<ReadinessTracker> m_readiness;
};

} // namespace mlaprep
