#include "services/StudyService.h"

#include "fsrs/Fsrs.h"
#include "fsrs/Optimizer.h"
#include "services/ReviewRecorder.h"
#include "services/SettingsService.h"
#include "services/SrsRows.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/ExamDayPolicy.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ItemHoldRepository.h"
#include "store/ItemRevisionRepository.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace mlaprep {

namespace {

constexpr std::int64_t Forever = std::numeric_limits<std::int64_t>::max();
constexpr int NoCap = std::numeric_limits<int>::max();
constexpr std::string_view ReviewScreen = "review";
// Mixing new items into reviews needs the ratio of what is left only at the scale of a sitting, so
// nextItem reads at most this many of each: a backlog of thousands is not walked for every item shown.
constexpr int MixingWindow = 100;

Problem userProblem(const std::string& field, const std::string& message, const std::string& id = {})
{
    return Problem { Severity::Error, "", id, field, message };
}

} // namespace

// What the exam-day policy decided for the day: the reviews and the new items, each in its order. The
// daily new limit stays the learner's: the plan (PlanService) says when it is too low to cover every
// task before the exam.
struct StudyService::ExamQueue {
    std::int64_t day = 0;
    std::int64_t examDay = 0;
    fsrs::Parameters parameters {};
    bool newItemsAllowed = false;
    std::vector<std::string> reviews;
    std::vector<std::string> newItems;
};

StudyService::StudyService(std::shared_ptr<Store> store, std::vector<srs::StudyItem> items,
    const Clock& clock, srs::SchedulerConfig defaults)
    : m_store(std::move(store))
    , m_items(std::move(items))
    , m_clock(clock)
    , m_config(std::move(defaults))
    , m_settingsService(std::make_unique<SettingsService>(m_store, clock, m_config))
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_index.emplace(m_items[i].id, i);
    }
}

StudyService::~StudyService() = default;

const srs::StudyItem* StudyService::findItem(const std::string& itemId) const
{
    const auto found = m_index.find(itemId);
    return found == m_index.end() ? nullptr : &m_items[found->second];
}

void StudyService::addItems(std::vector<srs::StudyItem> items)
{
    for (auto& item : items) {
        if (m_index.emplace(item.id, m_items.size()).second) {
            m_items.push_back(std::move(item));
        }
    }
    m_prepared = false;
}

// Registers the bundle's items as New (once per run, so a new bundle version adds its new items), sends
// the items whose content revision changed back to relearning, and reads the stored settings. Throws
// DbError.
void StudyService::prepare()
{
    if (m_prepared) {
        // A sync merged on its own connection (or another process) may have brought settings changed on
        // another device: the services reading config() must schedule with them from now on.
        Database& database = m_store->database();
        if (const std::int64_t version = database.dataVersion(); version != m_dataVersion) {
            m_settingsService->read(database);
            m_dataVersion = version;
        }
        return;
    }
    Database& database = m_store->database();
    m_states = std::make_unique<ItemStateRepository>(database);
    m_log = std::make_unique<ReviewLogRepository>(database);
    m_recorder = std::make_unique<ReviewRecorder>(database);
    m_settings = std::make_unique<SettingsRepository>(database);
    Transaction transaction(database);
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_states->insertNewIfMissing(
            m_items[i].id, srs::toString(m_items[i].kind), static_cast<std::int64_t>(i));
    }
    relearnRevisedItems(database);
    m_settingsService->read(database);
    transaction.commit();
    m_dataVersion = database.dataVersion();
    m_prepared = true;
}

void StudyService::relearnRevisedItems(Database& database)
{
    ItemRevisionRepository revisions(database);
    const auto builtOn = revisions.all();
    const std::int64_t nowMs = toEpochMilliseconds(m_clock.now());
    for (const auto& item : m_items) {
        const auto found = builtOn.find(item.id);
        if (found != builtOn.end() && found->second == item.revision) {
            continue;
        }
        if (found != builtOn.end()) {
            m_states->relearn(item.id, nowMs);
        }
        revisions.save(item.id, item.revision);
    }
}

