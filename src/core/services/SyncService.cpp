#include "services/SyncService.h"

#include "services/ExamEvents.h"
#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "services/UserDeckEvents.h"
#include "store/BookmarkRepository.h"
#include "store/BulkWrite.h"
#include "store/Database.h"
#include "store/ErrorReportRepository.h"
#include "store/EventRepository.h"
#include "store/ItemHoldRepository.h"
#include "store/ReviewLogRepository.h"
#include "store/SettingsRepository.h"
#include "store/Transaction.h"
#include "sync/Segment.h"
#include "sync/Uuid.h"

#include "common/CalendarDate.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unistd.h>

namespace mlaprep {

namespace {

// Device settings: kept in this store, never synced (isSyncedSetting is false for them).
constexpr std::string_view FolderKey = "device.sync_folder";
constexpr std::string_view LastSyncKey = "device.last_sync_ms";

Problem folderProblem(const std::filesystem::path& folder, const std::string& message)
{
    return Problem { Severity::Error, folder.string(), "", "sync folder", message };
}

// The machine's host name: what a device is called until the learner names it.
std::string hostName()
{
    std::array<char, 256> name {};
    if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') {
        return {};
    }
    return name.data();
}

// A device that starts syncing tells the others what it is called, until the learner names it.
void nameThisDeviceOnce(EventRepository& events, Instant now)
{
    const std::string name = hostName();
    if (!name.empty() && !events.latest(sync::EventKind::DeviceName, events.device())) {
        events.recordLocal(
            sync::EventKind::DeviceName, events.device(), sync::Payload().set("name", name), now);
    }
}

std::string deviceNameIn(EventRepository& events, const std::string& device)
{
    const auto newest = events.latest(sync::EventKind::DeviceName, device);
    const auto payload = newest ? sync::Payload::decode(newest->payload) : std::nullopt;
    return payload ? payload->get("name").value_or("") : "";
}

std::string plural(long long count, const std::string& unit)
{
    return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

std::string agoText(std::int64_t elapsedMs)
{
    const std::int64_t minutes = std::max<std::int64_t>(0, elapsedMs) / 60'000;
    if (minutes == 0) {
        return "just now";
    }
    if (minutes < 120) {
        return plural(minutes, "minute") + " ago";
    }
    if (minutes < 48 * 60) {
        return plural(minutes / 60, "hour") + " ago";
    }
    return plural(minutes / (24 * 60), "day") + " ago";
}

// "10:42" on the local day of `now`, "2026-11-30 10:42" on another.
std::string localTimeText(std::int64_t ms, Instant now, int utcOffsetMinutes)
{
    constexpr std::int64_t DayMs = 24 * 3600 * 1000;
    const std::int64_t offsetMs = static_cast<std::int64_t>(utcOffsetMinutes) * 60'000;
    const auto dayOf = [&](std::int64_t at) {
        const std::int64_t local = at + offsetMs;
        return local >= 0 ? local / DayMs : (local - DayMs + 1) / DayMs;
    };
    const std::int64_t day = dayOf(ms);
    const std::int64_t minuteOfDay = (ms + offsetMs - day * DayMs) / 60'000;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minuteOfDay / 60),
        static_cast<int>(minuteOfDay % 60));
    if (day == dayOf(toEpochMilliseconds(now))) {
        return clock;
    }
    return CalendarDate::fromDayNumber(day).toText() + " " + clock;
}

// Trimmed of spaces at both ends.
std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

Problem nameProblem(const std::string& device, const std::string& message)
{
    return Problem { Severity::Error, "", device, "device name", message, 0, 0, ProblemKind::UserInput };
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
    recordFinishedHistory(database, events);
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

// The reports about one item are those filed and not retracted, on any device.
void applyErrorReports(EventRepository& events, ErrorReportRepository& reports, const std::string& item)
{
    const auto all
        = events.forItem(item, { sync::EventKind::ErrorReport, sync::EventKind::ErrorReportRetraction });
    std::set<std::string> retracted;
    for (const auto& event : all) {
        if (event.kind == sync::EventKind::ErrorReportRetraction) {
            const auto payload = sync::Payload::decode(event.payload);
            retracted.insert(payload ? payload->get("target").value_or("") : "");
        }
    }
    for (const auto& event : all) {
        if (event.kind != sync::EventKind::ErrorReport) {
            continue;
        }
        if (retracted.count(event.uuid) != 0) {
            reports.remove(event.uuid);
        } else if (const auto report = errorReportFromEvent(event); report && !reports.contains(event.uuid)) {
            reports.add(*report);
        }
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
        // Items with events before this merge are replayed from the store; the events of an item new to
        // it are all here, and are replayed from memory.
        std::set<std::string> items;
        std::map<std::string, std::vector<sync::Event>> newItems;
        std::map<std::string, bool> hadEvents;
        const auto storedBefore = [&](const std::string& item) {
            const auto known = hadEvents.find(item);
            return known != hadEvents.end() ? known->second
                                            : hadEvents.emplace(item, events.hasEvents(item)).first->second;
        };
        std::int64_t replayedEvents = 0;
        std::set<std::string> bookmarkElements;
        std::set<std::string> heldItems;
        std::set<std::string> settingKeys;
        std::set<std::string> reportItems;
        std::vector<sync::Event> finishedAttempts;
        std::vector<sync::Event> deckEvents;
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
                const bool replayed = isReplayedKind(event.kind);
                // Asked before the first of the item's events is inserted.
                const bool stored = replayed && storedBefore(event.itemId);
                if (!events.insertRemote(event)) {
                    continue;
                }
                ++summary.mergedEvents;
                replayedEvents += replayed ? 1 : 0;
                if (replayed && stored) {
                    items.insert(event.itemId);
                } else if (replayed) {
                    newItems[event.itemId].push_back(event);
                } else if (event.kind == sync::EventKind::Hold) {
                    heldItems.insert(event.itemId);
                } else if (event.kind == sync::EventKind::Bookmark) {
                    bookmarkElements.insert(event.itemId);
                } else if (event.kind == sync::EventKind::Setting) {
                    settingKeys.insert(event.itemId);
                } else if (event.kind == sync::EventKind::ErrorReport
                    || event.kind == sync::EventKind::ErrorReportRetraction) {
                    reportItems.insert(event.itemId);
                } else if (event.kind == sync::EventKind::ExamFinished) {
                    finishedAttempts.push_back(event);
                } else if (event.kind == sync::EventKind::ExamStarted) {
                    summary.changes.exams = true; // shows in progress on its device
                } else if (event.kind == sync::EventKind::DeckImport
                    || event.kind == sync::EventKind::UserCard) {
                    deckEvents.push_back(event);
                } else if (event.kind == sync::EventKind::DeviceName) {
                    summary.changes.settings = true;
                }
            }
            events.markSegmentRead(file.device, file.sequence, nowMs);
            ++summary.readSegments;
        }

        const auto madeCards = applyUserDeckEvents(database, deckEvents);
        summary.changes.ids.insert(summary.changes.ids.end(), madeCards.begin(), madeCards.end());
        // Replay starts from an empty log for each item: the rows of items that had some are removed
        // first, while the log's indexes find them.
        ReviewLogRepository log(database);
        for (const auto& item : items) {
            log.removeItem(item);
        }
        ReviewRecorder recorder(database);
        // In item order, whichever way an item is replayed: the log rows it gets are numbered in it.
        for (auto& [item, arrived] : newItems) {
            items.insert(item);
            // In the order EventRepository::forItem reads them.
            std::sort(arrived.begin(), arrived.end(), [](const sync::Event& a, const sync::Event& b) {
                return std::tie(a.hlc, a.uuid) < std::tie(b.hlc, b.uuid);
            });
        }
        const auto replayItems = [&] {
            for (const auto& item : items) {
                if (const auto fresh = newItems.find(item); fresh != newItems.end()) {
                    recorder.replay(config, item, fresh->second);
                } else {
                    recorder.replay(config, item, events.forItem(item, ReplayedEventKinds));
                }
                summary.changes.ids.push_back(item);
            }
        };
        // A first sync from a device that studied for months rewrites most of the log.
        if (worthRebuildingIndexes(replayedEvents, [&] { return log.newestId(); })) {
            writeWithIndexesRebuilt(database, "review_log", replayItems);
        } else {
            replayItems();
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
        ErrorReportRepository reports(database);
        for (const auto& item : reportItems) {
            applyErrorReports(events, reports, item);
        }
        // In HLC order, so every store numbers the attempts it receives the same way.
        std::sort(
            finishedAttempts.begin(), finishedAttempts.end(), [](const sync::Event& a, const sync::Event& b) {
                return std::tie(a.hlc, a.uuid) < std::tie(b.hlc, b.uuid);
            });
        for (const auto& finished : finishedAttempts) {
            summary.changes.exams = applyExamFinished(database, events, finished) || summary.changes.exams;
        }
        settings.set(LastSyncKey, std::to_string(nowMs));
        transaction.commit();
        summary.changes.studyQueue = !items.empty() || !heldItems.empty() || !madeCards.empty();
        summary.changes.userCards = !madeCards.empty();
        summary.changes.errorReports = !reportItems.empty();
        summary.changes.settings
            = summary.changes.settings || !bookmarkElements.empty() || !settingKeys.empty();
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
            devices.push_back({ device.device, deviceNameIn(events, device.device), device.device == self,
                device.events, device.lastMs });
        }
        return devices;
    });
}

