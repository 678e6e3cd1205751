#include "store/ExamRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <sstream>

namespace mlaprep {

namespace {

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string text;
    for (const auto& id : ids) {
        text += (text.empty() ? "" : ",") + id;
    }
    return text;
}

std::vector<std::string> splitIds(const std::string& text)
{
    std::vector<std::string> ids;
    std::string id;
    std::istringstream stream(text);
    while (std::getline(stream, id, ',')) {
        ids.push_back(id);
    }
    return ids;
}

template <typename T> void bindOptional(Statement& statement, int index, const std::optional<T>& value)
{
    if (value) {
        statement.bind(index, static_cast<std::int64_t>(*value));
    } else {
        statement.bindNull(index);
    }
}

void bindOptionalText(Statement& statement, int index, const std::optional<std::string>& value)
{
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bindNull(index);
    }
}

constexpr const char* AttemptColumns = "id, bundle_id, bundle_version, mode, seed, time_limit_ms, "
                                       "started_ms, elapsed_ms, position, finished_ms, "
                                       "finish_reason, scored_correct, scored_total, scaled_score, "
                                       "running_since_ms, uuid, coalesce(owner_device, '')";

AttemptRow readAttempt(const Statement& row)
{
    AttemptRow attempt;
    attempt.id = row.columnInt(0);
    attempt.bundleId = row.columnText(1);
    attempt.bundleVersion = row.columnText(2);
    attempt.mode = row.columnText(3);
    attempt.seed = static_cast<std::uint64_t>(row.columnInt(4));
    if (!row.columnIsNull(5)) {
        attempt.timeLimitMs = row.columnInt(5);
    }
    attempt.startedMs = row.columnInt(6);
    attempt.elapsedMs = row.columnInt(7);
    attempt.position = static_cast<int>(row.columnInt(8));
    if (!row.columnIsNull(9)) {
        attempt.finishedMs = row.columnInt(9);
    }
    attempt.finishReason = row.columnText(10);
    if (!row.columnIsNull(11)) {
        attempt.scoredCorrect = static_cast<int>(row.columnInt(11));
        attempt.scoredTotal = static_cast<int>(row.columnInt(12));
        attempt.scaledScore = static_cast<int>(row.columnInt(13));
    }
    if (!row.columnIsNull(14)) {
        attempt.runningSinceMs = row.columnInt(14);
    }
    attempt.uuid = row.columnText(15);
    attempt.ownerDevice = row.columnText(16);
    return attempt;
}

} // namespace