SettingsService& StudyService::settings()
{
    return *m_settingsService;
}

const srs::SchedulerConfig& StudyService::config()
{
    try {
        prepare();
    } catch (...) {
        // The defaults stand; the next call that needs the store reports the problem.
    }
    return m_config;
}

StudyService::StudyDayBounds StudyService::today() const
{
    const Instant now = m_clock.now();
    const int offset = m_clock.utcOffsetMinutes(now);
    const std::int64_t day = srs::studyDay(now, offset, m_config.dayStartHour);
    return StudyDayBounds { now,
        toEpochMilliseconds(srs::startOfStudyDay(day, offset, m_config.dayStartHour)),
        toEpochMilliseconds(srs::startOfStudyDay(day + 1, offset, m_config.dayStartHour)) };
}

void StudyService::readExamDay()
{
    m_config.examDay = storedExamDay(*m_settings);
}

const StudyService::ExamQueue* StudyService::examQueue(bool newItemsAllowed)
{
    readExamDay();
    const Instant now = m_clock.now();
    const int offset = m_clock.utcOffsetMinutes(now);
    const std::int64_t day = srs::studyDay(now, offset, m_config.dayStartHour);
    if (!m_config.examDay || *m_config.examDay <= day) {
        m_examQueue.reset();
        return nullptr;
    }
    if (m_examQueue && m_examQueue->day == day && m_examQueue->examDay == *m_config.examDay
        && m_examQueue->parameters == m_config.parameters
        && m_examQueue->newItemsAllowed == newItemsAllowed) {
        return m_examQueue.get();
    }
    auto queue = std::make_unique<ExamQueue>();
    queue->day = day;
    queue->examDay = *m_config.examDay;
    queue->parameters = m_config.parameters;
    queue->newItemsAllowed = newItemsAllowed;
    std::unordered_map<std::string, ItemStateRow> rows;
    for (auto& row : m_states->all()) {
        std::string id = row.itemId;
        rows.emplace(std::move(id), std::move(row));
    }
    const std::vector<double> weights = srs::examWeights(m_items);
    std::vector<srs::ExamDayItem> states;
    states.reserve(m_items.size());
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto found = rows.find(m_items[i].id);
        states.push_back(found == rows.end()
                ? srs::unseenItem(weights[i])
                : toExamDayItem(found->second, weights[i], offset, m_config.dayStartHour));
    }
    for (const std::size_t i : srs::examDayNewOrder(m_items)) {
        if (states[i].phase == srs::Phase::New) {
            queue->newItems.push_back(m_items[i].id);
        }
    }
    // The worth of the next first sight, at the documented seconds per look (the plan's measured ones
    // would only shift which reviews wait).
    const fsrs::Fsrs model(m_config.parameters);
    const srs::ReviewTimings timings;
    std::optional<double> newItemWorth;
    if (newItemsAllowed && !queue->newItems.empty()) {
        const std::size_t next = m_index.at(queue->newItems.front());
        newItemWorth
            = srs::firstSightWorth(model, weights[next], m_items[next].kind, day, queue->examDay, timings);
    }
    for (const std::size_t i :
        srs::examDayReviewOrder(model, states, day, queue->examDay, newItemWorth, timings)) {
        queue->reviews.push_back(m_items[i].id);
    }
    m_examQueue = std::move(queue);
    return m_examQueue.get();
}

std::vector<srs::QueueCandidate> StudyService::pendingReviews(
    const std::vector<std::string>& ids, int cap, const HeldItems& held)
{
    const std::int64_t dayStartMs = today().startMs;
    std::vector<srs::QueueCandidate> pending;
    for (const auto& id : ids) {
        if (static_cast<int>(pending.size()) >= cap) {
            break;
        }
        if (held.count(id) != 0) {
            continue;
        }
        const auto row = m_states->find(id);
        if (row && row->phase == srs::toInt(srs::Phase::Review)
            && (!row->lastReviewMs || *row->lastReviewMs < dayStartMs)) {
            pending.push_back(srs::QueueCandidate { id, fromEpochMilliseconds(row->dueMs) });
        }
    }
    return pending;
}

