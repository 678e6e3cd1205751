#include "services/ExamService.h"

#include "content/Bundle.h"
#include "exam/ExamAssembler.h"
#include "services/ExamEvents.h"
#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "services/SyncService.h"
#include "srs/RatingInference.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ExamRepository.h"
#include "store/Transaction.h"
#include "sync/Uuid.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

namespace mlaprep {

namespace {

constexpr int RecentAttemptsAvoided = 3;
constexpr long long MinutesToMs = 60'000;

template <typename T> Result<T> userError(const std::string& field, const std::string& message)
{
    return Result<T>::failure(Problem { Severity::Error, "", "", field, message });
}

const char* modeName(ExamMode mode)
{
    return mode == ExamMode::Exam ? "exam" : "practice";
}

std::optional<long long> epochMillisecondsOf(const std::optional<Instant>& at)
{
    return at ? std::optional(toEpochMilliseconds(*at)) : std::nullopt;
}

const AttemptItem& itemOf(const AttemptState& state, const std::string& itemId)
{
    return *std::find_if(state.items.begin(), state.items.end(),
        [&](const AttemptItem& item) { return item.item.itemId == itemId; });
}

using ItemIndex = std::unordered_map<std::string, const Question*>;

// Fills in what the store does not keep (task, domain, type) from the bundle.
ExamItem completeItem(const Bundle& bundle, const ItemIndex& items, ExamItem item)
{
    auto found = items.find(item.itemId);
    if (found != items.end()) {
        item.taskId = found->second->task;
        item.type = found->second->type;
        if (const Domain* domain = bundle.domainOfTask(item.taskId)) {
            item.domainId = domain->id;
        }
    }
    return item;
}

AttemptState loadState(
    ExamRepository& repository, const Bundle& bundle, const ItemIndex& items, const AttemptRow& row)
{
    AttemptState state;
    state.id = row.id;
    state.mode = row.mode == "exam" ? ExamMode::Exam : ExamMode::Practice;
    state.seed = row.seed;
    state.timeLimitMs = row.timeLimitMs;
    state.elapsedMs = row.elapsedMs;
    if (row.runningSinceMs) {
        state.runningSince = fromEpochMilliseconds(*row.runningSinceMs);
    }
    state.position = row.position;
    if (row.finishedMs) {
        state.finished = finishReasonFromName(row.finishReason);
    }
    for (auto& itemRow : repository.items(row.id)) {
        AttemptItem item;
        item.item = completeItem(bundle, items, std::move(itemRow.item));
        if (itemRow.answer) {
            item.answer = answerFromText(*itemRow.answer);
        }
        item.flagged = itemRow.flagged;
        item.timeSpentMs = itemRow.timeSpentMs;
        item.struck = { itemRow.struck.begin(), itemRow.struck.end() };
        state.items.push_back(std::move(item));
    }
    return state;
}

std::vector<AttemptItemRecord> loadRecords(ExamRepository& repository, const AttemptState& state)
{
    auto history = repository.answerHistory(state.id);
    std::vector<AttemptItemRecord> records;
    for (const auto& item : state.items) {
        AttemptItemRecord record;
        record.item = item.item;
        record.answer = item.answer;
        record.flagged = item.flagged;
        record.timeSpentMs = item.timeSpentMs;
        record.struck = item.struck;
        for (const auto& text : history[item.item.itemId]) {
            record.history.push_back(answerFromText(text));
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

ExamService::ExamService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock,
    const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_bundle(bundle)
    , m_clock(clock)
    , m_schedulerConfig(schedulerConfig)
{
    for (const Question* item : m_bundle.scoredItems()) {
        m_items[item->id] = item;
    }
}

Result<ExamSession> ExamService::start(const StartRequest& request)
{
    return guardStore<ExamSession>([&]() -> Result<ExamSession> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        if (repository.openAttemptId()) {
            return userError<ExamSession>(
                "attempt", "an attempt is still open: resume it, end it or abandon it first");
        }
        AssemblyRequest assembly;
        assembly.questions = request.questions;
        assembly.seed = request.seed;
        assembly.domains = request.domains;
        assembly.tasks = request.tasks;
        assembly.types = request.types;
        assembly.bullet = request.bullet;
        if (request.mode == ExamMode::Exam) {
            for (auto& id : repository.itemsOfRecentAttempts(RecentAttemptsAvoided)) {
                assembly.recentlySeen.insert(std::move(id));
            }
            if (request.unscoredRealism) {
                assembly.unscored = std::min(UnscoredItems, request.questions * UnscoredItems / 65);
            }
        }
        if (request.missedInLastAttempts > 0) {
            auto missed = repository.missedInRecentAttempts(request.missedInLastAttempts);
            assembly.onlyItems = std::set<std::string>(missed.begin(), missed.end());
        }
        if (request.neverSeen) {
            const auto placed = repository.everPlacedItems();
            const std::set<std::string> seen(placed.begin(), placed.end());
            std::set<std::string> unseen;
            for (const Question* item : m_bundle.scoredItems()) {
                if (!seen.count(item->id) && (!assembly.onlyItems || assembly.onlyItems->count(item->id))) {
                    unseen.insert(item->id);
                }
            }
            assembly.onlyItems = std::move(unseen);
        }
        auto plan = assembleExam(m_bundle, assembly);
        if (!plan.ok()) {
            return Result<ExamSession>::failure(plan.problems());
        }

        AttemptRow row;
        row.bundleId = m_bundle.id;
        row.bundleVersion = m_bundle.version;
        row.mode = modeName(request.mode);
        row.seed = request.seed;
        if (request.mode == ExamMode::Exam || request.timed) {
            // A practice session gets the exam's pace: minutes per question times its length.
            const long long base = m_bundle.exam.minutes * MinutesToMs * request.questions
                / std::max(1, m_bundle.exam.questions);
            const long long extra = request.extraTime ? m_bundle.exam.extraMinutesOption * MinutesToMs
                    * request.questions / std::max(1, m_bundle.exam.questions)
                                                      : 0;
            row.timeLimitMs = base + extra;
        }
        const Instant now = m_clock.now();
        row.startedMs = toEpochMilliseconds(now);
        row.runningSinceMs = row.startedMs;

        Transaction transaction(database);
        row.uuid = sync::UuidSource().next();
        EventRepository(database).recordLocalWithId(
            row.uuid, sync::EventKind::ExamStarted, row.uuid, examStartedPayload(row), now);
        row.id = repository.insertAttempt(row);
        int position = 0;
        for (const auto& item : plan->items) {
            repository.insertItem(row.id, position++, item);
        }
        transaction.commit();
        return ExamSession(loadState(repository, m_bundle, m_items, row), now);
    });
}

Result<std::optional<ExamSession>> ExamService::openSession()
{
    return guardStore<std::optional<ExamSession>>([&]() -> Result<std::optional<ExamSession>> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        const auto id = repository.openAttemptId();
        if (!id) {
            return std::optional<ExamSession>();
        }
        ExamSession session(
            loadState(repository, m_bundle, m_items, *repository.attempt(*id)), m_clock.now());
        if (const SessionStep ranOut = session.tick(session.now()); ranOut.changed) {
            Transaction transaction(database);
            writeStep(session, ranOut);
            transaction.commit();
        }
        return std::optional<ExamSession>(std::move(session));
    });
}

Result<std::optional<AttemptState>> ExamService::attemptWithSeed(std::uint64_t seed)
{
    return guardStore<std::optional<AttemptState>>([&]() -> Result<std::optional<AttemptState>> {
        ExamRepository repository(m_store->database());
        const auto id = repository.latestAttemptWithSeed(seed);
        if (!id) {
            return std::optional<AttemptState>();
        }
        return std::optional<AttemptState>(
            loadState(repository, m_bundle, m_items, *repository.attempt(*id)));
    });
}

Result<std::optional<AttemptState>> ExamService::latestAttempt()
{
    return guardStore<std::optional<AttemptState>>([&]() -> Result<std::optional<AttemptState>> {
        ExamRepository repository(m_store->database());
        auto id = repository.openAttemptId();
        if (!id) {
            id = repository.latestAttemptId();
        }
        if (!id) {
            return std::optional<AttemptState>();
        }
        return std::optional<AttemptState>(
            loadState(repository, m_bundle, m_items, *repository.attempt(*id)));
    });
}

Result<AttemptState> ExamService::attempt(std::int64_t attemptId)
{
    return guardStore<AttemptState>([&]() -> Result<AttemptState> {
        ExamRepository repository(m_store->database());
        const auto row = repository.attempt(attemptId);
        if (!row) {
            return userError<AttemptState>("attempt", "no attempt " + std::to_string(attemptId));
        }
        return loadState(repository, m_bundle, m_items, *row);
    });
}

template <typename Transition>
Result<Changes> ExamService::apply(ExamSession& session, Transition&& transition)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        ExamSession next = session;
        const Result<SessionStep> step = transition(next, m_clock.now());
        if (!step.ok()) {
            return Result<Changes>::failure(step.problems());
        }
        Changes changes;
        if (!step->changed) {
            session = std::move(next); // its clock has moved on; nothing to write
            return changes;
        }
        Database& database = m_store->database();
        Transaction transaction(database);
        const auto row = ExamRepository(database).attempt(session.id());
        if (!row || row->finishedMs) {
            // Ended elsewhere (exam-sim, another window) since this session was picked up.
            return userError<Changes>("attempt", "attempt " + std::to_string(session.id()) + " is not open");
        }
        writeStep(next, step.value());
        transaction.commit();
        session = std::move(next);
        changes.exams = true;
        changes.studyQueue = step->finished && *step->finished != FinishReason::Abandoned;
        for (const auto& id : { step->answeredItem, step->flaggedItem }) {
            if (id) {
                changes.ids.push_back(*id);
            }
        }
        return changes;
    });
}

