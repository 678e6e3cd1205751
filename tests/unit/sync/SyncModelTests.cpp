#include "support/TempDir.h"
#include "sync/Event.h"
#include "sync/HybridClock.h"
#include "sync/Segment.h"
#include "sync/Uuid.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace mlaprep;
using namespace mlaprep::sync;

namespace {

const std::string DeviceA = "0a1b2c3d-0000-4000-8000-00000000000a";

Segment sampleSegment(std::int64_t sequence, int events)
{
    UuidSource uuids(7);
    HybridClock clock(DeviceA);
    Segment segment;
    segment.header.device = DeviceA;
    segment.header.sequence = sequence;
    for (int i = 0; i < events; ++i) {
        Event event;
        event.uuid = uuids.next();
        event.hlc = clock.send(1'795'000'000'000 + i / 2);
        event.kind = std::string(EventKind::Review);
        event.itemId = "c-" + std::to_string(i);
        event.payload = Payload().set("rating", 3).set("note", "tab\there & line\nend=%").encode();
        segment.events.push_back(event);
    }
    if (!segment.events.empty()) {
        segment.header.first = segment.events.front().hlc;
        segment.header.last = segment.events.back().hlc;
    }
    segment.header.count = static_cast<std::int64_t>(segment.events.size());
    return segment;
}

std::string readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::filesystem::path& path, std::string_view text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

} // namespace

TEST_CASE("UUIDs are version 4, distinct, and reproducible from a seed", "[sync]")
{
    UuidSource source(42);
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string uuid = source.next();
        CHECK(isUuid(uuid));
        CHECK(uuid[14] == '4');
        seen.insert(uuid);
    }
    CHECK(seen.size() == 1000);
    CHECK(UuidSource(42).next() == UuidSource(42).next());
    CHECK_FALSE(isUuid("0A1B2C3D-0000-4000-8000-00000000000A"));
    CHECK_FALSE(isUuid(".stfolder"));
}

TEST_CASE("the hybrid clock never runs backwards when the wall clock does", "[sync]")
{
    HybridClock clock(DeviceA);
    const Hlc first = clock.send(1000);
    const Hlc sameMs = clock.send(1000);
    const Hlc clockWentBack = clock.send(400);
    CHECK(first < sameMs);
    CHECK(sameMs < clockWentBack);
    CHECK(clockWentBack.ms == 1000);
    CHECK(clock.send(2000) == Hlc { 2000, 0, DeviceA });
}

TEST_CASE("a device two days behind stamps its events after what it received", "[sync]")
{
    constexpr std::int64_t TwoDaysMs = 2LL * 24 * 3600 * 1000;
    HybridClock ahead("b");
    const Hlc remote = ahead.send(10 * TwoDaysMs);
    HybridClock behind(DeviceA);
    behind.receive(remote, 9 * TwoDaysMs);
    const Hlc local = behind.send(9 * TwoDaysMs + 5);
    CHECK(remote < local);
    CHECK(local.ms == remote.ms);
}

TEST_CASE("HLC text round-trips and rejects what it did not write", "[sync]")
{
    const Hlc hlc { 1'795'000'000'123, 7, DeviceA };
    CHECK(parseHlc(toString(hlc)) == hlc);
    CHECK_FALSE(parseHlc("12@x"));
    CHECK_FALSE(parseHlc(".3@x"));
    CHECK_FALSE(parseHlc("12.3@"));
    CHECK_FALSE(parseHlc("12.x@d"));
}

TEST_CASE("a payload is canonical: sorted keys, escaped values, one line", "[sync]")
{
    const std::string text = Payload().set("b", "x=y&z\n").set("a", 5).encode();
    CHECK(text == "a=5&b=x%3Dy%26z%0A");
    const auto decoded = Payload::decode(text);
    REQUIRE(decoded);
    CHECK(decoded->get("b") == "x=y&z\n");
    CHECK(decoded->getInteger("a") == 5);
    CHECK(decoded->encode() == text);
    CHECK_FALSE(Payload::decode("a=1&a=2"));
    CHECK_FALSE(Payload::decode("novalue"));
    CHECK_FALSE(Payload::decode("a=%4"));
}

