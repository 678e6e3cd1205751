#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"
#include "srs/SchedulerConfig.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace mlaprep {

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
    bool thisDevice = false;
    std::int64_t events = 0;
    std::int64_t lastEventMs = 0;
};

// Study on several machines through a folder the learner already syncs (Syncthing, Nextcloud, a share):
// each device writes its new events there as immutable segments in its own subfolder and reads every
// other device's segments (sync/Segment.h). Merging is idempotent by event uuid and deterministic: the
// items that received remote answers, undos or resets are replayed from all their events in HLC order;
// synced settings, bookmarks and item holds (suspend, bury) take the newest event by HLC. Nothing is deleted
// by a merge.
class SyncService {
public:
    SyncService(std::shared_ptr<Store> store, const Clock& clock);

    // Exports, then imports (one transaction each). `config` replays the answers. A segment still
    // arriving, or from a newer mlaprep, is skipped with a note and read on a later sync; only a folder
    // that cannot be read or written fails.
    Result<SyncSummary> sync(const std::filesystem::path& folder, const srs::SchedulerConfig& config);

    Result<std::vector<SyncDeviceStatus>> devices();

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
};

} // namespace mlaprep