void ExamService::writeStep(const ExamSession& session, const SessionStep& step)
{
    ExamRepository repository(m_store->database());
    const AttemptState& state = session.attempt();
    if (step.answeredItem) {
        const AttemptItem& item = itemOf(state, *step.answeredItem);
        const auto text = item.answer ? std::optional(toText(*item.answer)) : std::nullopt;
        repository.setAnswer(
            state.id, item.item.itemId, text, toEpochMilliseconds(session.now()), state.elapsedMs);
    }
    if (step.flaggedItem) {
        repository.setFlag(state.id, *step.flaggedItem, itemOf(state, *step.flaggedItem).flagged);
    }
    if (step.struckItem) {
        const auto& struck = itemOf(state, *step.struckItem).struck;
        repository.setStruck(state.id, *step.struckItem, { struck.begin(), struck.end() });
    }
    if (step.timedItem) {
        repository.setTimeSpent(state.id, *step.timedItem, itemOf(state, *step.timedItem).timeSpentMs);
    }
    repository.saveClock(state.id, state.elapsedMs, epochMillisecondsOf(state.runningSince), state.position);
    if (step.finished == FinishReason::Abandoned) {
        AttemptRow row;
        row.id = state.id;
        row.finishedMs = toEpochMilliseconds(session.now());
        row.finishReason = finishReasonName(FinishReason::Abandoned);
        row.elapsedMs = state.elapsedMs;
        repository.finish(row);
    } else if (step.finished) {
        scoreFinished(session);
    }
    if (step.finished) {
        EventRepository events(m_store->database());
        recordExamFinished(m_store->database(), events, state.id, session.now());
    }
}

