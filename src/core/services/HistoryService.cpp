#include "services/HistoryService.h"

#include "content/Answer.h"
#include "content/Bundle.h"
#include "exam/ExamReport.h"
#include "exam/SimulatedAnswer.h"
#include "interop/HistoryJsonl.h"
#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "srs/RatingInference.h"
#include "srs/StudyItem.h"
#include "store/Database.h"
#include "store/ExamRepository.h"
#include "store/HistoryRepository.h"
#include "store/Transaction.h"
#include "store/UserDeckRepository.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace mlaprep {

namespace {

struct KnownItem {
    srs::ItemKind kind = srs::ItemKind::Card;
    const Question* question = nullptr; // questions only
    std::string caseId; // case children: their case
};

// What a stored or imported answer says; the same key with another payload is an error.
struct Payload {
    int rating = 0;
    std::int64_t durationMs = 0;
    int line = 0; // where in the file (0: already stored)

    bool sameAs(const Payload& other) const
    {
        return rating == other.rating && durationMs == other.durationMs;
    }
};

struct NewAnswer {
    HistoryEntry entry;
    KnownItem item;
    int rating = 0;
    std::int64_t durationMs = 0;
};

struct Replayed {
    std::int64_t atMs = 0;
    int rating = 0;
    std::int64_t durationMs = 0;
    srs::ReviewSource source = srs::ReviewSource::Review;
};

std::string answerKey(
    const std::string& item, std::int64_t atMs, std::string_view source, const std::string& attempt)
{
    return item + '\x1f' + std::to_string(atMs) + '\x1f' + std::string(source) + '\x1f' + attempt;
}

std::string attemptName(const HistoryRow& row, const std::map<std::int64_t, std::string>& names)
{
    if (!row.attemptId) {
        return {};
    }
    const auto found = names.find(*row.attemptId);
    return found != names.end() ? found->second : "mlaprep-" + std::to_string(*row.attemptId);
}

std::unordered_map<std::string, KnownItem> knownItems(const Bundle& bundle, Database& database)
{
    std::unordered_map<std::string, KnownItem> known;
    for (const auto& item : srs::studyItemsOf(bundle)) {
        known[item.id].kind = item.kind;
    }
    for (const ScoredItem& scored : bundle.scoredItemsWithCases()) {
        known[scored.item->id] = KnownItem { srs::ItemKind::Question, scored.item,
            scored.caseParent ? scored.caseParent->id : std::string() };
    }
    for (const auto& card : UserDeckRepository(database).cards()) {
        known[card.itemId].kind = srs::ItemKind::Card;
    }
    return known;
}

// The exam lines of one attempt as a finished mock: items in time order, each answered with the key or
// a wrong answer as the line says, scored as the exam service scores.
void insertMock(
    Database& database, const Bundle& bundle, const std::string& name, std::vector<const NewAnswer*> answers)
{
    std::stable_sort(answers.begin(), answers.end(),
        [](const NewAnswer* a, const NewAnswer* b) { return a->entry.atMs < b->entry.atMs; });
    ExamRepository exams(database);
    AttemptRow row;
    row.bundleId = bundle.id;
    row.bundleVersion = bundle.version;
    row.mode = "exam";
    row.startedMs = answers.front()->entry.atMs;
    row.id = exams.insertAttempt(row);
    std::vector<AttemptItemRecord> records;
    long long elapsed = 0;
    for (std::size_t position = 0; position < answers.size(); ++position) {
        const NewAnswer& answer = *answers[position];
        const Question& question = *answer.item.question;
        ExamItem item;
        item.itemId = question.id;
        item.caseId = answer.item.caseId;
        item.taskId = question.task;
        item.type = question.type;
        if (const Domain* domain = bundle.domainOfTask(question.task)) {
            item.domainId = domain->id;
        }
        for (const auto& option : question.options) {
            item.optionOrder.push_back(option.id);
        }
        exams.insertItem(row.id, static_cast<int>(position), item);
        const Answer given
            = *answer.entry.correct ? keyOf(question) : wrongAnswer(question, item.optionOrder);
        elapsed += answer.durationMs;
        exams.setAnswer(row.id, question.id, toText(given), answer.entry.atMs, elapsed);
        exams.setTimeSpent(row.id, question.id, answer.durationMs);
        exams.setCorrect(row.id, question.id, *answer.entry.correct);
        records.push_back(AttemptItemRecord { item, given, false, answer.durationMs, { given }, {} });
    }
    const ExamReport report = buildReport(bundle, records);
    row.finishedMs = answers.back()->entry.atMs;
    row.finishReason = "submitted";
    row.elapsedMs = elapsed;
    row.scoredCorrect = report.scoredCorrect;
    row.scoredTotal = report.scoredTotal;
    row.scaledScore = report.scaledScore;
    exams.finish(row);
    HistoryRepository(database).nameImportedAttempt(row.id, name);
}

} // namespace