std::vector<srs::QueueCandidate> StudyService::pendingNew(
    const std::vector<std::string>& ids, int cap, const HeldItems& held)
{
    std::vector<srs::QueueCandidate> pending;
    for (const auto& id : ids) {
        if (static_cast<int>(pending.size()) >= cap) {
            break;
        }
        if (held.count(id) != 0) {
            continue;
        }
        const auto row = m_states->find(id);
        if (row && row->phase == srs::toInt(srs::Phase::New)) {
            pending.push_back(srs::QueueCandidate { id, fromEpochMilliseconds(row->dueMs) });
        }
    }
    return pending;
}

std::vector<srs::QueueCandidate> StudyService::due(
    srs::Phase phase, std::int64_t beforeMs, int cap, const HeldItems& held)
{
    const auto shown = [&](const std::string& id) { return m_index.count(id) > 0 && held.count(id) == 0; };
    std::vector<srs::QueueCandidate> candidates;
    for (auto& item : m_states->due(srs::toInt(phase), beforeMs, cap, shown)) {
        candidates.push_back(
            srs::QueueCandidate { std::move(item.itemId), fromEpochMilliseconds(item.dueMs) });
    }
    return candidates;
}

srs::QueueLimits StudyService::limits()
{
    const std::int64_t dayStartMs = today().startMs;
    srs::QueueLimits limits;
    limits.newPerDay = m_config.newPerDay;
    limits.reviewsPerDay = m_config.reviewsPerDay;
    limits.newDoneToday = m_log->countSince(dayStartMs, ReviewScreen, srs::toInt(srs::Phase::New));
    limits.reviewsDoneToday = m_log->countSince(dayStartMs, ReviewScreen, srs::toInt(srs::Phase::Review));
    limits.learnAhead = m_config.learnAhead;
    return limits;
}

srs::QueueCandidates StudyService::candidates(const srs::QueueLimits& limits, int window)
{
    const std::int64_t dayEndMs = today().endMs;
    const int newCap = std::min(limits.newRoom(), window);
    const int reviewCap = std::min(limits.reviewRoom(), window);
    srs::QueueCandidates candidates;
    // Learning and relearning share one queue in due order.
    const HeldItems held = ItemHoldRepository(m_store->database()).heldAt(toEpochMilliseconds(m_clock.now()));
    auto learning = due(srs::Phase::Learning, dayEndMs, NoCap, held);
    auto relearning = due(srs::Phase::Relearning, dayEndMs, NoCap, held);
    std::merge(learning.begin(), learning.end(), relearning.begin(), relearning.end(),
        std::back_inserter(candidates.learning),
        [](const srs::QueueCandidate& a, const srs::QueueCandidate& b) { return a.due < b.due; });
    if (const ExamQueue* exam = examQueue(limits.newRoom() > 0)) {
        candidates.reviews = pendingReviews(exam->reviews, reviewCap, held);
        candidates.newItems = pendingNew(exam->newItems, newCap, held);
    } else {
        candidates.reviews = due(srs::Phase::Review, dayEndMs, reviewCap, held);
        candidates.newItems = due(srs::Phase::New, Forever, newCap, held);
    }
    return candidates;
}

Result<std::optional<StudyCard>> StudyService::nextItem()
{
    using Next = std::optional<StudyCard>;
    try {
        prepare();
        const srs::QueueLimits today = limits();
        const Instant now = m_clock.now();
        const auto chosen = srs::nextInQueue(candidates(today, MixingWindow), today, now);
        if (!chosen) {
            return Next();
        }
        const srs::StudyItem& item = m_items[m_index.at(*chosen)];
        const srs::ItemState state = m_recorder->state(item.id);
        return Next(StudyCard { item.id, item.kind, state.phase,
            srs::preview(
                state, now, m_clock.utcOffsetMinutes(now), m_config, srs::fuzzSeed(item.id, state.reps)) });
    } catch (...) {
        return Result<Next>::failure(currentProblem());
    }
}

