#include "store/ItemHoldRepository.h"

#include "store/Database.h"
#include "store/Statement.h"
#include "sync/Event.h"

namespace mlaprep {

sync::Payload holdPayload(const ItemHold& hold)
{
    return sync::Payload()
        .set("suspended", hold.suspended ? 1 : 0)
        .set("buried_until", static_cast<long long>(hold.buriedUntilMs.value_or(0)));
}

std::optional<ItemHold> holdFromPayload(std::string_view payload)
{
    const auto decoded = sync::Payload::decode(payload);
    const auto suspended = decoded ? decoded->getInteger("suspended") : std::nullopt;
    const auto buriedUntil = decoded ? decoded->getInteger("buried_until") : std::nullopt;
    if (!suspended || !buriedUntil) {
        return std::nullopt;
    }
    ItemHold hold;
    hold.suspended = *suspended == 1;
    if (*buriedUntil > 0) {
        hold.buriedUntilMs = *buriedUntil;
    }
    return hold;
}

ItemHold ItemHoldRepository::find(std::string_view itemId)
{
    auto statement
        = m_database.prepare("SELECT suspended, buried_until_ms FROM item_holds WHERE item_id = ?1");
    statement.bind(1, itemId);
    ItemHold hold;
    if (statement.step()) {
        hold.suspended = statement.columnInt(0) != 0;
        if (!statement.columnIsNull(1)) {
            hold.buriedUntilMs = statement.columnInt(1);
        }
    }
    return hold;
}

void ItemHoldRepository::save(std::string_view itemId, const ItemHold& hold)
{
    if (!hold.suspended && !hold.buriedUntilMs) {
        m_database.prepare("DELETE FROM item_holds WHERE item_id = ?1").bind(1, itemId).run();
        return;
    }
    auto statement = m_database.prepare(
        "INSERT OR REPLACE INTO item_holds (item_id, suspended, buried_until_ms) VALUES (?1, ?2, ?3)");
    statement.bind(1, itemId).bind(2, hold.suspended ? 1 : 0);
    hold.buriedUntilMs ? statement.bind(3, *hold.buriedUntilMs) : statement.bindNull(3);
    statement.run();
}

std::unordered_set<std::string> ItemHoldRepository::heldAt(std::int64_t nowMs)
{
    std::unordered_set<std::string> held;
    auto statement
        = m_database.prepare("SELECT item_id FROM item_holds WHERE suspended = 1 OR buried_until_ms > ?1");
    statement.bind(1, nowMs);
    while (statement.step()) {
        held.insert(statement.columnText(0));
    }
    return held;
}

std::int64_t ItemActionRepository::append(const ItemActionRow& row)
{
    const ItemStateRow& state = row.stateBefore;
    auto statement = m_database.prepare(
        "INSERT INTO item_actions (item_id, action, at_ms, after_log_id, suspended_before, "
        "buried_until_before_ms, phase_before, step_before, stability_before, difficulty_before, "
        "due_before_ms, last_review_before_ms, reps_before, lapses_before) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    statement.bind(1, row.itemId).bind(2, row.action).bind(3, row.atMs).bind(4, row.afterLogId);
    statement.bind(5, row.holdBefore.suspended ? 1 : 0);
    row.holdBefore.buriedUntilMs ? statement.bind(6, *row.holdBefore.buriedUntilMs) : statement.bindNull(6);
    statement.bind(7, state.phase).bind(8, state.step);
    state.stability ? statement.bind(9, *state.stability) : statement.bindNull(9);
    state.difficulty ? statement.bind(10, *state.difficulty) : statement.bindNull(10);
    statement.bind(11, state.dueMs);
    state.lastReviewMs ? statement.bind(12, *state.lastReviewMs) : statement.bindNull(12);
    statement.bind(13, state.reps).bind(14, state.lapses);
    statement.run();
    return m_database.lastInsertRowId();
}

std::optional<ItemActionRow> ItemActionRepository::last()
{
    auto statement = m_database.prepare(
        "SELECT a.id, a.item_id, a.action, a.at_ms, a.after_log_id, a.suspended_before, "
        "a.buried_until_before_ms, a.phase_before, a.step_before, a.stability_before, a.difficulty_before, "
        "a.due_before_ms, a.last_review_before_ms, a.reps_before, a.lapses_before, coalesce(s.kind, '') "
        "FROM item_actions a LEFT JOIN item_states s ON s.item_id = a.item_id ORDER BY a.id DESC LIMIT 1");
    if (!statement.step()) {
        return std::nullopt;
    }
    ItemActionRow row;
    row.id = statement.columnInt(0);
    row.itemId = statement.columnText(1);
    row.action = statement.columnText(2);
    row.atMs = statement.columnInt(3);
    row.afterLogId = statement.columnInt(4);
    row.holdBefore.suspended = statement.columnInt(5) != 0;
    if (!statement.columnIsNull(6)) {
        row.holdBefore.buriedUntilMs = statement.columnInt(6);
    }
    ItemStateRow& state = row.stateBefore;
    state.itemId = row.itemId;
    state.phase = static_cast<int>(statement.columnInt(7));
    state.step = static_cast<int>(statement.columnInt(8));
    if (!statement.columnIsNull(9)) {
        state.stability = statement.columnDouble(9);
    }
    if (!statement.columnIsNull(10)) {
        state.difficulty = statement.columnDouble(10);
    }
    state.dueMs = statement.columnInt(11);
    if (!statement.columnIsNull(12)) {
        state.lastReviewMs = statement.columnInt(12);
    }
    state.reps = static_cast<int>(statement.columnInt(13));
    state.lapses = static_cast<int>(statement.columnInt(14));
    state.kind = statement.columnText(15);
    return row;
}

void ItemActionRepository::remove(std::int64_t id)
{
    m_database.prepare("DELETE FROM item_actions WHERE id = ?1").bind(1, id).run();
}

} // namespace mlaprep
