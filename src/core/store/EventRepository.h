#pragma once

#include "common/Clock.h"
#include "store/KeptStatement.h"
#include "sync/Event.h"
#include "sync/Uuid.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlaprep {

class Database;

// This machine's device id for the store at `storePath`: kept beside the store, not in it
// (`<store>.device`), so a store file copied to another machine becomes a new device there. Made (a
// random UUID) on first use. Throws DbError when it can be neither read nor written.
std::string deviceIdBeside(const std::filesystem::path& storePath);

// Whether a setting syncs between devices (scheduling and the study plan: "srs.*", "plan.*"). Everything
// else (theme, window, sync folder, last folders) belongs to this device.
bool isSyncedSetting(std::string_view key);

// A device seen in the events, and its newest event.
struct SyncDevice {
    std::string device;
    std::int64_t events = 0;
    std::int64_t lastMs = 0;
};

// The events table and the sync bookkeeping. Opens no transaction: the caller's transaction holds the
// event together with the table rows it describes. Throws DbError.
class EventRepository {
public:
    explicit EventRepository(Database& database);

    const std::string& device();

    // Stamps (hybrid clock, after every event stored) and appends a local event happening at `at`.
    sync::Event recordLocal(
        std::string_view kind, std::string_view itemId, const sync::Payload& payload, Instant at);
    // The same with an id the caller made: an exam attempt and its exam-started event share one uuid.
    sync::Event recordLocalWithId(std::string uuid, std::string_view kind, std::string_view itemId,
        const sync::Payload& payload, Instant at);
    // Appends an event made from history (HistoryDevice, its id and stamp from its content) unless it is
    // here already.
    void recordHistory(const sync::Event& event);
    // Appends an event from another device; false when it was here already (same uuid).
    bool insertRemote(const sync::Event& event);

    // The local events not yet written to a segment, in HLC order; and marking them written.
    std::vector<sync::Event> unexported();
    void markExported(const std::vector<sync::Event>& events);

    // The item's events of one of `kinds`, in HLC order.
    std::vector<sync::Event> forItem(std::string_view itemId, const std::vector<std::string_view>& kinds);
    // Whether any event is about `itemId`.
    bool hasEvents(std::string_view itemId);
    // The newest event of `kind` on `itemId` by HLC.
    std::optional<sync::Event> latest(std::string_view kind, std::string_view itemId);

    std::int64_t count();
    std::vector<SyncDevice> devices();
    // The stamp of the newest event another device made (events from earlier history left out).
    std::optional<sync::Hlc> newestRemote();
    // The exam-started events of other devices whose attempt has not arrived here finished, oldest first.
    std::vector<sync::Event> examsStartedElsewhereNotFinished();

    std::int64_t lastSequenceWritten(std::string_view device);
    void setLastSequenceWritten(std::string_view device, std::int64_t sequence);
    std::set<std::pair<std::string, std::int64_t>> segmentsRead();
    void markSegmentRead(std::string_view device, std::int64_t sequence, std::int64_t readMs);

private:
    sync::Hlc newestHlc();
    void insert(const sync::Event& event, std::string_view origin);

    Database& m_database;
    std::optional<std::string> m_device;
    sync::UuidSource m_uuids;
    KeptStatement m_insert;
    KeptStatement m_newest;
    std::string m_forItemSql; // KeptStatement keeps a view of its text
    KeptStatement m_forItem;
    KeptStatement m_anyForItem;
};

} // namespace mlaprep