std::string deviceLabel(const SyncDeviceStatus& device)
{
    return device.name.empty() ? "device " + device.device.substr(0, 8) : device.name;
}

std::string deviceLabelIn(EventRepository& events, const std::string& device)
{
    if (device == sync::HistoryDevice) {
        return "another device"; // made before events named devices
    }
    SyncDeviceStatus named;
    named.device = device;
    named.name = deviceNameIn(events, device);
    return deviceLabel(named);
}

std::string describeSyncStatus(const SyncStatus& status, Instant now, int utcOffsetMinutes)
{
    if (!status.folder) {
        return "Sync is off";
    }
    if (!status.lastSyncMs) {
        return "Not synced yet";
    }
    std::string text = "Synced " + agoText(toEpochMilliseconds(now) - *status.lastSyncMs) + " · "
        + plural(status.devices, "device");
    if (!status.lastFrom.empty()) {
        text += " · last from " + status.lastFrom + " "
            + localTimeText(status.lastFromMs, now, utcOffsetMinutes);
    }
    return text;
}

Result<SyncStatus> SyncService::status()
{
    return guardStore<SyncStatus>([&]() -> Result<SyncStatus> {
        Database& database = m_store->database();
        SyncStatus status;
        SettingsRepository settings(database);
        if (const auto folder = settings.get(FolderKey); folder && !folder->empty()) {
            status.folder = std::filesystem::path(*folder);
        }
        if (const auto last = settings.get(LastSyncKey)) {
            status.lastSyncMs = std::stoll(*last);
        }
        EventRepository events(database);
        const auto devices = events.devices();
        const bool selfListed = std::any_of(devices.begin(), devices.end(),
            [&](const SyncDevice& device) { return device.device == events.device(); });
        status.devices = static_cast<int>(devices.size()) + (selfListed ? 0 : 1);
        if (const auto newest = events.newestRemote()) {
            status.lastFrom = deviceLabelIn(events, newest->device);
            status.lastFromMs = newest->ms;
        }
        return status;
    });
}