Result<StudyCard> StudyService::card(const std::string& itemId)
{
    const srs::StudyItem* item = findItem(itemId);
    if (!item) {
        return Result<StudyCard>::failure(userProblem("item", "no such item in the bundle", itemId));
    }
    try {
        prepare();
        readExamDay();
        const Instant now = m_clock.now();
        const int offset = m_clock.utcOffsetMinutes(now);
        const srs::ItemState state = m_recorder->state(itemId);
        return StudyCard { item->id, item->kind, state.phase,
            srs::preview(state, now, offset, m_config, srs::fuzzSeed(itemId, state.reps)) };
    } catch (...) {
        return Result<StudyCard>::failure(currentProblem(itemId));
    }
}

Result<Changes> StudyService::answer(
    const std::string& itemId, fsrs::Rating rating, std::chrono::milliseconds duration)
{
    const srs::StudyItem* item = findItem(itemId);
    if (!item) {
        return Result<Changes>::failure(userProblem("item", "no such item in the bundle", itemId));
    }
    try {
        prepare();
        readExamDay();
        const Instant now = m_clock.now();
        Transaction transaction(m_store->database());
        m_recorder->record(m_config, itemId, item->kind, rating, now, m_clock.utcOffsetMinutes(now), duration,
            srs::ReviewSource::Review);
        transaction.commit();
        Changes changes;
        changes.studyQueue = true;
        changes.ids.push_back(itemId);
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem(itemId));
    }
}

Result<Changes> StudyService::act(const std::string& itemId, ItemAction action)
{
    const srs::StudyItem* item = findItem(itemId);
    if (!item) {
        return Result<Changes>::failure(userProblem("item", "no such item in the bundle", itemId));
    }
    try {
        prepare();
        Database& database = m_store->database();
        Transaction transaction(database);
        ItemHoldRepository holds(database);
        ItemActionRow record;
        record.itemId = itemId;
        record.atMs = toEpochMilliseconds(m_clock.now());
        record.afterLogId = m_log->newestId();
        record.holdBefore = holds.find(itemId);
        record.stateBefore
            = m_states->find(itemId).value_or(toItemStateRow(itemId, item->kind, srs::ItemState {}));
        ItemHold hold = record.holdBefore;
        switch (action) {
        case ItemAction::Suspend:
            if (hold.suspended) {
                return Result<Changes>::failure(
                    userProblem("suspend", "the item is suspended already", itemId));
            }
            record.action = "suspend";
            hold.suspended = true;
            break;
        case ItemAction::Unsuspend:
            if (!hold.suspended) {
                return Result<Changes>::failure(
                    userProblem("unsuspend", "the item is not suspended", itemId));
            }
            record.action = "unsuspend";
            hold.suspended = false;
            break;
        case ItemAction::Bury: {
            // Back at the start of the next study day, local time.
            const Instant now = m_clock.now();
            const int offset = m_clock.utcOffsetMinutes(now);
            const std::int64_t day = srs::studyDay(now, offset, m_config.dayStartHour);
            const std::int64_t tomorrowMs
                = toEpochMilliseconds(srs::startOfStudyDay(day + 1, offset, m_config.dayStartHour));
            if (hold.buriedUntilMs && *hold.buriedUntilMs >= tomorrowMs) {
                return Result<Changes>::failure(
                    userProblem("bury", "the item is buried until tomorrow already", itemId));
            }
            record.action = "bury";
            hold.buriedUntilMs = tomorrowMs;
            break;
        }
        case ItemAction::Reset:
            record.action = "reset";
            // New as a replay of the item's events makes it (due at the epoch, so first among the new
            // items): every device agrees.
            m_states->save(toItemStateRow(itemId, item->kind, srs::ItemState {}));
            break;
        }
        EventRepository events(database);
        if (action == ItemAction::Reset) {
            events.recordLocal(
                sync::EventKind::Reset, itemId, sync::Payload().set("at", record.atMs), m_clock.now());
        } else {
            holds.save(itemId, hold);
            events.recordLocal(sync::EventKind::Hold, itemId, holdPayload(hold), m_clock.now());
        }
        ItemActionRepository(database).append(record);
        transaction.commit();
        Changes changes;
        changes.studyQueue = true;
        changes.ids.push_back(itemId);
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem(itemId));
    }
}

