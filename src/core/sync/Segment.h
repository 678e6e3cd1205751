#pragma once

#include "common/Result.h"
#include "sync/Event.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mlaprep::sync {

// A segment: one device's batch of events, written once and never changed, at
// `<folder>/<device>/<sequence>.events` (sequence zero-padded to 8 digits, so listings sort). The text:
//
//   mlaprep-events 1
//   device <id>
//   sequence <n>
//   count <n>
//   first <hlc>          (HybridClock toString; omitted with last when count is 0)
//   last <hlc>
//   <id>\t<hlc>\t<kind>\t<item>\t<payload>       one line per event, fields escapeField()ed; the id a
//                                                 UUID, or a content id for history a migration made
//   crc32 <8 lowercase hex digits of the CRC-32 of every byte above>
//
// The checksum line comes last, so a file a sync tool has only partly delivered has none or a wrong one.
inline constexpr int SegmentFormatVersion = 1;

struct SegmentHeader {
    int formatVersion = SegmentFormatVersion;
    std::string device;
    std::int64_t sequence = 0;
    std::int64_t count = 0;
    Hlc first;
    Hlc last;
};

struct Segment {
    SegmentHeader header;
    std::vector<Event> events;
};

enum class SegmentStatus {
    Complete,
    // Truncated or with a checksum that does not match: a sync tool may still be delivering it. Skipped,
    // read again on the next sync.
    Incomplete,
    // Written by a newer mlaprep: skipped (with a note) until this one is updated.
    NewerFormat,
    // Checksummed but not a segment this format describes (or not where its header says): skipped with a
    // note and not read again.
    Invalid,
};

struct SegmentRead {
    SegmentStatus status = SegmentStatus::Incomplete;
    Segment segment;
    // Why it was not Complete, for the log.
    std::string note;
};

// The file a segment lives at, and the name's sequence (nothing when the name is not NNNNNNNN.events).
std::filesystem::path segmentPath(
    const std::filesystem::path& folder, const std::string& device, std::int64_t sequence);
std::optional<std::int64_t> segmentSequenceFromName(const std::string& fileName);

// CRC-32 (IEEE 802.3, as zlib and PNG compute it).
std::uint32_t crc32(std::string_view bytes);

std::string encodeSegment(const Segment& segment);
// Reads the text of a segment; `expectedDevice` and `expectedSequence` come from its path.
SegmentRead decodeSegment(
    std::string_view text, const std::string& expectedDevice, std::int64_t expectedSequence);

// Writes the segment once, atomically: to a temporary name in the device folder, fsync, rename to its
// final name, fsync the folder. Refuses to replace an existing segment (they are immutable).
Result<std::filesystem::path> writeSegment(const std::filesystem::path& folder, const Segment& segment);
SegmentRead readSegment(
    const std::filesystem::path& path, const std::string& expectedDevice, std::int64_t expectedSequence);

// A segment file found in the sync folder.
struct SegmentFile {
    std::string device;
    std::int64_t sequence = 0;
    std::filesystem::path path;
};

// Every device folder's segments, by device then sequence. Ignores what sync tools leave beside them
// (.stfolder, dot and temporary files, *.sync-conflict-* copies) and anything not named like a segment.
std::vector<SegmentFile> listSegments(const std::filesystem::path& folder);

} // namespace mlaprep::sync