void ExamService::scoreFinished(const ExamSession& session)
{
    Database& database = m_store->database();
    ExamRepository repository(database);
    const AttemptState& state = session.attempt();
    const ExamReport report = buildReport(m_bundle, loadRecords(repository, state));
    for (const auto& item : report.items) {
        repository.setCorrect(state.id, item.item.itemId, item.correct);
    }
    const Instant now = session.now();
    AttemptRow row;
    row.id = state.id;
    row.finishedMs = toEpochMilliseconds(now);
    row.finishReason = finishReasonName(*state.finished);
    row.elapsedMs = state.elapsedMs;
    row.scoredCorrect = report.scoredCorrect;
    row.scoredTotal = report.scoredTotal;
    row.scaledScore = report.scaledScore;
    repository.finish(row);
    ReviewRecorder recorder(database);
    const auto source = state.mode == ExamMode::Exam ? srs::ReviewSource::Exam : srs::ReviewSource::Practice;
    for (const auto& item : report.items) {
        if (!item.answer) {
            continue;
        }
        const std::chrono::milliseconds spent(item.timeSpentMs);
        const auto rating = srs::inferRating(item.correct, item.flagged, spent, m_schedulerConfig.slowAnswer);
        recorder.record(m_schedulerConfig, item.item.itemId, srs::ItemKind::Question, rating, now,
            m_clock.utcOffsetMinutes(now), spent, source);
    }
}

Result<Changes> ExamService::answer(
    ExamSession& session, const std::string& itemId, const std::optional<Answer>& answer)
{
    return apply(session, [&](ExamSession& next, Instant now) { return next.answer(itemId, answer, now); });
}