TEST_CASE("CRC-32 matches the standard check value", "[sync]")
{
    CHECK(crc32("123456789") == 0xCBF43926U);
}

TEST_CASE("a segment written once reads back whole, and is never rewritten", "[sync]")
{
    test::TempDir folder;
    const Segment segment = sampleSegment(3, 25);
    const auto written = writeSegment(folder.path(), segment);
    REQUIRE(written);
    CHECK(written.value() == folder.path() / DeviceA / "00000003.events");
    CHECK(listSegments(folder.path()).size() == 1);

    const SegmentRead read = readSegment(written.value(), DeviceA, 3);
    REQUIRE(read.status == SegmentStatus::Complete);
    CHECK(read.segment.events == segment.events);
    CHECK(read.segment.header.first == segment.header.first);
    CHECK(read.segment.header.last == segment.header.last);

    const auto again = writeSegment(folder.path(), segment);
    REQUIRE_FALSE(again);
    CHECK(again.firstError().find("never rewritten") != std::string::npos);
}

TEST_CASE("a truncated or half-delivered segment is incomplete, not an error", "[sync]")
{
    const std::string text = encodeSegment(sampleSegment(1, 10));
    for (std::size_t length : { std::size_t { 0 }, std::size_t { 5 }, text.size() / 2, text.size() - 1 }) {
        INFO("length " << length);
        CHECK(decodeSegment(text.substr(0, length), DeviceA, 1).status == SegmentStatus::Incomplete);
    }
    std::string flipped = text;
    flipped[text.size() / 2] = flipped[text.size() / 2] == 'a' ? 'b' : 'a';
    CHECK(decodeSegment(flipped, DeviceA, 1).status == SegmentStatus::Incomplete);
    CHECK(decodeSegment(text, DeviceA, 1).status == SegmentStatus::Complete);
}

TEST_CASE("a segment of a newer format is skipped with a note", "[sync]")
{
    const SegmentRead read = decodeSegment("mlaprep-events 2\nwhatever comes next\n", DeviceA, 1);
    CHECK(read.status == SegmentStatus::NewerFormat);
    CHECK(read.note.find("newer mlaprep") != std::string::npos);
}

TEST_CASE("a segment that is not where its header says is invalid", "[sync]")
{
    const std::string text = encodeSegment(sampleSegment(4, 2));
    CHECK(decodeSegment(text, DeviceA, 5).status == SegmentStatus::Invalid);
    CHECK(decodeSegment(text, "another", 4).status == SegmentStatus::Invalid);
    CHECK(decodeSegment("garbage\n", DeviceA, 4).status == SegmentStatus::Invalid);
}

TEST_CASE("the folder listing ignores what sync tools leave behind", "[sync]")
{
    test::TempDir folder;
    REQUIRE(writeSegment(folder.path(), sampleSegment(1, 1)));
    REQUIRE(writeSegment(folder.path(), sampleSegment(2, 0)));
    std::filesystem::create_directories(folder / ".stfolder");
    writeAll(folder / DeviceA / "00000001.sync-conflict-20261201-101010-ABCDEFG.events", "x");
    writeAll(folder / DeviceA / ".00000003.events.tmp", "x");
    writeAll(folder / DeviceA / "~syncthing~00000004.events.tmp", "x");
    writeAll(folder / DeviceA / "notes.txt", "x");
    const auto files = listSegments(folder.path());
    REQUIRE(files.size() == 2);
    CHECK(files[0].sequence == 1);
    CHECK(files[1].sequence == 2);
    CHECK(readSegment(files[1].path, DeviceA, 2).status == SegmentStatus::Complete);
    CHECK(readAll(files[0].path).rfind("crc32 ") != std::string::npos);
}
