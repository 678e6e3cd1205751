// Property: whatever the interleaving of study, imports of small Anki decks and answers to their cards,
// practice attempts (started, answered, flagged, submitted, abandoned or timed out on any device), syncs,
// crashes and deliveries between three devices, once every segment has arrived everywhere and everyone has
// synced, the stores agree with each other and with a store that received every event at once (and
// replayed each item in HLC order), imported cards and attempts included (by uuid), and no event is lost.
//
// A few seeds run in the suite; MLAPREP_SYNC_SEEDS=300 runs hundreds (a long test, outside CI).

#include "exam/SimulatedAnswer.h"
#include "services/SettingsService.h"
#include "srs/StudyItem.h"
#include "store/EventRepository.h"
#include "support/SyncDevice.h"
#include "sync/Segment.h"

#include <catch2/catch.hpp>

#include <array>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace mlaprep;
using namespace std::chrono_literals;
using test::Device;

namespace {

constexpr int DeviceCount = 3;
constexpr int Steps = 160;

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const std::filesystem::path& path, const std::string& text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// Three machines, each syncing with its own copy of the folder, and what a sync tool does between the
// copies: a segment travels from its writer's copy to another in any order, whole or cut short (completed
// by a later delivery), and more than once.
class World {
public:
    explicit World(std::mt19937& random)
        : m_random(random)
    {
        for (int i = 0; i < DeviceCount; ++i) {
            // Clocks up to two days apart either way.
            const auto skew
                = std::chrono::minutes(std::uniform_int_distribution<int>(-48 * 60, 48 * 60)(m_random));
            m_devices.push_back(std::make_unique<Device>(skew));
            m_replicas.push_back(m_root / ("replica-" + std::to_string(i)));
            std::filesystem::create_directories(m_replicas.back());
        }
        m_items = srs::studyItemsOf(m_devices.front()->fixture.loaded.bundle);
    }

    int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(m_random); }

    void step()
    {
        const int d = pick(DeviceCount);
        Device& device = *m_devices[static_cast<std::size_t>(d)];
        device.clock.advance(std::chrono::minutes(std::uniform_int_distribution<int>(1, 8 * 60)(m_random)));
        const std::string& item
            = m_items[static_cast<std::size_t>(pick(static_cast<int>(m_items.size())))].id;
        const int roll = pick(100);
        if (roll < 30) {
            REQUIRE(device.study.answer(item, static_cast<fsrs::Rating>(1 + pick(4)), 4s).ok());
        } else if (roll < 34) {
            userCardStep(d);
        } else if (roll < 40) {
            (void)device.study.undoLast(); // refused when there is nothing to undo
        } else if (roll < 44) {
            REQUIRE(device.bookmarks.toggle(item.starts_with("q-") ? "question" : "card", item).ok());
        } else if (roll < 56) {
            examStep(d);
        } else if (roll < 58) {
            // Scheduling settings too: each answer replays with the retention and weights it was given at.
            const int value = 5 + pick(50);
            const double retention = 0.80 + 0.01 * pick(16);
            fsrs::Parameters weights = fsrs::DefaultParameters;
            weights[0] *= 0.5 + 0.1 * pick(10);
            const bool changeWeights = pick(3) == 0;
            REQUIRE(device.study.settings()
                        .change([&](Settings& settings) {
                            settings.newPerDay = value;
                            settings.minutesPerDay = 5 * (1 + value % 20);
                            settings.desiredRetention = retention;
                            if (changeWeights) {
                                settings.parameters = weights;
                            }
                        })
                        .ok());
        } else if (roll < 66) {
            const ItemAction actions[]
                = { ItemAction::Suspend, ItemAction::Unsuspend, ItemAction::Bury, ItemAction::Reset };
            (void)device.study.act(item, actions[pick(4)]); // refused when it would change nothing
        } else if (roll < 80) {
            syncDevice(d);
        } else if (roll < 94) {
            deliverOne();
        } else {
            crash(d);
        }
    }

    // Every segment complete in every copy, every device synced until nothing is left to write.
    void settle()
    {
        for (int round = 0; round < 2; ++round) {
            for (int d = 0; d < DeviceCount; ++d) {
                syncDevice(d);
            }
            deliverAll();
        }
        for (int d = 0; d < DeviceCount; ++d) {
            syncDevice(d);
        }
    }

