#include "services/ExamService.h"

#include "content/Bundle.h"
#include "exam/ExamAssembler.h"
#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/RatingInference.h"
#include "store/Database.h"
#include "store/ExamRepository.h"
#include "store/Transaction.h"

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

Result<Changes> notInAttempt(const std::string& itemId, std::int64_t attemptId)
{
    return userError<Changes>("item", "item " + itemId + " is not in attempt " + std::to_string(attemptId));
}

Changes examChanges(const std::string& itemId)
{
    Changes changes;
    changes.exams = true;
    changes.ids.push_back(itemId);
    return changes;
}

const char* modeName(ExamMode mode)
{
    return mode == ExamMode::Exam ? "exam" : "practice";
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
    state.position = row.position;
    state.finished = row.finishedMs.has_value();
    for (auto& itemRow : repository.items(row.id)) {
        AttemptItem item;
        item.item = completeItem(bundle, items, std::move(itemRow.item));
        if (itemRow.answer) {
            item.answer = answerFromText(*itemRow.answer);
        }
        item.flagged = itemRow.flagged;
        item.timeSpentMs = itemRow.timeSpentMs;
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
        for (const auto& text : history[item.item.itemId]) {
            record.history.push_back(answerFromText(text));
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

int AttemptState::answeredCount() const
{
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](const AttemptItem& i) { return i.answer.has_value(); }));
}

int AttemptState::flaggedCount() const
{
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](const AttemptItem& i) { return i.flagged; }));
}

std::optional<long long> AttemptState::remainingMs() const
{
    if (!timeLimitMs) {
        return std::nullopt;
    }
    return std::max(0LL, *timeLimitMs - elapsedMs);
}

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

Result<AttemptState> ExamService::start(const StartRequest& request)
{
    return guardStore<AttemptState>([&]() -> Result<AttemptState> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        if (repository.openAttemptId()) {
            return userError<AttemptState>("attempt", "an attempt is still open: finish or resume it first");
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
            return Result<AttemptState>::failure(plan.problems());
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
        row.startedMs = toEpochMilliseconds(m_clock.now());

        Transaction transaction(database);
        row.id = repository.insertAttempt(row);
        int position = 0;
        for (const auto& item : plan->items) {
            repository.insertItem(row.id, position++, item);
        }
        transaction.commit();
        return loadState(repository, m_bundle, m_items, row);
    });
}

Result<std::optional<AttemptState>> ExamService::openAttempt()
{
    return guardStore<std::optional<AttemptState>>([&]() -> Result<std::optional<AttemptState>> {
        ExamRepository repository(m_store->database());
        const auto id = repository.openAttemptId();
        if (!id) {
            return std::optional<AttemptState>();
        }
        return std::optional<AttemptState>(
            loadState(repository, m_bundle, m_items, *repository.attempt(*id)));
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

Result<Changes> ExamService::recordAnswer(std::int64_t attemptId, const std::string& itemId,
    const std::optional<Answer>& answer, long long elapsedMs)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        Transaction transaction(database);
        const auto row = repository.attempt(attemptId);
        if (!row || row->finishedMs) {
            return userError<Changes>("attempt", "attempt " + std::to_string(attemptId) + " is not open");
        }
        std::optional<std::string> text;
        if (answer && !answer->empty()) {
            text = toText(*answer);
        }
        if (!repository.setAnswer(attemptId, itemId, text, toEpochMilliseconds(m_clock.now()), elapsedMs)) {
            return notInAttempt(itemId, attemptId);
        }
        repository.saveClock(attemptId, elapsedMs, std::nullopt);
        transaction.commit();
        return examChanges(itemId);
    });
}

Result<Changes> ExamService::setFlag(
    std::int64_t attemptId, const std::string& itemId, bool flagged, long long elapsedMs)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        Transaction transaction(database);
        if (!repository.setFlag(attemptId, itemId, flagged)) {
            return notInAttempt(itemId, attemptId);
        }
        repository.saveClock(attemptId, elapsedMs, std::nullopt);
        transaction.commit();
        return examChanges(itemId);
    });
}