Result<Changes> StudyService::undoLast()
{
    try {
        prepare();
        Database& database = m_store->database();
        Transaction transaction(database);
        const auto lastRating = m_log->lastLocalFromSource(ReviewScreen);
        const auto lastAction = ItemActionRepository(database).last();
        if (!lastRating && !lastAction) {
            return Result<Changes>::failure(userProblem("undo", "there is no rating or action to undo"));
        }
        // By time, since a sync's replay renumbers review_log rows; at the same instant by id, the action
        // having seen every row up to afterLogId.
        const bool actionIsNewer = lastAction
            && (!lastRating || lastAction->atMs > lastRating->reviewedMs
                || (lastAction->atMs == lastRating->reviewedMs && lastAction->afterLogId >= lastRating->id));
        const std::string& itemId = actionIsNewer ? lastAction->itemId : lastRating->itemId;
        // A reset leaves the item without a last review: one now means it was answered since.
        const auto resetAnsweredSince = [&] {
            const auto row = m_states->find(itemId);
            return row && row->lastReviewMs.has_value();
        };
        const auto ratingAnsweredSince = [&] {
            const auto newest = m_log->lastIdForItem(itemId);
            return newest && *newest != lastRating->id;
        };
        if (actionIsNewer ? lastAction->action == "reset" && resetAnsweredSince() : ratingAnsweredSince()) {
            return Result<Changes>::failure(userProblem("undo",
                actionIsNewer ? "the item was answered since (in an exam), so its reset stays"
                              : "the item was answered again since (in an exam), so its rating stays",
                itemId));
        }
        Changes changes = actionIsNewer ? undoAction(*lastAction) : undoRating(*lastRating);
        transaction.commit();
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem());
    }
}

Changes StudyService::undoRating(const ReviewLogRow& last)
{
    const auto kind = srs::itemKindFromString(last.kind).value_or(srs::ItemKind::Card);
    m_states->save(toItemStateRow(last.itemId, kind, stateBefore(last)));
    m_log->remove(last.id);
    // Undo never deletes the answer's event: it retracts it, so every device drops the answer too.
    EventRepository(m_store->database())
        .recordLocal(sync::EventKind::ReviewRetraction, last.itemId,
            sync::Payload().set("target", last.eventUuid), m_clock.now());
    Changes changes;
    changes.studyQueue = true;
    changes.ids.push_back(last.itemId);
    return changes;
}

Changes StudyService::undoAction(const ItemActionRow& last)
{
    Database& database = m_store->database();
    EventRepository events(database);
    if (last.action == "reset") {
        // Retracted like an answer, so the other devices replay the item without the reset too; and
        // replayed here as they do, not given its state from before the reset, since answers from other
        // devices may have arrived while it was reset.
        if (const auto reset = events.latest(sync::EventKind::Reset, last.itemId)) {
            events.recordLocal(sync::EventKind::ReviewRetraction, last.itemId,
                sync::Payload().set("target", reset->uuid), m_clock.now());
            m_log->removeItem(last.itemId);
            m_recorder->replay(m_config, last.itemId, events.forItem(last.itemId, ReplayedEventKinds));
        } else if (!last.stateBefore.kind.empty()) {
            m_states->save(last.stateBefore);
        }
    } else {
        ItemHoldRepository(database).save(last.itemId, last.holdBefore);
        events.recordLocal(sync::EventKind::Hold, last.itemId, holdPayload(last.holdBefore), m_clock.now());
    }
    ItemActionRepository(database).remove(last.id);
    Changes changes;
    changes.studyQueue = true;
    changes.ids.push_back(last.itemId);
    return changes;
}

