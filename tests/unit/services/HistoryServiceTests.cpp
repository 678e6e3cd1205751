#include "services/HistoryService.h"
#include "services/ProgressService.h"
#include "support/StudyFixture.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;

namespace {

void write(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// Answers over two days, out of order, with a mock of three items (a case child alone among them).
const std::string History
    = R"({"item": "q-1.1-001", "at": "2026-11-20T10:15:00Z", "correct": true, "seconds": 75, "source": "practice"}
{"item": "c-1.1-001", "at": "2026-11-19T09:00:00+01:00", "rating": 3, "seconds": 8, "source": "review"}
{"item": "q-2.1-001", "at": "2026-11-21T18:00:00Z", "correct": false, "seconds": 60, "source": "exam", "attempt": "m-1"}
{"item": "q-3.1-001-2", "at": "2026-11-21T18:02:00Z", "correct": true, "seconds": 80, "source": "exam", "attempt": "m-1", "note": "ignored"}

{"item": "q-1.1-002", "at": "2026-11-21T18:04:00Z", "correct": true, "rating": 4, "seconds": 30, "source": "exam", "attempt": "m-1"}
{"item": "q-1.1-001", "at": "2026-11-19T08:00:00Z", "correct": false, "seconds": 95, "source": "review"}
)";

// After every answer of the files below (the fixture's clock stands on 2026-11-18).
const Instant Later = test::StudyNoon + std::chrono::hours(24 * 10);

struct HistoryFixture : test::StudyFixture {
    HistoryService history { store, loaded.bundle, study.config() };
    ProgressService progress { store, loaded.bundle, clock, study.config() };
};

} // namespace

TEST_CASE("a history imports once, feeds readiness, and a file with a bad line writes nothing",
    "[services][history]")
{
    HistoryFixture f;
    write(f.dir / "history.jsonl", History);
    auto first = f.history.importHistory(f.dir / "history.jsonl", false);
    REQUIRE(first.ok());
    INFO((first->errors.empty() ? "" : first->errors.front()));
    CHECK(first->read == 6);
    CHECK(first->imported == 6);
    CHECK(first->rejected == 0);
    CHECK(first->committed);

    auto readiness = f.progress.readinessAt(Later);
    REQUIRE(readiness.ok());
    CHECK(readiness->answers == 6);
    CHECK(readiness->seenShare > 0.0);
    // The imported question's state is the replay of both its answers, the earlier one first.
    auto items = f.progress.itemProgress({ "q-1.1-001" });
    REQUIRE(items.ok());
    CHECK(items->at("q-1.1-001").reps == 2);
    CHECK(items->at("q-1.1-001").lastRight == true);

    auto again = f.history.importHistory(f.dir / "history.jsonl", false);
    REQUIRE(again.ok());
    CHECK(again->imported == 0);
    CHECK(again->duplicates == 6);
    auto unchanged = f.progress.readinessAt(Later);
    REQUIRE(unchanged.ok());
    CHECK(unchanged->answers == readiness->answers);
    CHECK(unchanged->scaled == readiness->scaled);
    CHECK(unchanged->scaledLow == readiness->scaledLow);
    CHECK(unchanged->scaledHigh == readiness->scaledHigh);

    write(f.dir / "bad.jsonl",
        "{\"item\": \"q-2.1-002\", \"at\": \"2026-11-22T10:00:00Z\", \"correct\": true, \"source\": "
        "\"review\"}\n"
        "{\"item\": \"c-2.1-001\", \"at\": \"2026-11-22T10:01:00Z\", \"rating\": 3, \"source\": \"review\"}\n"
        "{\"item\": \"q-9.9-999\", \"at\": \"2026-11-22T10:02:00Z\", \"correct\": true, \"source\": "
        "\"review\"}\n");
    auto bad = f.history.importHistory(f.dir / "bad.jsonl", false);
    REQUIRE(bad.ok());
    CHECK_FALSE(bad->committed);
    CHECK(bad->imported == 0);
    CHECK(bad->rejected == 1);
    REQUIRE(bad->errors.size() == 1);
    CHECK_THAT(bad->errors.front(), Catch::Contains("bad.jsonl:3:") && Catch::Contains("q-9.9-999"));
    auto still = f.progress.readinessAt(Later);
    REQUIRE(still.ok());
    CHECK(still->answers == 6);

    // With --import-what-you-can the two valid lines go in.
    auto some = f.history.importHistory(f.dir / "bad.jsonl", true);
    REQUIRE(some.ok());
    CHECK(some->committed);
    CHECK(some->imported == 2);
}

