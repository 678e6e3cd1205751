#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"
#include "srs/SchedulerConfig.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class EventRepository;
class Store;

// What one sync did.
struct SyncSummary {
    std::string device;
    int writtenEvents = 0; // this device's events written to a new segment
    int readSegments = 0; // other devices' segments merged
    int mergedEvents = 0; // events new to this store among them
    // Segments left for later, one note each ("<device>/<sequence>: the segment is still arriving …").
    std::vector<std::string> skipped;
    Changes changes;
};

// A device that wrote events this store holds.
struct SyncDeviceStatus {
    std::string device;
    // What the learner named it (a synced event, so every device shows the same name); empty if unnamed.
    std::string name;
    bool thisDevice = false;
    std::int64_t events = 0;
    std::int64_t lastEventMs = 0;
};

// The name to show for a device: its name, else "device " and the start of its id.
std::string deviceLabel(const SyncDeviceStatus& device);
// The same for a device seen in this store's events.
std::string deviceLabelIn(EventRepository& events, const std::string& device);

// What Settings and the status bar say about syncing.
struct SyncStatus {
    std::optional<std::filesystem::path> folder; // none: this device does not sync
    std::optional<std::int64_t> lastSyncMs; // when this device last synced
    int devices = 0; // devices seen in the events, this one included
    // The device of the newest event received from another device, and that event's time.
    std::string lastFrom;
    std::int64_t lastFromMs = 0;
};

// "Synced 2 minutes ago · 3 devices · last from home-desktop 10:42" (the time local, with the date when it
// is not today); "Sync is off" without a folder, "Not synced yet" before the first sync.
std::string describeSyncStatus(const SyncStatus& status, Instant now, int utcOffsetMinutes);

// The longest device name accepted.
inline constexpr std::size_t DeviceNameMaxLength = 40;

// Study on several machines through a folder the learner already syncs (Syncthing, Nextcloud, a share):
// each device writes its new events there as immutable segments in its own subfolder and reads every
// other device's segments (sync/Segment.h). Merging is idempotent by event uuid and deterministic: the
// items that received remote answers, undos or resets are replayed from all their events in HLC order;
// synced settings, bookmarks and item holds (suspend, bury) take the newest event by HLC; imported decks
// and their cards are made once each, under the ids they have everywhere. Nothing is deleted by a merge.
class SyncService {
public:
    SyncService(std::shared_ptr<Store> store, const Clock& clock);

    // Exports, then imports (one transaction each). `config` replays the answers. A segment still
    // arriving, or from a newer mlaprep, is skipped with a note and read on a later sync; only a folder
    // that cannot be read or written fails.
    Result<SyncSummary> sync(const std::filesystem::path& folder, const srs::SchedulerConfig& config);

    Result<std::vector<SyncDeviceStatus>> devices();
    Result<SyncStatus> status();

    // The sync folder is a device setting: it stays on this machine and never syncs. An empty path stops
    // syncing. A folder that does not exist is refused. Choosing one names this device after the machine
    // (its host name) when it has no name yet.
    Result<std::optional<std::filesystem::path>> folder();
    Result<Changes> setFolder(const std::filesystem::path& folder);

    // Names a device (this one or another) for every device: a device-name event, newest wins. The name
    // is trimmed and must have 1 to DeviceNameMaxLength characters, none of them control characters.
    Result<Changes> renameDevice(const std::string& device, const std::string& name);

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
};

} // namespace mlaprep
