#pragma once

#include "common/Clock.h"
#include "fsrs/Rating.h"
#include "srs/ItemKind.h"
#include "srs/ItemState.h"
#include "srs/ReviewSource.h"
#include "srs/SchedulerConfig.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace mlaprep {

class Database;
class ItemStateRepository;
class ReviewLogRepository;

// What one recorded answer did.
struct RecordedAnswer {
    std::int64_t logId = 0;
    srs::ItemState before;
    srs::ItemState after;
};

// Feeds one answer into the spaced-repetition model: reads the item's state (New when it has none),
// applies the rating with the scheduler, saves the new state and appends a review_log row with the
// state before and after. It opens NO transaction: the caller's transaction holds it, so an exam
// answer and its SRS update commit together. Throws DbError like the store does.
RecordedAnswer recordAnswer(Database& database, const srs::SchedulerConfig& config, const std::string& itemId,
    srs::ItemKind kind, fsrs::Rating rating, Instant at, int utcOffsetMinutes,
    std::chrono::milliseconds duration, srs::ReviewSource source);

// recordAnswer with its statements kept between calls, for callers that record many answers on one
// connection (the Review screen, the benchmark). Same contract as the free function.
class ReviewRecorder {
public:
    explicit ReviewRecorder(Database& database);
    ~ReviewRecorder();
    ReviewRecorder(const ReviewRecorder&) = delete;
    ReviewRecorder& operator=(const ReviewRecorder&) = delete;

    RecordedAnswer record(const srs::SchedulerConfig& config, const std::string& itemId, srs::ItemKind kind,
        fsrs::Rating rating, Instant at, int utcOffsetMinutes, std::chrono::milliseconds duration,
        srs::ReviewSource source);

    // The item's state; New (with due at the epoch) when it has no row.
    srs::ItemState state(const std::string& itemId);

private:
    std::unique_ptr<ItemStateRepository> m_states;
    std::unique_ptr<ReviewLogRepository> m_log;
};

} // namespace mlaprep
