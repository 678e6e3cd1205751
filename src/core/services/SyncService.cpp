#include "services/SyncService.h"

#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/BookmarkRepository.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ItemHoldRepository.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"
#include "sync/Segment.h"

#include <algorithm>
#include <set>

namespace mlaprep {

namespace {

Problem folderProblem(const std::filesystem::path& folder, const std::string& message)
{
    return Problem { Severity::Error, folder.string(), "", "sync folder", message };
}

// Writes this device's unexported events as its next segment. The segment is on disk before the events
// are marked exported: a crash in between writes them again next time, and readers drop the repeats by
// uuid.
Result<int> exportEvents(
    Database& database, const std::filesystem::path& folder, const std::vector<sync::SegmentFile>& existing)
{
    Transaction transaction(database);
    EventRepository events(database);
    const std::string& device = events.device();
    auto pending = events.unexported();
    if (pending.empty()) {
        return 0;
    }
    // A restored backup may remember fewer segments than the folder holds; never reuse a sequence.
    std::int64_t sequence = events.lastSequenceWritten(device);
    for (const auto& file : existing) {
        if (file.device == device) {
            sequence = std::max(sequence, file.sequence);
        }
    }
    ++sequence;
    sync::Segment segment;
    segment.header.device = device;
    segment.header.sequence = sequence;
    segment.header.count = static_cast<std::int64_t>(pending.size());
    segment.header.first = pending.front().hlc;
    segment.header.last = pending.back().hlc;
    segment.events = std::move(pending);
    auto written = sync::writeSegment(folder, segment);
    if (!written) {
        return Result<int>::failure(written.problems());
    }
    events.markExported(segment.events);
    events.setLastSequenceWritten(device, sequence);
    transaction.commit();
    return static_cast<int>(segment.events.size());
}

// The element a bookmark event is about: "kind:target".
std::pair<std::string, std::string> bookmarkElement(const std::string& itemId)
{
    const auto colon = itemId.find(':');
    if (colon == std::string::npos) {
        return {};
    }
    return { itemId.substr(0, colon), itemId.substr(colon + 1) };
}

void applyNewestBookmark(EventRepository& events, BookmarkRepository& bookmarks, const std::string& element)
{
    const auto [kind, target] = bookmarkElement(element);
    const auto newest = events.latest(sync::EventKind::Bookmark, element);
    const auto payload = newest ? sync::Payload::decode(newest->payload) : std::nullopt;
    if (kind.empty() || !payload) {
        return;
    }
    const bool on = payload->getInteger("on").value_or(0) == 1;
    if (on && !bookmarks.contains(kind, target)) {
        bookmarks.add(kind, target, payload->getInteger("at").value_or(newest->hlc.ms));
    } else if (!on && bookmarks.contains(kind, target)) {
        bookmarks.remove(kind, target);
    }
}

void applyNewestHold(EventRepository& events, ItemHoldRepository& holds, const std::string& itemId)
{
    const auto newest = events.latest(sync::EventKind::Hold, itemId);
    if (const auto hold = newest ? holdFromPayload(newest->payload) : std::nullopt) {
        holds.save(itemId, *hold);
    }
}

void applyNewestSetting(EventRepository& events, SettingsRepository& settings, const std::string& key)
{
    const auto newest = events.latest(sync::EventKind::Setting, key);
    const auto payload = newest ? sync::Payload::decode(newest->payload) : std::nullopt;
    const auto value = payload ? payload->get("value") : std::nullopt;
    if (value && isSyncedSetting(key)) {
        settings.applyMerged(key, *value);
    }
}

} // namespace

SyncService::SyncService(std::shared_ptr<Store> store, const Clock& clock)
    : m_store(std::move(store))
    , m_clock(clock)
{
}

Result<SyncSummary> SyncService::sync(const std::filesystem::path& folder, const srs::SchedulerConfig& config)
{
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        return Result<SyncSummary>::failure(
            folderProblem(folder, "the sync folder does not exist or is not a folder"));
    }
    return guardStore<SyncSummary>([&]() -> Result<SyncSummary> {
        Database& database = m_store->database();
        SyncSummary summary;
        const auto files = sync::listSegments(folder);
        auto exported = exportEvents(database, folder, files);
        if (!exported) {
            return Result<SyncSummary>::failure(exported.problems());
        }
        summary.writtenEvents = exported.value();

        Transaction transaction(database);
        EventRepository events(database);
        summary.device = events.device();
        const auto alreadyRead = events.segmentsRead();
        std::set<std::string> items;
        std::set<std::string> bookmarkElements;
        std::set<std::string> heldItems;
        std::set<std::string> settingKeys;
        const std::int64_t nowMs = toEpochMilliseconds(m_clock.now());
        for (const auto& file : files) {
            if (file.device == summary.device || alreadyRead.count({ file.device, file.sequence }) != 0) {
                continue;
            }
            const sync::SegmentRead read = sync::readSegment(file.path, file.device, file.sequence);
            if (read.status != sync::SegmentStatus::Complete) {
                summary.skipped.push_back(
                    file.device + "/" + file.path.filename().string() + ": " + read.note);
                continue;
            }
            for (const auto& event : read.segment.events) {
                if (!events.insertRemote(event)) {
                    continue;
                }
                ++summary.mergedEvents;
                if (event.kind == sync::EventKind::Review || event.kind == sync::EventKind::ReviewRetraction
                    || event.kind == sync::EventKind::Reset) {
                    items.insert(event.itemId);
                } else if (event.kind == sync::EventKind::Hold) {
                    heldItems.insert(event.itemId);
                } else if (event.kind == sync::EventKind::Bookmark) {
                    bookmarkElements.insert(event.itemId);
                } else if (event.kind == sync::EventKind::Setting) {
                    settingKeys.insert(event.itemId);
                }
            }
            events.markSegmentRead(file.device, file.sequence, nowMs);
            ++summary.readSegments;
        }

        ReviewRecorder recorder(database);
        for (const auto& item : items) {
            recorder.replay(config, item);
            summary.changes.ids.push_back(item);
        }
        BookmarkRepository bookmarks(database);
        for (const auto& element : bookmarkElements) {
            applyNewestBookmark(events, bookmarks, element);
        }
        ItemHoldRepository holds(database);
        for (const auto& item : heldItems) {
            applyNewestHold(events, holds, item);
        }
        SettingsRepository settings(database);
        for (const auto& key : settingKeys) {
            applyNewestSetting(events, settings, key);
        }
        transaction.commit();
        summary.changes.studyQueue = !items.empty() || !heldItems.empty();
        summary.changes.settings = !bookmarkElements.empty() || !settingKeys.empty();
        return summary;
    });
}

Result<std::vector<SyncDeviceStatus>> SyncService::devices()
{
    return guardStore<std::vector<SyncDeviceStatus>>([&]() -> Result<std::vector<SyncDeviceStatus>> {
        EventRepository events(m_store->database());
        const std::string& self = events.device();
        std::vector<SyncDeviceStatus> devices;
        for (const auto& device : events.devices()) {
            devices.push_back({ device.device, device.device == self, device.events, device.lastMs });
        }
        return devices;
    });
}

} // namespace mlaprep