    Device& device(int d) { return *m_devices[static_cast<std::size_t>(d)]; }
    const std::filesystem::path& replica(int d) const { return m_replicas[static_cast<std::size_t>(d)]; }

private:
    // Starts an attempt on the device, or takes its open one a step on: answer, flag, submit or abandon.
    // A timed one may run out of time on the way, the clock moving by minutes to hours a step.
    void examStep(int d)
    {
        Device& device = this->device(d);
        auto& session = m_sessions[static_cast<std::size_t>(d)];
        if (!session) {
            StartRequest request;
            request.mode = ExamMode::Practice;
            request.seed = static_cast<std::uint64_t>(pick(1000));
            request.questions = 4;
            request.domains = { "1", "2" }; // the minimal bundle's four single questions
            request.timed = pick(2) == 0;
            auto started = device.exams.start(request);
            INFO(started.firstError());
            REQUIRE(started.ok());
            session = std::move(started.value());
            return;
        }
        // A copy: each intent replaces the session's state, items included.
        const auto& items = session->attempt().items;
        const AttemptItem item = items[static_cast<std::size_t>(pick(static_cast<int>(items.size())))];
        const Question& question = questionIn(device, item.item.itemId);
        const int roll = pick(10);
        Result<Changes> done = roll < 6 ? device.exams.answer(*session, item.item.itemId,
                                   pick(2) == 0 ? simulatedAnswer(question, item.item.optionOrder)
                                                : wrongAnswer(question, item.item.optionOrder))
            : roll < 7 ? device.exams.flag(*session, item.item.itemId, !item.flagged)
            : roll < 9                  ? device.exams.submit(*session)
                                        : device.exams.abandon(*session);
        INFO(done.firstError());
        REQUIRE(done.ok());
        if (session->isFinished()) {
            session.reset();
        }
    }

    // Imports a small deck, or answers one of the imported cards the device has, its own or synced. The
    // notes come from a pool all devices draw on, so one note may reach several devices (each importing
    // it makes its own card) or one twice (a duplicate, skipped).
    void userCardStep(int d)
    {
        Device& device = this->device(d);
        const auto cards = device.adoptUserCards();
        if (!cards.empty() && pick(3) != 0) {
            const auto& card = cards[static_cast<std::size_t>(pick(static_cast<int>(cards.size())))];
            REQUIRE(device.study.answer(card.itemId, static_cast<fsrs::Rating>(1 + pick(4)), 4s).ok());
            return;
        }
        std::string notes;
        for (int n = 1 + pick(3); n > 0; --n) {
            const std::string note = std::to_string(pick(12));
            notes += "Front " + note + "\tBack " + note + " & more\n";
        }
        AnkiImportRequest request;
        request.file = m_root / ("deck-" + std::to_string(++m_decks) + ".txt");
        writeFile(request.file, notes);
        const auto imported = AnkiService(device.store, device.clock).importFile(request);
        INFO(imported.firstError());
        REQUIRE(imported.ok());
        device.adoptUserCards();
    }

    static const Question& questionIn(Device& device, const std::string& id)
    {
        for (const Question* question : device.fixture.loaded.bundle.scoredItems()) {
            if (question->id == id) {
                return *question;
            }
        }
        throw std::runtime_error("no item " + id);
    }

    void syncDevice(int d)
    {
        Device& device = this->device(d);
        auto summary = device.syncService.sync(replica(d), device.study.config());
        INFO(summary.firstError());
        REQUIRE(summary.ok());
    }

    // The segments device `d` wrote, in its own copy of the folder.
    std::vector<sync::SegmentFile> written(int d)
    {
        std::vector<sync::SegmentFile> own;
        for (const auto& file : sync::listSegments(replica(d))) {
            if (file.device == deviceId(d)) {
                own.push_back(file);
            }
        }
        return own;
    }

    const std::string& deviceId(int d)
    {
        auto& id = m_ids[static_cast<std::size_t>(d)];
        if (id.empty()) {
            id = deviceIdBeside(device(d).store->path());
        }
        return id;
    }

    void deliver(const sync::SegmentFile& file, int to, bool whole)
    {
        const auto target = replica(to) / file.path.lexically_relative(file.path.parent_path().parent_path());
        const std::string text = fileText(file.path);
        writeFile(
            target, whole ? text : text.substr(0, text.size() * static_cast<std::size_t>(1 + pick(9)) / 10));
    }

    void deliverOne()
    {
        const int from = pick(DeviceCount);
        const auto files = written(from);
        if (files.empty()) {
            return;
        }
        const int to = (from + 1 + pick(DeviceCount - 1)) % DeviceCount;
        deliver(files[static_cast<std::size_t>(pick(static_cast<int>(files.size())))], to, pick(4) != 0);
    }

    void deliverAll()
    {
        for (int from = 0; from < DeviceCount; ++from) {
            for (const auto& file : written(from)) {
                for (int to = 0; to < DeviceCount; ++to) {
                    if (to != from) {
                        deliver(file, to, true);
                    }
                }
            }
        }
    }