HistoryService::HistoryService(
    std::shared_ptr<Store> store, const Bundle& bundle, const srs::SchedulerConfig& schedulerConfig)
    : m_store(std::move(store))
    , m_bundle(bundle)
    , m_schedulerConfig(schedulerConfig)
{
}

Result<HistoryImportSummary> HistoryService::importHistory(
    const std::filesystem::path& file, bool importWhatYouCan)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Result<HistoryImportSummary>::failure(
            Problem { Severity::Error, file.string(), "", "", "cannot read the file" });
    }
    std::stringstream text;
    text << in.rdbuf();
    const HistoryFile parsed = parseHistory(text.str(), file.string());

    return guardStore<HistoryImportSummary>([&]() -> Result<HistoryImportSummary> {
        Database& database = m_store->database();
        HistoryRepository history(database);
        const auto known = knownItems(m_bundle, database);
        const auto names = history.importedAttemptNames();
        const std::vector<HistoryRow> stored = history.answers();
        std::unordered_map<std::string, Payload> seen;
        std::set<std::string> storedAttempts;
        for (const auto& row : stored) {
            const std::string attempt = attemptName(row, names);
            seen.emplace(answerKey(row.itemId, row.reviewedMs, row.source, attempt),
                Payload { row.rating, row.durationMs, 0 });
            if (!attempt.empty()) {
                storedAttempts.insert(attempt);
            }
        }

        HistoryImportSummary summary;
        summary.read = parsed.read;
        summary.errors = parsed.errors;
        std::vector<NewAnswer> fresh;
        std::set<std::pair<std::string, std::string>> attemptItems;
        for (const auto& entry : parsed.entries) {
            const auto reject = [&](const std::string& why) {
                summary.errors.push_back(file.string() + ":" + std::to_string(entry.line) + ": " + why);
            };
            const auto found = known.find(entry.item);
            if (found == known.end()) {
                reject("unknown item id \"" + entry.item + "\"");
                continue;
            }
            const KnownItem& item = found->second;
            int rating = 0;
            const auto duration = static_cast<std::int64_t>(std::llround(entry.seconds * 1000.0));
            if (item.kind == srs::ItemKind::Card) {
                if (!entry.rating) {
                    reject("card \"" + entry.item + "\" needs \"rating\" (1-4)");
                    continue;
                }
                if (entry.source != srs::ReviewSource::Review) {
                    reject("card \"" + entry.item + "\" is answered in review only (\"source\": \"review\")");
                    continue;
                }
                rating = *entry.rating;
            } else {
                if (!entry.correct) {
                    reject("question \"" + entry.item + "\" needs \"correct\": true or false");
                    continue;
                }
                if (entry.rating && (*entry.rating > 1) != *entry.correct) {
                    reject("\"rating\" and \"correct\" disagree for \"" + entry.item + "\"");
                    continue;
                }
                rating = entry.rating.value_or(fsrs::toGrade(srs::inferRating(*entry.correct, false,
                    std::chrono::milliseconds(duration), m_schedulerConfig.slowAnswer)));
            }
            const Payload payload { rating, duration, entry.line };
            const std::string key
                = answerKey(entry.item, entry.atMs, srs::toString(entry.source), entry.attempt);
            if (const auto earlier = seen.find(key); earlier != seen.end()) {
                if (!earlier->second.sameAs(payload)) {
                    reject(earlier->second.line == 0 ? "this answer (item, at, source, attempt) is already "
                                                       "in the history with another rating or time"
                                                     : "repeats line " + std::to_string(earlier->second.line)
                                + " with another rating or time");
                } else {
                    ++summary.duplicates;
                }
                continue;
            }
            if (!entry.attempt.empty()) {
                if (storedAttempts.count(entry.attempt)) {
                    reject("attempt \"" + entry.attempt
                        + "\" is already in the history; a new answer cannot join it");
                    continue;
                }
                if (!attemptItems.emplace(entry.attempt, entry.item).second) {
                    reject("item \"" + entry.item + "\" appears twice in attempt \"" + entry.attempt + "\"");
                    continue;
                }
            }
            seen.emplace(key, payload);
            fresh.push_back(NewAnswer { entry, item, rating, duration });
        }
        summary.rejected = static_cast<int>(summary.errors.size());
        if (!summary.errors.empty() && !importWhatYouCan) {
            return summary;
        }

        Transaction transaction(database);
        std::map<std::string, std::vector<const NewAnswer*>> mocks;
        std::map<std::string, std::vector<Replayed>> replays;
        for (const auto& answer : fresh) {
            if (!answer.entry.attempt.empty()) {
                mocks[answer.entry.attempt].push_back(&answer);
            }
            replays[answer.entry.item].push_back(
                Replayed { answer.entry.atMs, answer.rating, answer.durationMs, answer.entry.source });
        }
        for (const auto& [name, answers] : mocks) {
            insertMock(database, m_bundle, name, answers);
        }
        // The stored answers of every touched item join the new ones, so its state is the replay of all.
        for (const auto& row : stored) {
            auto found = replays.find(row.itemId);
            if (found != replays.end()) {
                found->second.push_back(Replayed { row.reviewedMs, row.rating, row.durationMs,
                    srs::reviewSourceFromString(row.source).value_or(srs::ReviewSource::Review) });
            }
        }
        ReviewRecorder recorder(database);
        for (auto& [itemId, answers] : replays) {
            std::stable_sort(answers.begin(), answers.end(),
                [](const Replayed& a, const Replayed& b) { return a.atMs < b.atMs; });
            history.removeItem(itemId);
            const srs::ItemKind kind = known.at(itemId).kind;
            for (const auto& answer : answers) {
                recorder.record(m_schedulerConfig, itemId, kind,
                    fsrs::ratingFromGrade(answer.rating).value_or(fsrs::Rating::Again),
                    fromEpochMilliseconds(answer.atMs), 0, std::chrono::milliseconds(answer.durationMs),
                    answer.source);
            }
        }
        transaction.commit();
        summary.imported = static_cast<int>(fresh.size());
        summary.committed = true;
        return summary;
    });
}

Result<int> HistoryService::exportHistory(const std::filesystem::path& file)
{
    return guardStore<int>([&]() -> Result<int> {
        HistoryRepository history(m_store->database());
        const auto names = history.importedAttemptNames();
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (!out) {
            return Result<int>::failure(
                Problem { Severity::Error, file.string(), "", "", "cannot write the file" });
        }
        int count = 0;
        for (const auto& row : history.answers()) {
            HistoryEntry entry;
            entry.item = row.itemId;
            entry.atMs = row.reviewedMs;
            entry.source = srs::reviewSourceFromString(row.source).value_or(srs::ReviewSource::Review);
            entry.rating = row.rating;
            entry.seconds = static_cast<double>(row.durationMs) / 1000.0;
            const bool question = row.kind == "question";
            if (question) {
                entry.correct = row.rating > 1;
            }
            if (entry.source == srs::ReviewSource::Exam) {
                entry.attempt = attemptName(row, names);
            }
            out << historyLine(entry, question) << '\n';
            ++count;
        }
        out.flush();
        if (!out) {
            return Result<int>::failure(
                Problem { Severity::Error, file.string(), "", "", "cannot write the file" });
        }
        return count;
    });
}

} // namespace mlaprep
