#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "fsrs/Parameters.h"
#include "fsrs/Rating.h"
#include "services/Changes.h"
#include "srs/ItemKind.h"
#include "srs/Phase.h"
#include "srs/QueuePolicy.h"
#include "srs/Scheduler.h"
#include "srs/SchedulerConfig.h"
#include "srs/StudyItem.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mlaprep {

class Database;
class ReviewRecorder;
class Store;
class ItemStateRepository;
class ReviewLogRepository;
class SettingsRepository;
class SettingsService;
struct ItemActionRow;
struct ReviewLogRow;

namespace fsrs {
struct HistoryReview;
}

// The item to show next, with what each rating would do to it (the button texts).
struct StudyCard {
    std::string itemId;
    srs::ItemKind kind = srs::ItemKind::Card;
    srs::Phase phase = srs::Phase::New;
    srs::Preview preview;
};

// What the Review screen can do to an item besides rating it: suspend it (out of every queue until
// unsuspended), unsuspend it, bury it (out of the queues until the next study day) or reset its progress
// (back to New with its review history kept).
enum class ItemAction { Suspend, Unsuspend, Bury, Reset };

// The learner's spaced-repetition study: today's queue, answers and undo. The queue policy is
// srs::nextInQueue and srs::countQueue over candidates this service reads from the store.
// One user intent is one call and one transaction; reads take the time from the injected clock.
// Not thread-safe: call it from one thread (the GUI thread); long work gets values copied out.
class StudyService {
public:
    // `items` is the bundle's schedulable items in introduction order (srs::studyItemsOf). Settings
    // stored in the learner's data (retention, limits, weights) override `defaults`; the rest of
    // `defaults` (steps, fuzz, day start) is used as given.
    StudyService(std::shared_ptr<Store> store, std::vector<srs::StudyItem> items, const Clock& clock,
        srs::SchedulerConfig defaults = {});
    ~StudyService();
    StudyService(const StudyService&) = delete;
    StudyService& operator=(const StudyService&) = delete;

    // The next item due now by the queue policy (learning first, then reviews and new items mixed,
    // within the daily limits), or empty when nothing is left today.
    Result<std::optional<StudyCard>> nextItem();
    // What each rating would do to an item now (for items reviewed outside the daily queue).
    Result<StudyCard> card(const std::string& itemId);
    // Records a rating given on the Review screen.
    Result<Changes> answer(
        const std::string& itemId, fsrs::Rating rating, std::chrono::milliseconds duration);
    // Suspends, unsuspends, buries or resets the item (ItemAction), remembered so that undoLast can take
    // it back. Suspending a suspended item, unsuspending one that is not, or burying one already buried
    // today is refused, so that every action undone changed something.
    Result<Changes> act(const std::string& itemId, ItemAction action);
    // Takes back the newest Review-screen rating or action, whichever came last: a rating's item gets its
    // state from before it and the log row goes; an action's item gets its hold (and, for a reset, its
    // state) from before it. Changes::ids holds the item, so the screen can show it again. Refused when
    // there is nothing to undo or when the item was answered again since (in an exam).
    Result<Changes> undoLast();

    // New, learning and review items left today.
    Result<srs::QueueCounts> counts();
    // When the next learning or review item falls due (may be now when a daily limit stops the queue).
    Result<std::optional<Instant>> nextDue();
    // Up to `size` items for a weak-area session (srs::weakAreaSession over every item).
    Result<std::vector<std::string>> weakAreaSession(int size);
    // The task statements by weakness, weakest first.
    Result<std::vector<srs::TaskWeakness>> weakTasks();

    // The scheduling configuration with the learner's stored settings in it; the services built on the
    // study (exams, progress, plan, stats) hold this reference and see every saved change.
    const srs::SchedulerConfig& config();
    // The learner's settings over this service's configuration: saving one updates config() at once.
    SettingsService& settings();

    // Every item's answers in time order (rating and elapsed study days), for parameter optimisation.
    Result<std::vector<std::vector<fsrs::HistoryReview>>> reviewHistories();

    const srs::StudyItem* findItem(const std::string& itemId) const;
    // Adds items after construction (cards the learner imported while the app runs); they are registered
    // as New, after every item already known, on the next call that reads the queue.
    void addItems(std::vector<srs::StudyItem> items);

private:
    // Now and the bounds of the current study day (which starts at the configured hour, local time).
    struct StudyDayBounds {
        Instant now;
        std::int64_t startMs;
        std::int64_t endMs;
    };
    StudyDayBounds today() const;
    void prepare();
    // Sets m_config.examDay from the stored exam date, read on every call so that a date set on Today
    // applies at once.
    void readExamDay();
    // Today's queue under the exam-day policy, or null without an exam date ahead (plain FSRS); calls
    // readExamDay. `newItemsAllowed`: today's new limit still lets an unseen item in, so reviews worth
    // less than its first sight wait (srs::examDayReviewOrder).
    struct ExamQueue;
    const ExamQueue* examQueue(bool newItemsAllowed);
    // What the Review screen did today against the daily limits.
    srs::QueueLimits limits();
    // Today's candidates for each queue (items no longer in the bundle left out); the new and review
    // lists stop at what the limits leave and at `window`.
    srs::QueueCandidates candidates(const srs::QueueLimits& limits, int window);
    // Suspended and buried items (`held`) are in none of the lists below.
    using HeldItems = std::unordered_set<std::string>;
    std::vector<srs::QueueCandidate> due(
        srs::Phase phase, std::int64_t beforeMs, int cap, const HeldItems& held);
    // The entries of the exam queue's `ids` whose item is still to do today, up to `cap`.
    std::vector<srs::QueueCandidate> pendingReviews(
        const std::vector<std::string>& ids, int cap, const HeldItems& held);
    std::vector<srs::QueueCandidate> pendingNew(
        const std::vector<std::string>& ids, int cap, const HeldItems& held);
    Changes undoRating(const ReviewLogRow& last);
    Changes undoAction(const ItemActionRow& last);
    void relearnRevisedItems(Database& database);
    std::vector<srs::WeakAreaCandidate> weakAreaCandidates();

    std::shared_ptr<Store> m_store;
    std::vector<srs::StudyItem> m_items;
    std::unordered_map<std::string, std::size_t> m_index;
    const Clock& m_clock;
    srs::SchedulerConfig m_config;
    bool m_prepared = false;
    // The store's data_version when the settings were last read (Database::dataVersion).
    std::int64_t m_dataVersion = 0;
    std::unique_ptr<ItemStateRepository> m_states;
    std::unique_ptr<ReviewLogRepository> m_log;
    std::unique_ptr<ReviewRecorder> m_recorder;
    std::unique_ptr<SettingsRepository> m_settings;
    std::unique_ptr<ExamQueue> m_examQueue;
    std::unique_ptr<SettingsService> m_settingsService;
};

} // namespace mlaprep