Result<std::optional<std::filesystem::path>> SyncService::folder()
{
    using FolderResult = Result<std::optional<std::filesystem::path>>;
    return guardStore<std::optional<std::filesystem::path>>([&]() -> FolderResult {
        const auto folder = SettingsRepository(m_store->database()).get(FolderKey);
        if (!folder || folder->empty()) {
            return std::optional<std::filesystem::path>();
        }
        return std::optional(std::filesystem::path(*folder));
    });
}

Result<Changes> SyncService::setFolder(const std::filesystem::path& folder)
{
    std::error_code error;
    if (!folder.empty() && !std::filesystem::is_directory(folder, error)) {
        return Result<Changes>::failure(
            folderProblem(folder, "the sync folder does not exist or is not a folder"));
    }
    return guardStore<Changes>([&]() -> Result<Changes> {
        Database& database = m_store->database();
        Transaction transaction(database);
        SettingsRepository(database).set(
            FolderKey, folder.empty() ? "" : std::filesystem::absolute(folder).string());
        if (!folder.empty()) {
            EventRepository events(database);
            nameThisDeviceOnce(events, m_clock.now());
        }
        transaction.commit();
        Changes changes;
        changes.settings = true;
        return changes;
    });
}

Result<Changes> SyncService::renameDevice(const std::string& device, const std::string& name)
{
    const std::string wanted = trimmed(name);
    if (!sync::isUuid(device)) {
        return Result<Changes>::failure(nameProblem(device, "there is no device " + device));
    }
    if (wanted.empty() || wanted.size() > DeviceNameMaxLength) {
        return Result<Changes>::failure(nameProblem(device,
            "a device name needs 1 to " + std::to_string(DeviceNameMaxLength) + " characters, not "
                + std::to_string(wanted.size())));
    }
    if (std::any_of(
            wanted.begin(), wanted.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return Result<Changes>::failure(nameProblem(device, "a device name cannot hold tabs or line breaks"));
    }
    return guardStore<Changes>(
        [&]() -> Result<Changes> {
            Database& database = m_store->database();
            Transaction transaction(database);
            EventRepository events(database);
            Changes changes;
            if (deviceNameIn(events, device) != wanted) {
                events.recordLocal(
                    sync::EventKind::DeviceName, device, sync::Payload().set("name", wanted), m_clock.now());
                changes.settings = true;
            }
            transaction.commit();
            return changes;
        },
        device);
}

} // namespace mlaprep