Result<Changes> ExamService::flag(ExamSession& session, const std::string& itemId, bool flagged)
{
    return apply(session, [&](ExamSession& next, Instant now) { return next.flag(itemId, flagged, now); });
}

Result<Changes> ExamService::strike(
    ExamSession& session, const std::string& itemId, const std::string& optionId, bool struck)
{
    return apply(
        session, [&](ExamSession& next, Instant now) { return next.strike(itemId, optionId, struck, now); });
}

Result<Changes> ExamService::moveTo(ExamSession& session, int position)
{
    return apply(session, [&](ExamSession& next, Instant now) { return next.moveTo(position, now); });
}

Result<Changes> ExamService::tick(ExamSession& session)
{
    return apply(session, [](ExamSession& next, Instant now) { return Result<SessionStep>(next.tick(now)); });
}

Result<Changes> ExamService::pause(ExamSession& session)
{
    return apply(session, [](ExamSession& next, Instant now) { return next.pause(now); });
}

Result<Changes> ExamService::resume(ExamSession& session)
{
    return apply(session, [](ExamSession& next, Instant now) { return next.resume(now); });
}

Result<Changes> ExamService::submit(ExamSession& session)
{
    return apply(
        session, [](ExamSession& next, Instant now) { return next.end(FinishReason::Submitted, now); });
}

Result<Changes> ExamService::abandon(ExamSession& session)
{
    return apply(
        session, [](ExamSession& next, Instant now) { return next.end(FinishReason::Abandoned, now); });
}

Result<ExamReport> ExamService::report(std::int64_t attemptId)
{
    return guardStore<ExamReport>([&]() -> Result<ExamReport> {
        ExamRepository repository(m_store->database());
        const auto row = repository.attempt(attemptId);
        if (!row) {
            return userError<ExamReport>("attempt", "no attempt " + std::to_string(attemptId));
        }
        ExamReport report
            = buildReport(m_bundle, loadRecords(repository, loadState(repository, m_bundle, m_items, *row)));
        report.attemptId = row->id;
        report.startedMs = row->startedMs;
        report.bundleVersion = row->bundleVersion;
        if (!row->ownerDevice.empty()) {
            EventRepository events(m_store->database());
            report.device = deviceLabelIn(events, row->ownerDevice);
        }
        return report;
    });
}

Result<std::vector<AttemptSummary>> ExamService::history()
{
    return guardStore<std::vector<AttemptSummary>>([&]() -> Result<std::vector<AttemptSummary>> {
        ExamRepository repository(m_store->database());
        EventRepository events(m_store->database());
        std::vector<AttemptSummary> summaries;
        for (const auto& row : repository.finishedAttempts()) {
            AttemptSummary summary;
            summary.id = row.id;
            summary.mode = row.mode == "exam" ? ExamMode::Exam : ExamMode::Practice;
            summary.started = fromEpochMilliseconds(row.startedMs);
            summary.elapsedMs = row.elapsedMs;
            summary.scoredCorrect = row.scoredCorrect.value_or(0);
            summary.scoredTotal = row.scoredTotal.value_or(0);
            summary.scaledScore = row.scaledScore.value_or(0);
            summary.finishReason = finishReasonFromName(row.finishReason);
            summary.items = static_cast<int>(repository.items(row.id).size());
            if (!row.ownerDevice.empty()) {
                summary.device = deviceLabelIn(events, row.ownerDevice);
            }
            summaries.push_back(summary);
        }
        return summaries;
    });
}

Result<std::vector<AttemptElsewhere>> ExamService::inProgressElsewhere()
{
    return guardStore<std::vector<AttemptElsewhere>>([&]() -> Result<std::vector<AttemptElsewhere>> {
        EventRepository events(m_store->database());
        std::vector<AttemptElsewhere> running;
        for (const auto& started : events.examsStartedElsewhereNotFinished()) {
            const auto payload = sync::Payload::decode(started.payload);
            AttemptElsewhere attempt;
            attempt.uuid = started.uuid;
            attempt.mode
                = payload && payload->get("mode") == "practice" ? ExamMode::Practice : ExamMode::Exam;
            attempt.started = fromEpochMilliseconds(
                payload ? payload->getInteger("started").value_or(started.hlc.ms) : started.hlc.ms);
            attempt.device = deviceLabelIn(events, started.hlc.device);
            running.push_back(std::move(attempt));
        }
        return running;
    });
}

} // namespace mlaprep
