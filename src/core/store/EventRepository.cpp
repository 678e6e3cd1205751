#include "store/EventRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <fstream>

namespace mlaprep {

namespace {

constexpr std::string_view EventColumns = "uuid, hlc_ms, hlc_counter, device, kind, item_id, payload";

sync::Event eventFromRow(const Statement& statement)
{
    sync::Event event;
    event.uuid = statement.columnText(0);
    event.hlc.ms = statement.columnInt(1);
    event.hlc.counter = static_cast<std::uint32_t>(statement.columnInt(2));
    event.hlc.device = statement.columnText(3);
    event.kind = statement.columnText(4);
    event.itemId = statement.columnText(5);
    event.payload = statement.columnText(6);
    return event;
}

std::string select(std::string_view rest)
{
    return "SELECT " + std::string(EventColumns) + " FROM events " + std::string(rest);
}

} // namespace

std::string deviceIdBeside(const std::filesystem::path& storePath)
{
    const std::filesystem::path file = storePath.string() + ".device";
    {
        std::ifstream in(file);
        std::string id;
        if (in && std::getline(in, id) && sync::isUuid(id)) {
            return id;
        }
    }
    const std::string id = sync::UuidSource().next();
    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << id << '\n';
        if (!out.flush()) {
            throw DbError(DbError::Kind::Io, "cannot write the device id to " + file.string());
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    if (error) {
        throw DbError(
            DbError::Kind::Io, "cannot write the device id to " + file.string() + ": " + error.message());
    }
    return id;
}

bool isSyncedSetting(std::string_view key)
{
    return key.starts_with("srs.") || key.starts_with("plan.");
}

EventRepository::EventRepository(Database& database)
    : m_database(database)
    , m_insert(database,
          "INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    , m_newest(
          database, "SELECT hlc_ms, hlc_counter FROM events ORDER BY hlc_ms DESC, hlc_counter DESC LIMIT 1")
    , m_forItemSql(select("WHERE item_id = ?1 ORDER BY hlc_ms, hlc_counter, device, uuid"))
    , m_forItem(database, m_forItemSql)
    , m_anyForItem(database, "SELECT 1 FROM events WHERE item_id = ?1 LIMIT 1")
{
}

const std::string& EventRepository::device()
{
    if (!m_device) {
        m_device = deviceIdBeside(m_database.path());
    }
    return *m_device;
}

sync::Hlc EventRepository::newestHlc()
{
    Statement& statement = m_newest.get();
    ResetOnExit reset(statement);
    sync::Hlc newest;
    if (statement.step()) {
        newest.ms = statement.columnInt(0);
        newest.counter = static_cast<std::uint32_t>(statement.columnInt(1));
    }
    return newest;
}

void EventRepository::insert(const sync::Event& event, std::string_view origin)
{
    Statement& statement = m_insert.get();
    ResetOnExit reset(statement);
    statement.bind(1, event.uuid)
        .bind(2, event.hlc.ms)
        .bind(3, static_cast<std::int64_t>(event.hlc.counter))
        .bind(4, event.hlc.device)
        .bind(5, event.kind)
        .bind(6, event.itemId)
        .bind(7, event.payload)
        .bind(8, origin);
    statement.run();
}

sync::Event EventRepository::recordLocal(
    std::string_view kind, std::string_view itemId, const sync::Payload& payload, Instant at)
{
    return recordLocalWithId(m_uuids.next(), kind, itemId, payload, at);
}

sync::Event EventRepository::recordLocalWithId(std::string uuid, std::string_view kind,
    std::string_view itemId, const sync::Payload& payload, Instant at)
{
    // Every stored event counts as seen: stamping after the newest of them is the HLC receive rule
    // applied once for all merged events.
    sync::HybridClock clock(device(), newestHlc());
    sync::Event event { std::move(uuid), clock.send(toEpochMilliseconds(at)), std::string(kind),
        std::string(itemId), payload.encode() };
    insert(event, "local");
    return event;
}

void EventRepository::recordHistory(const sync::Event& event)
{
    insert(event, "local");
}

bool EventRepository::insertRemote(const sync::Event& event)
{
    insert(event, "remote");
    return m_database.changes() > 0;
}

std::vector<sync::Event> EventRepository::unexported()
{
    // The partial index holds only what is left to export: without it the planner walks every event
    // in HLC order to find none.
    auto statement = m_database.prepare("SELECT " + std::string(EventColumns)
        + " FROM events INDEXED BY events_to_export WHERE origin = 'local' AND exported = 0 ORDER BY hlc_ms, "
          "hlc_counter, device, uuid");
    std::vector<sync::Event> events;
    while (statement.step()) {
        events.push_back(eventFromRow(statement));
    }
    return events;
}

void EventRepository::markExported(const std::vector<sync::Event>& events)
{
    auto statement = m_database.prepare("UPDATE events SET exported = 1 WHERE uuid = ?1");
    for (const auto& event : events) {
        statement.bind(1, event.uuid);
        statement.run();
        statement.reset();
    }
}

std::vector<sync::Event> EventRepository::forItem(
    std::string_view itemId, const std::vector<std::string_view>& kinds)
{
    Statement& statement = m_forItem.get();
    ResetOnExit reset(statement);
    statement.bind(1, itemId);
    std::vector<sync::Event> events;
    while (statement.step()) {
        sync::Event event = eventFromRow(statement);
        for (const auto kind : kinds) {
            if (event.kind == kind) {
                events.push_back(std::move(event));
                break;
            }
        }
    }
    return events;
}

bool EventRepository::hasEvents(std::string_view itemId)
{
    Statement& statement = m_anyForItem.get();
    ResetOnExit reset(statement);
    statement.bind(1, itemId);
    return statement.step();
}

std::optional<sync::Event> EventRepository::latest(std::string_view kind, std::string_view itemId)
{
    auto statement = m_database.prepare(select("WHERE item_id = ?1 AND kind = ?2 ORDER BY hlc_ms DESC, "
                                               "hlc_counter DESC, device DESC, uuid DESC LIMIT 1"));
    statement.bind(1, itemId).bind(2, kind);
    if (!statement.step()) {
        return std::nullopt;
    }
    return eventFromRow(statement);
}

std::int64_t EventRepository::count()
{
    auto statement = m_database.prepare("SELECT count(*) FROM events");
    statement.step();
    return statement.columnInt(0);
}

std::vector<SyncDevice> EventRepository::devices()
{
    auto statement = m_database.prepare("SELECT device, count(*), max(hlc_ms) FROM events WHERE device <> "
                                        "'history' GROUP BY device ORDER BY device");
    std::vector<SyncDevice> devices;
    while (statement.step()) {
        devices.push_back({ statement.columnText(0), statement.columnInt(1), statement.columnInt(2) });
    }
    return devices;
}

std::optional<sync::Hlc> EventRepository::newestRemote()
{
    auto statement = m_database.prepare("SELECT hlc_ms, hlc_counter, device FROM events WHERE origin = "
                                        "'remote' AND device <> 'history' ORDER BY hlc_ms DESC, hlc_counter "
                                        "DESC, device DESC LIMIT 1");
    if (!statement.step()) {
        return std::nullopt;
    }
    return sync::Hlc { statement.columnInt(0), static_cast<std::uint32_t>(statement.columnInt(1)),
        statement.columnText(2) };
}

std::vector<sync::Event> EventRepository::examsStartedElsewhereNotFinished()
{
    auto statement = m_database.prepare(select(
        "e WHERE kind = 'exam-started' AND origin = 'remote' AND NOT EXISTS (SELECT 1 FROM exam_attempts "
        "a WHERE a.uuid = e.item_id) ORDER BY hlc_ms, hlc_counter, device"));
    std::vector<sync::Event> started;
    while (statement.step()) {
        started.push_back(eventFromRow(statement));
    }
    return started;
}

std::int64_t EventRepository::lastSequenceWritten(std::string_view device)
{
    auto statement = m_database.prepare("SELECT last_sequence FROM sync_segments_written WHERE device = ?1");
    statement.bind(1, device);
    return statement.step() ? statement.columnInt(0) : 0;
}

void EventRepository::setLastSequenceWritten(std::string_view device, std::int64_t sequence)
{
    m_database.prepare("INSERT OR REPLACE INTO sync_segments_written (device, last_sequence) VALUES (?1, ?2)")
        .bind(1, device)
        .bind(2, sequence)
        .run();
}

std::set<std::pair<std::string, std::int64_t>> EventRepository::segmentsRead()
{
    auto statement = m_database.prepare("SELECT device, sequence FROM sync_segments_read");
    std::set<std::pair<std::string, std::int64_t>> read;
    while (statement.step()) {
        read.emplace(statement.columnText(0), statement.columnInt(1));
    }
    return read;
}

void EventRepository::markSegmentRead(std::string_view device, std::int64_t sequence, std::int64_t readMs)
{
    m_database
        .prepare("INSERT OR IGNORE INTO sync_segments_read (device, sequence, read_ms) VALUES (?1, ?2, ?3)")
        .bind(1, device)
        .bind(2, sequence)
        .bind(3, readMs)
        .run();
}

} // namespace mlaprep
