#pragma once

#include "common/Clock.h"
#include "fsrs/Rating.h"
#include "srs/ItemKind.h"
#include "srs/ItemState.h"
#include "srs/ReviewSource.h"
#include "srs/SchedulerConfig.h"
#include "sync/Event.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

class Database;
class EventRepository;
class ItemStateRepository;
class ReviewLogRepository;

// The kinds of event ReviewRecorder::replay rebuilds an item from: answers, their undo, progress resets.
inline const std::vector<std::string_view> ReplayedEventKinds
    = { sync::EventKind::Review, sync::EventKind::ReviewRetraction, sync::EventKind::Reset };
bool isReplayedKind(std::string_view kind);

// What one recorded answer did.
struct RecordedAnswer {
    std::int64_t logId = 0;
    srs::ItemState before;
    srs::ItemState after;
};

// Feeds one answer into the spaced-repetition model: reads the item's state (New when it has none),
// applies the rating with the scheduler, saves the new state, appends a review_log row with the
// state before and after and records the answer as a review event (services/SyncService syncs those).
// It opens NO transaction: the caller's transaction holds it, so an exam
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

    // Rebuilds the item's state and review_log rows from `events`: all of its review, retraction and
    // reset events of every device (ReplayedEventKinds) in HLC order. The answers not retracted go through
    // the scheduler from New (and from New again after a reset event not retracted). The result depends
    // only on the set of events, never on the order they arrived in; a clock that was behind gives
    // elapsed days of 0, not fewer. The item must have no review_log rows (new to this store, or removed
    // with ReviewLogRepository::removeItem first), so a bulk merge can remove them while the log's
    // indexes stand and replay without them. Records no event. Returns the number of answers replayed.
    int replay(const srs::SchedulerConfig& config, const std::string& itemId,
        const std::vector<sync::Event>& events);

private:
    // Schedules the answer and appends its log row; the caller saves the item's state.
    RecordedAnswer apply(const srs::SchedulerConfig& config, const std::string& itemId, srs::ItemKind kind,
        const srs::ItemState& before, fsrs::Rating rating, Instant at, int utcOffsetMinutes,
        std::chrono::milliseconds duration, srs::ReviewSource source, const std::string& eventUuid);

    std::unique_ptr<ItemStateRepository> m_states;
    std::unique_ptr<ReviewLogRepository> m_log;
    std::unique_ptr<EventRepository> m_events;
};

} // namespace mlaprep
