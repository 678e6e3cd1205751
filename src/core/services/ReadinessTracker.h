#pragma once

#include "analytics/Readiness.h"
#include "common/Clock.h"
#include "fsrs/Parameters.h"
#include "irt/Rasch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mlaprep {

struct Bundle;
class Database;

// A scored item the forecast draws from: its task and domain (indices), bundle level and mock share.
struct TrackedItem {
    std::string id;
    int task = 0;
    std::size_t domain = 0;
    int level = 0;
    double share = 0.0;
};

// What the tracker needs to know of the bank: its items and the names of its tasks' domains.
struct TrackedBank {
    ExamSpec exam;
    std::vector<TrackedItem> items;
    // Cards and other answered items by task: practice on a task counts them too.
    std::unordered_map<std::string, int> practiceItems;
    std::vector<analytics::ForecastDomain> domains;
    std::vector<std::string> taskIds; // by task index
    int tasks = 0;
};

// The bundle's scored items as a blueprint mock draws them.
TrackedBank trackedBankOf(const Bundle& bundle);

// The readiness model of one store, kept in memory and brought up to date from the review log rows added
// since the last call (an exam's answers cost their own rows, not the history's). Item difficulties and
// abilities are recomputed from the log, never stored. When rows were taken out (undo, history import or
// sync) it starts again from the whole log.
class ReadinessTracker {
public:
    // Uses the log up to `untilMs` only (a forecast as of that moment), or all of it.
    explicit ReadinessTracker(
        TrackedBank bank, std::optional<std::int64_t> untilMs = std::nullopt, irt::RaschConfig config = {});

    // Reads the rows added since the last call and refits the model at `at`.
    void refresh(Database& database, Instant at);
    // The forecast for a fresh mock at `at` (the time of the last refresh).
    analytics::Readiness forecast(
        const fsrs::Parameters& parameters, Instant at, const analytics::ReadinessConfig& config = {}) const;

    const irt::RaschModel& model() const { return m_model; }

private:
    struct Memory {
        double stability = 0.0;
        double difficulty = 0.0;
        std::int64_t lastReviewMs = 0;
    };
    void reset();

    TrackedBank m_bank;
    std::optional<std::int64_t> m_untilMs;
    irt::RaschConfig m_config;
    std::unordered_map<std::string, std::size_t> m_index;
    irt::RaschModel m_model;
    std::vector<std::optional<Memory>> m_memory;
    std::vector<int> m_practice; // answers per task so far
    int m_answers = 0;
    std::int64_t m_lastId = 0;
    std::int64_t m_removals = 0; // the log's removal count when it was read
};

} // namespace mlaprep