TEST_CASE("an exported history imports into a fresh store as the same history", "[services][history]")
{
    HistoryFixture f;
    write(f.dir / "history.jsonl", History);
    REQUIRE(f.history.importHistory(f.dir / "history.jsonl", false)->committed);
    auto written = f.history.exportHistory(f.dir / "out.jsonl");
    REQUIRE(written.ok());
    CHECK(written.value() == 6);
    // Into the same store: all already there (the mock keeps its attempt id).
    auto same = f.history.importHistory(f.dir / "out.jsonl", false);
    REQUIRE(same.ok());
    INFO((same->errors.empty() ? "" : same->errors.front()));
    CHECK(same->duplicates == 6);
    CHECK(same->imported == 0);

    HistoryFixture other;
    auto fresh = other.history.importHistory(f.dir / "out.jsonl", false);
    REQUIRE(fresh.ok());
    CHECK(fresh->imported == 6);
    REQUIRE(other.history.exportHistory(other.dir / "again.jsonl").ok());
    std::ifstream a(f.dir / "out.jsonl");
    std::ifstream b(other.dir / "again.jsonl");
    const std::string first((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>());
    const std::string second((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
    CHECK(first == second);
}

TEST_CASE("bad history lines are named by file and line", "[services][history]")
{
    HistoryFixture f;
    write(f.dir / "h.jsonl",
        "not json\n"
        "{\"item\": \"q-1.1-001\", \"at\": \"2026-11-20 10:15\", \"correct\": true, \"source\": \"review\"}\n"
        "{\"item\": \"q-1.1-001\", \"at\": \"2026-11-20T10:15:00Z\", \"correct\": true, \"source\": "
        "\"exam\"}\n"
        "{\"item\": \"c-1.1-001\", \"at\": \"2026-11-20T10:15:00Z\", \"source\": \"review\"}\n"
        "{\"item\": \"q-1.1-001\", \"at\": \"2026-11-20T10:15:00Z\", \"source\": \"review\"}\n"
        "{\"item\": \"q-1.1-002\", \"at\": \"2026-11-20T10:15:00Z\", \"correct\": true, \"seconds\": 5, "
        "\"source\": \"review\"}\n"
        "{\"item\": \"q-1.1-002\", \"at\": \"2026-11-20T10:15:00Z\", \"correct\": false, \"seconds\": 5, "
        "\"source\": \"review\"}\n");
    auto result = f.history.importHistory(f.dir / "h.jsonl", false);
    REQUIRE(result.ok());
    CHECK_FALSE(result->committed);
    REQUIRE(result->errors.size() == 6);
    CHECK_THAT(result->errors[0], Catch::Contains("h.jsonl:1:") && Catch::Contains("JSON"));
    CHECK_THAT(result->errors[1], Catch::Contains("h.jsonl:2:") && Catch::Contains("RFC 3339"));
    CHECK_THAT(result->errors[2], Catch::Contains("h.jsonl:3:") && Catch::Contains("attempt"));
    CHECK_THAT(result->errors[3], Catch::Contains("h.jsonl:4:") && Catch::Contains("rating"));
    CHECK_THAT(result->errors[4], Catch::Contains("h.jsonl:5:") && Catch::Contains("correct"));
    CHECK_THAT(result->errors[5], Catch::Contains("h.jsonl:7:") && Catch::Contains("line 6"));
}