Result<srs::QueueCounts> StudyService::counts()
{
    try {
        prepare();
        const srs::QueueLimits today = limits();
        return srs::countQueue(candidates(today, NoCap), today);
    } catch (...) {
        return Result<srs::QueueCounts>::failure(currentProblem());
    }
}

Result<std::optional<Instant>> StudyService::nextDue()
{
    try {
        prepare();
        std::optional<std::int64_t> earliest;
        for (const srs::Phase phase : { srs::Phase::Learning, srs::Phase::Review, srs::Phase::Relearning }) {
            const auto due = m_states->earliestDue(srs::toInt(phase));
            if (due && (!earliest || *due < *earliest)) {
                earliest = due;
            }
        }
        return earliest ? std::optional(fromEpochMilliseconds(*earliest)) : std::nullopt;
    } catch (...) {
        return Result<std::optional<Instant>>::failure(currentProblem());
    }
}

std::vector<srs::WeakAreaCandidate> StudyService::weakAreaCandidates()
{
    prepare();
    const fsrs::Fsrs model(m_config.parameters);
    const Instant now = m_clock.now();
    std::unordered_map<std::string, std::optional<double>> recall;
    for (const auto& row : m_states->all()) {
        const srs::ItemState state = toItemState(row);
        if (state.memory && state.lastReview) {
            const double days
                = std::chrono::duration<double, std::ratio<86400>>(now - *state.lastReview).count();
            recall[row.itemId] = model.retrievability(*state.memory, days);
        }
    }
    std::vector<srs::WeakAreaCandidate> candidates;
    candidates.reserve(m_items.size());
    for (const auto& item : m_items) {
        const auto found = recall.find(item.id);
        candidates.push_back(srs::WeakAreaCandidate {
            item.id, item.taskId, item.domainShare, found == recall.end() ? std::nullopt : found->second });
    }
    return candidates;
}

Result<std::vector<std::string>> StudyService::weakAreaSession(int size)
{
    try {
        // A weak-area session is a queue too: suspended and buried items stay out of it.
        auto candidates = weakAreaCandidates();
        const HeldItems held
            = ItemHoldRepository(m_store->database()).heldAt(toEpochMilliseconds(m_clock.now()));
        std::erase_if(candidates, [&](const srs::WeakAreaCandidate& c) { return held.count(c.itemId) != 0; });
        return srs::weakAreaSession(candidates, size);
    } catch (...) {
        return Result<std::vector<std::string>>::failure(currentProblem());
    }
}

Result<std::vector<srs::TaskWeakness>> StudyService::weakTasks()
{
    try {
        return srs::rankWeakTasks(weakAreaCandidates());
    } catch (...) {
        return Result<std::vector<srs::TaskWeakness>>::failure(currentProblem());
    }
}

Result<std::vector<std::vector<fsrs::HistoryReview>>> StudyService::reviewHistories()
{
    using Histories = std::vector<std::vector<fsrs::HistoryReview>>;
    try {
        prepare();
        Histories histories;
        std::string current;
        m_log->forEachInItemOrder([&](const ReviewHistoryRow& row) {
            const auto rating = fsrs::ratingFromGrade(row.rating);
            if (!rating) {
                return;
            }
            if (histories.empty() || row.itemId != current) {
                histories.emplace_back();
                current = row.itemId;
            }
            histories.back().push_back(fsrs::HistoryReview { *rating, static_cast<int>(row.elapsedDays) });
        });
        return histories;
    } catch (...) {
        return Result<Histories>::failure(currentProblem());
    }
}

} // namespace mlaprep
