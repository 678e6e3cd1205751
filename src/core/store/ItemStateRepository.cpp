#include "store/ItemStateRepository.h"

#include "store/Database.h"
#include "store/KeptStatement.h"

namespace mlaprep {

namespace {

constexpr std::string_view Columns
    = "item_id, kind, phase, step, stability, difficulty, due_ms, last_review_ms, reps, lapses";

ItemStateRow readRow(const Statement& statement)
{
    ItemStateRow row;
    row.itemId = statement.columnText(0);
    row.kind = statement.columnText(1);
    row.phase = static_cast<int>(statement.columnInt(2));
    row.step = static_cast<int>(statement.columnInt(3));
    if (!statement.columnIsNull(4)) {
        row.stability = statement.columnDouble(4);
    }
    if (!statement.columnIsNull(5)) {
        row.difficulty = statement.columnDouble(5);
    }
    row.dueMs = statement.columnInt(6);
    if (!statement.columnIsNull(7)) {
        row.lastReviewMs = statement.columnInt(7);
    }
    row.reps = static_cast<int>(statement.columnInt(8));
    row.lapses = static_cast<int>(statement.columnInt(9));
    return row;
}

} // namespace

ItemStateRepository::ItemStateRepository(Database& database)
    : m_database(database)
    , m_find(database,
          "SELECT item_id, kind, phase, step, stability, difficulty, due_ms, last_review_ms, reps, lapses "
          "FROM item_states WHERE item_id = ?1")
    , m_save(database,
          "INSERT OR REPLACE INTO item_states (item_id, kind, phase, step, stability, difficulty, due_ms, "
          "last_review_ms, reps, lapses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
    , m_insertNew(database,
          "INSERT OR IGNORE INTO item_states (item_id, kind, phase, step, due_ms) VALUES (?1, ?2, 0, 0, ?3)")
    , m_due(database,
          "SELECT item_id, due_ms FROM item_states WHERE phase = ?1 AND due_ms < ?2 ORDER BY due_ms, item_id")
    , m_earliestDue(database,
          "SELECT min(max(s.due_ms, coalesce(h.buried_until_ms, 0))) FROM item_states s "
          "LEFT JOIN item_holds h ON h.item_id = s.item_id WHERE s.phase = ?1 AND coalesce(h.suspended, 0) = "
          "0")
{
}

std::optional<ItemStateRow> ItemStateRepository::find(std::string_view itemId)
{
    Statement& statement = m_find.get();
    ResetOnExit reset(statement);
    statement.bind(1, itemId);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readRow(statement);
}

void ItemStateRepository::save(const ItemStateRow& row)
{
    Statement& statement = m_save.get();
    ResetOnExit reset(statement);
    statement.bind(1, row.itemId).bind(2, row.kind).bind(3, row.phase).bind(4, row.step);
    row.stability ? statement.bind(5, *row.stability) : statement.bindNull(5);
    row.difficulty ? statement.bind(6, *row.difficulty) : statement.bindNull(6);
    statement.bind(7, row.dueMs);
    row.lastReviewMs ? statement.bind(8, *row.lastReviewMs) : statement.bindNull(8);
    statement.bind(9, row.reps).bind(10, row.lapses);
    statement.run();
}

void ItemStateRepository::insertNewIfMissing(
    std::string_view itemId, std::string_view kind, std::int64_t position)
{
    Statement& statement = m_insertNew.get();
    ResetOnExit reset(statement);
    statement.bind(1, itemId).bind(2, kind).bind(3, position);
    statement.run();
}

bool ItemStateRepository::relearn(std::string_view itemId, std::int64_t dueMs)
{
    m_database
        .prepare("UPDATE item_states SET phase = 3, step = 0, due_ms = ?2 WHERE item_id = ?1 AND phase <> 0")
        .bind(1, itemId)
        .bind(2, dueMs)
        .run();
    return m_database.changes() > 0;
}

std::vector<ItemStateRepository::Due> ItemStateRepository::due(
    int phase, std::int64_t beforeMs, int cap, const std::function<bool(const std::string&)>& accept)
{
    std::vector<Due> found;
    Statement& statement = m_due.get();
    ResetOnExit reset(statement);
    statement.bind(1, phase).bind(2, beforeMs);
    while (static_cast<int>(found.size()) < cap && statement.step()) {
        std::string id = statement.columnText(0);
        if (accept(id)) {
            found.push_back(Due { std::move(id), statement.columnInt(1) });
        }
    }
    return found;
}

std::optional<std::int64_t> ItemStateRepository::earliestDue(int phase)
{
    Statement& statement = m_earliestDue.get();
    ResetOnExit reset(statement);
    statement.bind(1, phase);
    if (!statement.step() || statement.columnIsNull(0)) {
        return std::nullopt;
    }
    return statement.columnInt(0);
}

std::vector<ItemStateRow> ItemStateRepository::all()
{
    std::vector<ItemStateRow> rows;
    auto statement = m_database.prepare(std::string("SELECT ") + std::string(Columns) + " FROM item_states");
    while (statement.step()) {
        rows.push_back(readRow(statement));
    }
    return rows;
}

} // namespace mlaprep