std::int64_t ExamRepository::insertAttempt(const AttemptRow& attempt)
{
    auto statement = m_database.prepare(
        "INSERT INTO exam_attempts (bundle_id, bundle_version, mode, seed, time_limit_ms, started_ms, "
        "elapsed_ms, position, running_since_ms, uuid, owner_device, finished_ms, finish_reason, "
        "scored_correct, scored_total, scaled_score) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    statement.bind(1, attempt.bundleId)
        .bind(2, attempt.bundleVersion)
        .bind(3, attempt.mode)
        .bind(4, static_cast<std::int64_t>(attempt.seed));
    bindOptional(statement, 5, attempt.timeLimitMs);
    statement.bind(6, static_cast<std::int64_t>(attempt.startedMs))
        .bind(7, static_cast<std::int64_t>(attempt.elapsedMs))
        .bind(8, attempt.position);
    bindOptional(statement, 9, attempt.runningSinceMs);
    statement.bind(10, attempt.uuid);
    bindOptionalText(statement, 11,
        attempt.ownerDevice.empty() ? std::nullopt : std::optional<std::string>(attempt.ownerDevice));
    bindOptional(statement, 12, attempt.finishedMs);
    bindOptionalText(statement, 13,
        attempt.finishReason.empty() ? std::nullopt : std::optional<std::string>(attempt.finishReason));
    bindOptional(statement, 14, attempt.scoredCorrect);
    bindOptional(statement, 15, attempt.scoredTotal);
    bindOptional(statement, 16, attempt.scaledScore);
    statement.run();
    return m_database.lastInsertRowId();
}

void ExamRepository::insertItem(std::int64_t attemptId, int position, const ExamItem& item)
{
    insertItem(attemptId, position, ExamItemRow { item, std::nullopt, false, 0, {}, std::nullopt });
}

void ExamRepository::insertItem(std::int64_t attemptId, int position, const ExamItemRow& row)
{
    auto statement = m_database.prepare(
        "INSERT INTO exam_items (attempt_id, position, item_id, case_id, option_order, scored, flagged, "
        "answer, time_spent_ms, struck, correct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    statement.bind(1, attemptId).bind(2, position).bind(3, row.item.itemId);
    bindOptionalText(
        statement, 4, row.item.caseId.empty() ? std::nullopt : std::optional<std::string>(row.item.caseId));
    statement.bind(5, joinIds(row.item.optionOrder))
        .bind(6, row.item.scored ? 1 : 0)
        .bind(7, row.flagged ? 1 : 0);
    bindOptionalText(statement, 8, row.answer);
    statement.bind(9, static_cast<std::int64_t>(row.timeSpentMs)).bind(10, joinIds(row.struck));
    bindOptional(statement, 11, row.correct);
    statement.run();
}

void ExamRepository::insertAnswerChange(std::int64_t attemptId, const AnswerChangeRow& change)
{
    auto statement
        = m_database.prepare("INSERT INTO exam_answer_changes (attempt_id, item_id, answer, changed_ms, "
                             "elapsed_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    statement.bind(1, attemptId).bind(2, change.itemId);
    bindOptionalText(statement, 3, change.answer);
    statement.bind(4, static_cast<std::int64_t>(change.changedMs))
        .bind(5, static_cast<std::int64_t>(change.elapsedMs))
        .run();
}

std::optional<std::int64_t> ExamRepository::openAttemptId()
{
    auto statement = m_database.prepare(
        "SELECT id FROM exam_attempts WHERE finished_ms IS NULL ORDER BY id DESC LIMIT 1");
    if (statement.step()) {
        return statement.columnInt(0);
    }
    return std::nullopt;
}

std::optional<std::int64_t> ExamRepository::latestAttemptId()
{
    auto statement
        = m_database.prepare("SELECT id FROM exam_attempts ORDER BY started_ms DESC, id DESC LIMIT 1");
    if (statement.step()) {
        return statement.columnInt(0);
    }
    return std::nullopt;
}

std::optional<std::int64_t> ExamRepository::latestAttemptWithSeed(std::uint64_t seed)
{
    auto statement
        = m_database.prepare("SELECT id FROM exam_attempts WHERE seed = ?1 ORDER BY id DESC LIMIT 1");
    statement.bind(1, static_cast<std::int64_t>(seed));
    if (statement.step()) {
        return statement.columnInt(0);
    }
    return std::nullopt;
}

std::optional<AttemptRow> ExamRepository::attempt(std::int64_t attemptId)
{
    auto statement
        = m_database.prepare(std::string("SELECT ") + AttemptColumns + " FROM exam_attempts WHERE id = ?1");
    statement.bind(1, attemptId);
    if (statement.step()) {
        return readAttempt(statement);
    }
    return std::nullopt;
}

std::optional<std::int64_t> ExamRepository::attemptIdOf(const std::string& uuid)
{
    auto statement = m_database.prepare("SELECT id FROM exam_attempts WHERE uuid = ?1");
    statement.bind(1, uuid);
    if (statement.step()) {
        return statement.columnInt(0);
    }
    return std::nullopt;
}

std::vector<ExamItemRow> ExamRepository::items(std::int64_t attemptId)
{
    auto statement = m_database.prepare("SELECT item_id, case_id, option_order, scored, flagged, answer, "
                                        "time_spent_ms, struck, correct FROM exam_items "
                                        "WHERE attempt_id = ?1 ORDER BY position");
    statement.bind(1, attemptId);
    std::vector<ExamItemRow> rows;
    while (statement.step()) {
        ExamItemRow row;
        row.item.itemId = statement.columnText(0);
        row.item.caseId = statement.columnText(1);
        row.item.optionOrder = splitIds(statement.columnText(2));
        row.item.scored = statement.columnInt(3) != 0;
        row.flagged = statement.columnInt(4) != 0;
        if (!statement.columnIsNull(5)) {
            row.answer = statement.columnText(5);
        }
        row.timeSpentMs = statement.columnInt(6);
        row.struck = splitIds(statement.columnText(7));
        if (!statement.columnIsNull(8)) {
            row.correct = statement.columnInt(8) != 0;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::map<std::string, std::vector<std::string>> ExamRepository::answerHistory(std::int64_t attemptId)
{
    auto statement = m_database.prepare("SELECT item_id, answer FROM exam_answer_changes WHERE attempt_id = "
                                        "?1 AND answer IS NOT NULL ORDER BY id");
    statement.bind(1, attemptId);
    std::map<std::string, std::vector<std::string>> history;
    while (statement.step()) {
        history[statement.columnText(0)].push_back(statement.columnText(1));
    }
    return history;
}

std::vector<AnswerChangeRow> ExamRepository::answerChanges(std::int64_t attemptId)
{
    auto statement = m_database.prepare("SELECT item_id, answer, changed_ms, elapsed_ms FROM "
                                        "exam_answer_changes WHERE attempt_id = ?1 ORDER BY id");
    statement.bind(1, attemptId);
    std::vector<AnswerChangeRow> changes;
    while (statement.step()) {
        AnswerChangeRow change;
        change.itemId = statement.columnText(0);
        if (!statement.columnIsNull(1)) {
            change.answer = statement.columnText(1);
        }
        change.changedMs = statement.columnInt(2);
        change.elapsedMs = statement.columnInt(3);
        changes.push_back(std::move(change));
    }
    return changes;
}

std::vector<std::int64_t> ExamRepository::ownFinishedWithoutEvent()
{
    auto statement = m_database.prepare(
        "SELECT id FROM exam_attempts a WHERE finished_ms IS NOT NULL AND owner_device IS NULL AND NOT "
        "EXISTS "
        "(SELECT 1 FROM events e WHERE e.item_id = a.uuid AND e.kind = 'exam-finished') ORDER BY id");
    std::vector<std::int64_t> ids;
    while (statement.step()) {
        ids.push_back(statement.columnInt(0));
    }
    return ids;
}

bool ExamRepository::setAnswer(std::int64_t attemptId, const std::string& itemId,
    const std::optional<std::string>& answer, long long changedMs, long long elapsedMs)
{
    auto update
        = m_database.prepare("UPDATE exam_items SET answer = ?3 WHERE attempt_id = ?1 AND item_id = ?2");
    update.bind(1, attemptId).bind(2, itemId);
    bindOptionalText(update, 3, answer);
    update.run();
    if (m_database.changes() == 0) {
        return false;
    }
    insertAnswerChange(attemptId, AnswerChangeRow { itemId, answer, changedMs, elapsedMs });
    return true;
}

bool ExamRepository::setFlag(std::int64_t attemptId, const std::string& itemId, bool flagged)
{
    m_database.prepare("UPDATE exam_items SET flagged = ?3 WHERE attempt_id = ?1 AND item_id = ?2")
        .bind(1, attemptId)
        .bind(2, itemId)
        .bind(3, flagged ? 1 : 0)
        .run();
    return m_database.changes() > 0;
}

void ExamRepository::setStruck(
    std::int64_t attemptId, const std::string& itemId, const std::vector<std::string>& optionIds)
{
    m_database.prepare("UPDATE exam_items SET struck = ?3 WHERE attempt_id = ?1 AND item_id = ?2")
        .bind(1, attemptId)
        .bind(2, itemId)
        .bind(3, joinIds(optionIds))
        .run();
}

void ExamRepository::setTimeSpent(std::int64_t attemptId, const std::string& itemId, long long ms)
{
    m_database.prepare("UPDATE exam_items SET time_spent_ms = ?3 WHERE attempt_id = ?1 AND item_id = ?2")
        .bind(1, attemptId)
        .bind(2, itemId)
        .bind(3, static_cast<std::int64_t>(ms))
        .run();
}

void ExamRepository::saveClock(
    std::int64_t attemptId, long long elapsedMs, std::optional<long long> runningSinceMs, int position)
{
    auto statement = m_database.prepare(
        "UPDATE exam_attempts SET elapsed_ms = ?2, running_since_ms = ?3, position = ?4 WHERE id = ?1");
    statement.bind(1, attemptId).bind(2, static_cast<std::int64_t>(elapsedMs));
    bindOptional(statement, 3, runningSinceMs);
    statement.bind(4, position);
    statement.run();
}

void ExamRepository::setCorrect(std::int64_t attemptId, const std::string& itemId, bool correct)
{
    m_database.prepare("UPDATE exam_items SET correct = ?3 WHERE attempt_id = ?1 AND item_id = ?2")
        .bind(1, attemptId)
        .bind(2, itemId)
        .bind(3, correct ? 1 : 0)
        .run();
}

void ExamRepository::finish(const AttemptRow& finished)
{
    auto statement = m_database.prepare("UPDATE exam_attempts SET finished_ms = ?2, finish_reason = ?3, "
                                        "elapsed_ms = ?4, running_since_ms = NULL, scored_correct = ?5, "
                                        "scored_total = ?6, scaled_score = ?7 WHERE id = ?1");
    statement.bind(1, finished.id);
    bindOptional(statement, 2, finished.finishedMs);
    statement.bind(3, finished.finishReason).bind(4, static_cast<std::int64_t>(finished.elapsedMs));
    bindOptional(statement, 5, finished.scoredCorrect);
    bindOptional(statement, 6, finished.scoredTotal);
    bindOptional(statement, 7, finished.scaledScore);
    statement.run();
}

void ExamRepository::removeAttempt(std::int64_t attemptId)
{
    // Foreign keys are on: the items and answer changes go with it (ON DELETE CASCADE).
    m_database.prepare("DELETE FROM exam_attempts WHERE id = ?1").bind(1, attemptId).run();
}

std::vector<AttemptRow> ExamRepository::finishedAttempts()
{
    auto statement = m_database.prepare(std::string("SELECT ") + AttemptColumns
        + " FROM exam_attempts WHERE finished_ms IS NOT NULL ORDER BY started_ms DESC, id DESC");
    std::vector<AttemptRow> rows;
    while (statement.step()) {
        rows.push_back(readAttempt(statement));
    }
    return rows;
}

std::vector<std::string> ExamRepository::itemsOfRecentAttempts(int attempts)
{
    auto statement = m_database.prepare("SELECT item_id FROM exam_items WHERE attempt_id IN (SELECT id FROM "
                                        "exam_attempts ORDER BY started_ms DESC, id DESC LIMIT ?1)");
    statement.bind(1, attempts);
    std::vector<std::string> ids;
    while (statement.step()) {
        ids.push_back(statement.columnText(0));
    }
    return ids;
}

std::vector<std::string> ExamRepository::missedInRecentAttempts(int attempts)
{
    auto statement = m_database.prepare(
        "SELECT DISTINCT item_id FROM exam_items WHERE coalesce(correct, 0) = 0 AND attempt_id IN "
        "(SELECT id FROM exam_attempts WHERE finished_ms IS NOT NULL AND finish_reason IS NOT 'abandoned' "
        "ORDER BY started_ms DESC, id DESC LIMIT ?1)");
    statement.bind(1, attempts);
    std::vector<std::string> ids;
    while (statement.step()) {
        ids.push_back(statement.columnText(0));
    }
    return ids;
}

std::vector<std::string> ExamRepository::everPlacedItems()
{
    auto statement = m_database.prepare("SELECT DISTINCT item_id FROM exam_items");
    std::vector<std::string> ids;
    while (statement.step()) {
        ids.push_back(statement.columnText(0));
    }
    return ids;
}

} // namespace mlaprep