Result<Changes> ExamService::moveTo(std::int64_t attemptId, int position, const std::string& leftItemId,
    long long timeOnItemMs, long long elapsedMs)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        Transaction transaction(database);
        if (!leftItemId.empty() && timeOnItemMs > 0) {
            repository.addTimeSpent(attemptId, leftItemId, timeOnItemMs);
        }
        repository.saveClock(attemptId, elapsedMs, position);
        transaction.commit();
        Changes changes;
        changes.exams = true;
        return changes;
    });
}

Result<Changes> ExamService::saveClock(std::int64_t attemptId, long long elapsedMs)
{
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        Transaction transaction(database);
        ExamRepository(database).saveClock(attemptId, elapsedMs, std::nullopt);
        transaction.commit();
        Changes changes;
        changes.exams = true;
        return changes;
    });
}

Result<ExamReport> ExamService::finish(std::int64_t attemptId, FinishReason reason, long long elapsedMs)
{
    return guardStore<ExamReport>([&]() -> Result<ExamReport> {
        Database& database = m_store->database();
        ExamRepository repository(database);
        Transaction transaction(database);
        auto row = repository.attempt(attemptId);
        if (!row) {
            return userError<ExamReport>("attempt", "no attempt " + std::to_string(attemptId));
        }
        const AttemptState state = loadState(repository, m_bundle, m_items, *row);
        ExamReport report = buildReport(m_bundle, loadRecords(repository, state));
        if (row->finishedMs) {
            return report;
        }
        for (const auto& item : report.items) {
            repository.setCorrect(attemptId, item.item.itemId, item.correct);
        }
        row->finishedMs = toEpochMilliseconds(m_clock.now());
        row->finishReason = reason == FinishReason::TimeUp ? "time-up" : "submitted";
        row->elapsedMs = std::max(row->elapsedMs, elapsedMs);
        row->scoredCorrect = report.scoredCorrect;
        row->scoredTotal = report.scoredTotal;
        row->scaledScore = report.scaledScore;
        repository.finish(*row);
        const Instant now = m_clock.now();
        ReviewRecorder recorder(database);
        const auto source
            = state.mode == ExamMode::Exam ? srs::ReviewSource::Exam : srs::ReviewSource::Practice;
        for (const auto& item : report.items) {
            if (!item.answer) {
                continue;
            }
            const std::chrono::milliseconds spent(item.timeSpentMs);
            const auto rating
                = srs::inferRating(item.correct, item.flagged, spent, m_schedulerConfig.slowAnswer);
            recorder.record(m_schedulerConfig, item.item.itemId, srs::ItemKind::Question, rating, now,
                m_clock.utcOffsetMinutes(now), spent, source);
        }
        transaction.commit();
        return report;
    });
}

Result<ExamReport> ExamService::report(std::int64_t attemptId)
{
    return guardStore<ExamReport>([&]() -> Result<ExamReport> {
        ExamRepository repository(m_store->database());
        const auto row = repository.attempt(attemptId);
        if (!row) {
            return userError<ExamReport>("attempt", "no attempt " + std::to_string(attemptId));
        }
        return buildReport(m_bundle, loadRecords(repository, loadState(repository, m_bundle, m_items, *row)));
    });
}

Result<std::vector<AttemptSummary>> ExamService::history()
{
    return guardStore<std::vector<AttemptSummary>>([&]() -> Result<std::vector<AttemptSummary>> {
        ExamRepository repository(m_store->database());
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
            summary.timeUp = row.finishReason == "time-up";
            summary.items = static_cast<int>(repository.items(row.id).size());
            summaries.push_back(summary);
        }
        return summaries;
    });
}

} // namespace mlaprep
