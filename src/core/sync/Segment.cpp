#include "sync/Segment.h"

#include "sync/Uuid.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <tuple>
#include <unistd.h>

namespace mlaprep::sync {

namespace {

constexpr std::string_view Magic = "mlaprep-events ";
constexpr std::string_view ChecksumKey = "crc32 ";
constexpr std::string_view SegmentExtension = ".events";
constexpr std::size_t SequenceDigits = 8;

std::array<std::uint32_t, 256> makeCrcTable()
{
    std::array<std::uint32_t, 256> table {};
    for (std::uint32_t i = 0; i < table.size(); ++i) {
        std::uint32_t value = i;
        for (int bit = 0; bit < 8; ++bit) {
            value = (value & 1U) != 0 ? 0xEDB88320U ^ (value >> 1) : value >> 1;
        }
        table[i] = value;
    }
    return table;
}

std::string hex8(std::uint32_t value)
{
    static constexpr char Hex[] = "0123456789abcdef";
    std::string text(8, '0');
    for (int i = 7; i >= 0; --i) {
        text[static_cast<std::size_t>(i)] = Hex[value & 0x0f];
        value >>= 4;
    }
    return text;
}

template <typename Integer> std::optional<Integer> parseInteger(std::string_view text)
{
    Integer value {};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc {} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// Splits off the next '\n'-terminated line; nothing when no newline is left.
std::optional<std::string_view> nextLine(std::string_view& text)
{
    const auto end = text.find('\n');
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    return line;
}

std::optional<std::string_view> headerValue(std::string_view& text, std::string_view key)
{
    const auto line = nextLine(text);
    if (!line || line->substr(0, key.size()) != key || line->size() <= key.size()
        || (*line)[key.size()] != ' ') {
        return std::nullopt;
    }
    return line->substr(key.size() + 1);
}

std::optional<Event> decodeEvent(std::string_view line)
{
    std::array<std::string, 5> fields;
    std::size_t field = 0;
    while (field < fields.size()) {
        const auto tab = line.find('\t');
        const auto value = unescapeField(line.substr(0, tab));
        if (!value) {
            return std::nullopt;
        }
        fields[field++] = *value;
        if (tab == std::string_view::npos) {
            break;
        }
        line.remove_prefix(tab + 1);
    }
    const auto hlc = parseHlc(fields[1]);
    // The id is a UUID, or the content id a migration gave an event made from earlier history.
    if (field != fields.size() || fields[0].empty() || !hlc || fields[2].empty()
        || !Payload::decode(fields[4])) {
        return std::nullopt;
    }
    return Event { fields[0], *hlc, fields[2], fields[3], fields[4] };
}

SegmentRead invalid(std::string note)
{
    SegmentRead read;
    read.status = SegmentStatus::Invalid;
    read.note = std::move(note);
    return read;
}

std::string errorText(int error)
{
    return std::strerror(error);
}

} // namespace

std::uint32_t crc32(std::string_view bytes)
{
    static const std::array<std::uint32_t, 256> Table = makeCrcTable();
    std::uint32_t crc = 0xFFFFFFFFU;
    for (const char c : bytes) {
        crc = Table[(crc ^ static_cast<unsigned char>(c)) & 0xffU] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFU;
}

std::filesystem::path segmentPath(
    const std::filesystem::path& folder, const std::string& device, std::int64_t sequence)
{
    std::string name = std::to_string(sequence);
    if (name.size() < SequenceDigits) {
        name.insert(0, SequenceDigits - name.size(), '0');
    }
    return folder / device / (name + std::string(SegmentExtension));
}

std::optional<std::int64_t> segmentSequenceFromName(const std::string& fileName)
{
    if (fileName.size() <= SegmentExtension.size()
        || fileName.compare(
               fileName.size() - SegmentExtension.size(), SegmentExtension.size(), SegmentExtension)
            != 0) {
        return std::nullopt;
    }
    const std::string_view digits
        = std::string_view(fileName).substr(0, fileName.size() - SegmentExtension.size());
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    return parseInteger<std::int64_t>(digits);
}

std::string encodeSegment(const Segment& segment)
{
    const SegmentHeader& header = segment.header;
    std::string text;
    text += std::string(Magic) + std::to_string(header.formatVersion) + "\n";
    text += "device " + header.device + "\n";
    text += "sequence " + std::to_string(header.sequence) + "\n";
    text += "count " + std::to_string(segment.events.size()) + "\n";
    if (!segment.events.empty()) {
        text += "first " + toString(header.first) + "\n";
        text += "last " + toString(header.last) + "\n";
    }
    for (const Event& event : segment.events) {
        text += escapeField(event.uuid) + '\t' + escapeField(toString(event.hlc)) + '\t'
            + escapeField(event.kind) + '\t' + escapeField(event.itemId) + '\t' + escapeField(event.payload)
            + '\n';
    }
    text += std::string(ChecksumKey) + hex8(crc32(text)) + "\n";
    return text;
}

SegmentRead decodeSegment(
    std::string_view text, const std::string& expectedDevice, std::int64_t expectedSequence)
{
    SegmentRead read;
    // The version comes first: a newer format may end differently, so it is told apart before the checksum.
    std::string_view rest = text;
    const auto magicLine = nextLine(rest);
    if (!magicLine) {
        read.note = "the segment is still arriving (no complete first line)";
        return read;
    }
    if (magicLine->substr(0, Magic.size()) != Magic) {
        return invalid("not an mlaprep events segment (first line)");
    }
    const auto version = parseInteger<int>(magicLine->substr(Magic.size()));
    if (!version) {
        return invalid("the format version on the first line is not a number");
    }
    if (*version > SegmentFormatVersion) {
        read.status = SegmentStatus::NewerFormat;
        read.note = "written in segment format " + std::to_string(*version)
            + " by a newer mlaprep; this one reads " + std::to_string(SegmentFormatVersion);
        return read;
    }

    const auto checksumAt = text.rfind(ChecksumKey);
    if (text.empty() || text.back() != '\n' || checksumAt == std::string_view::npos
        || (checksumAt != 0 && text[checksumAt - 1] != '\n')) {
        read.note = "the segment is still arriving (no checksum line at the end)";
        return read;
    }
    const std::string_view body = text.substr(0, checksumAt);
    const std::string_view written
        = text.substr(checksumAt + ChecksumKey.size(), text.size() - checksumAt - ChecksumKey.size() - 1);
    if (written != hex8(crc32(body))) {
        read.note = "the segment is still arriving (its checksum does not match yet)";
        return read;
    }

    rest = body;
    nextLine(rest);
    SegmentHeader& header = read.segment.header;
    header.formatVersion = *version;
    const auto device = headerValue(rest, "device");
    const auto sequence = device ? headerValue(rest, "sequence") : std::nullopt;
    const auto count = sequence ? headerValue(rest, "count") : std::nullopt;
    if (!count) {
        return invalid("the header lacks device, sequence or count");
    }
    header.device = std::string(*device);
    const auto sequenceNumber = parseInteger<std::int64_t>(*sequence);
    const auto countNumber = parseInteger<std::int64_t>(*count);
    if (!sequenceNumber || !countNumber || *countNumber < 0) {
        return invalid("the header's sequence or count is not a number");
    }
    if (header.device != expectedDevice || *sequenceNumber != expectedSequence) {
        return invalid("the header names device " + header.device + " sequence "
            + std::to_string(*sequenceNumber) + ", not the folder and name it is in");
    }
    header.sequence = *sequenceNumber;
    header.count = *countNumber;
    if (header.count > 0) {
        const auto first = headerValue(rest, "first");
        const auto last = first ? headerValue(rest, "last") : std::nullopt;
        const auto firstHlc = first ? parseHlc(*first) : std::nullopt;
        const auto lastHlc = last ? parseHlc(*last) : std::nullopt;
        if (!firstHlc || !lastHlc) {
            return invalid("the header lacks a readable first or last HLC");
        }
        header.first = *firstHlc;
        header.last = *lastHlc;
    }
    read.segment.events.reserve(static_cast<std::size_t>(header.count));
    int lineNumber = header.count > 0 ? 6 : 4;
    while (const auto line = nextLine(rest)) {
        ++lineNumber;
        auto event = decodeEvent(*line);
        if (!event) {
            return invalid("line " + std::to_string(lineNumber) + " is not an event");
        }
        read.segment.events.push_back(std::move(*event));
    }
    if (static_cast<std::int64_t>(read.segment.events.size()) != header.count) {
        return invalid("the header counts " + std::to_string(header.count) + " events, the segment holds "
            + std::to_string(read.segment.events.size()));
    }
    read.status = SegmentStatus::Complete;
    return read;
}

Result<std::filesystem::path> writeSegment(const std::filesystem::path& folder, const Segment& segment)
{
    const auto target = segmentPath(folder, segment.header.device, segment.header.sequence);
    const auto fail = [&](const std::string& message) {
        return Result<std::filesystem::path>::failure(
            Problem { Severity::Error, target.string(), "", "sync folder", message });
    };
    std::error_code error;
    std::filesystem::create_directories(target.parent_path(), error);
    if (error) {
        return fail("cannot create the device folder: " + error.message());
    }
    if (std::filesystem::exists(target, error)) {
        return fail("a segment with this sequence exists already; segments are never rewritten");
    }
    const std::string text = encodeSegment(segment);
    // A dot name: sync tools and listSegments() ignore it until the rename.
    const auto temporary = target.parent_path() / ("." + target.filename().string() + ".tmp");
    const int file = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (file < 0) {
        return fail("cannot write: " + errorText(errno));
    }
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t wrote = ::write(file, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote < 0) {
            const int writeError = errno;
            ::close(file);
            std::filesystem::remove(temporary, error);
            return fail("cannot write: " + errorText(writeError));
        }
        done += static_cast<std::size_t>(wrote);
    }
    if (::fsync(file) != 0 || ::close(file) != 0) {
        const int syncError = errno;
        std::filesystem::remove(temporary, error);
        return fail("cannot flush to disk: " + errorText(syncError));
    }
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        return fail("cannot rename into place: " + error.message());
    }
    const int directory = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    return target;
}

SegmentRead readSegment(
    const std::filesystem::path& path, const std::string& expectedDevice, std::int64_t expectedSequence)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        SegmentRead read;
        read.note = "cannot open " + path.string() + " yet";
        return read;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return decodeSegment(text.str(), expectedDevice, expectedSequence);
}

std::vector<SegmentFile> listSegments(const std::filesystem::path& folder)
{
    std::vector<SegmentFile> files;
    std::error_code error;
    for (const auto& deviceEntry : std::filesystem::directory_iterator(folder, error)) {
        const std::string device = deviceEntry.path().filename().string();
        if (!isUuid(device) || !deviceEntry.is_directory(error)) {
            continue;
        }
        std::error_code inner;
        for (const auto& entry : std::filesystem::directory_iterator(deviceEntry.path(), inner)) {
            const auto sequence = segmentSequenceFromName(entry.path().filename().string());
            if (sequence && entry.is_regular_file(inner)) {
                files.push_back({ device, *sequence, entry.path() });
            }
        }
    }
    std::sort(files.begin(), files.end(), [](const SegmentFile& a, const SegmentFile& b) {
        return std::tie(a.device, a.sequence) < std::tie(b.device, b.sequence);
    });
    return files;
}

} // namespace mlaprep::sync