    void crash(int d)
    {
        switch (pick(3)) {
        case 0:
            killMidSync(d);
            break;
        case 1: {
            // Killed while writing a segment: its temporary file stays behind, half written.
            writeFile(replica(d) / deviceId(d) / ".99999999.events.tmp", "mlaprep-events 1\ndevice ");
            break;
        }
        default: {
            // Killed after writing a segment but before marking its events written: the next segment
            // holds them again.
            const auto files = written(d);
            if (files.empty()) {
                return;
            }
            auto copy = sync::readSegment(files.back().path, files.back().device, files.back().sequence);
            REQUIRE(copy.status == sync::SegmentStatus::Complete);
            copy.segment.header.sequence = files.back().sequence + 1;
            REQUIRE(sync::writeSegment(replica(d), copy.segment));
            break;
        }
        }
    }

    // A second process syncs this device's store and is killed (SIGKILL) at a random moment of it.
    void killMidSync(int d)
    {
        Device& device = this->device(d);
        const srs::SchedulerConfig config = device.study.config();
        const auto storePath = device.store->path();
        const auto folder = replica(d);
        const Instant now = device.clock.now();
        const int delayMicroseconds = pick(4000);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            auto store = Store::open(storePath);
            if (!store) {
                _exit(1);
            }
            test::ManualClock clock(now);
            (void)SyncService(store.value(), clock).sync(folder, config);
            _exit(0);
        }
        ::usleep(static_cast<useconds_t>(delayMicroseconds));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
    }

    std::mt19937& m_random;
    test::TempDir m_root;
    std::vector<std::unique_ptr<Device>> m_devices;
    std::vector<std::filesystem::path> m_replicas;
    std::array<std::string, DeviceCount> m_ids;
    std::array<std::optional<ExamSession>, DeviceCount> m_sessions;
    int m_decks = 0;
    std::vector<srs::StudyItem> m_items;
};

std::string holds(Device& device)
{
    return device.rows("SELECT item_id, suspended, coalesce(buried_until_ms, 0) FROM item_holds", 3);
}

// The attempts open on the device, and those it shows in progress on another.
std::set<std::string> openAttempts(Device& device)
{
    std::set<std::string> uuids;
    auto statement
        = device.store->database().prepare("SELECT uuid FROM exam_attempts WHERE finished_ms IS NULL");
    while (statement.step()) {
        uuids.insert(statement.columnText(0));
    }
    const auto elsewhere = device.exams.inProgressElsewhere();
    REQUIRE(elsewhere.ok());
    for (const auto& attempt : elsewhere.value()) {
        uuids.insert(attempt.uuid);
    }
    return uuids;
}

std::set<std::string> eventIds(Device& device)
{
    std::set<std::string> ids;
    auto statement = device.store->database().prepare("SELECT uuid FROM events");
    while (statement.step()) {
        ids.insert(statement.columnText(0));
    }
    return ids;
}

int seedCount()
{
    const char* text = std::getenv("MLAPREP_SYNC_SEEDS");
    return text && std::atoi(text) > 0 ? std::atoi(text) : 3;
}

} // namespace

TEST_CASE("three devices studying, syncing and crashing in any order end with the same learning",
    "[sync][property]")
{
    const int seeds = seedCount();
    for (int seed = 1; seed <= seeds; ++seed) {
        INFO("seed " << seed);
        std::mt19937 random(static_cast<std::mt19937::result_type>(seed));
        World world(random);
        for (int i = 0; i < Steps; ++i) {
            world.step();
        }
        world.settle();

        // One more store that receives every event at once, in HLC order.
        Device reference;
        auto everything = reference.syncService.sync(world.replica(0), reference.study.config());
        REQUIRE(everything.ok());
        CHECK(everything->skipped.empty());

        std::set<std::string> all;
        for (int d = 0; d < DeviceCount; ++d) {
            const auto ids = eventIds(world.device(d));
            all.insert(ids.begin(), ids.end());
        }
        CHECK(eventIds(reference) == all);
        for (int d = 0; d < DeviceCount; ++d) {
            INFO("device " << d);
            Device& device = world.device(d);
            CHECK(eventIds(device) == all); // no event lost on the way
            test::requireSameLearning(device, reference);
            CHECK(holds(device) == holds(reference));
            CHECK(device.userCardRows() == reference.userCardRows());
            CHECK(device.finishedAttempts() == reference.finishedAttempts());
            CHECK(openAttempts(device) == openAttempts(reference));
        }
    }
}
