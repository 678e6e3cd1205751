#include "sim/Benchmark.h"

#include "fsrs/Fsrs.h"
#include "fsrs/Optimizer.h"
#include "services/ReadinessTracker.h"
#include "services/ReviewRecorder.h"
#include "services/SrsRows.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "srs/StudyDay.h"
#include "store/Database.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"
#include "store/Transaction.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace mlaprep {

namespace {

using Steady = std::chrono::steady_clock;
constexpr std::int64_t MsPerDay = 86'400'000;

double msSince(Steady::time_point start)
{
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

Percentiles percentiles(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.empty()) {
        return {};
    }
    return Percentiles { values[values.size() / 2],
        values[std::min(values.size() - 1, values.size() * 99 / 100)] };
}

// A deterministic uniform source (SplitMix64), so every run builds the same store.
class Uniform {
public:
    explicit Uniform(std::uint64_t seed)
        : m_state(seed)
    {
    }
    double operator()()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return static_cast<double>((z ^ (z >> 31U)) >> 11U) * 0x1.0p-53;
    }

private:
    std::uint64_t m_state;
};

std::string itemId(int index)
{
    char text[16];
    std::snprintf(text, sizeof text, "b-%06d", index);
    return text;
}

// Simulates each item's history with FSRS at the default parameters (reviews at the scheduled
// interval, forgotten with probability 1 − R) and shifts it so that the item falls due between ten days
// ago and its next interval from now: a backlog plus a spread of future work, like a real collection.
long long buildStore(Database& database, const BenchOptions& options, Instant now)
{
    const fsrs::Fsrs model;
    const double multiplier = model.intervalMultiplier(0.9);
    Uniform uniform(20261118);
    ItemStateRepository states(database);
    ReviewLogRepository log(database);
    Transaction transaction(database);
    long long rows = 0;
    struct Step {
        fsrs::Rating rating;
        std::int64_t atMs;
        int elapsed;
        fsrs::MemoryState before;
        fsrs::MemoryState after;
        int interval;
    };
    std::vector<Step> steps;
    for (int item = 0; item < options.items; ++item) {
        steps.clear();
        std::int64_t t = 0;
        fsrs::MemoryState state {};
        int interval = 0;
        for (int r = 0; r < options.reviewsPerItem; ++r) {
            fsrs::Rating rating = fsrs::Rating::Good;
            const fsrs::MemoryState before = state;
            if (r == 0) {
                rating = uniform() < 0.25 ? fsrs::Rating::Again : fsrs::Rating::Good;
                state = model.initialState(rating);
            } else {
                const double recall = model.retrievability(state, interval);
                rating = uniform() >= recall ? fsrs::Rating::Again
                    : uniform() < 0.15       ? fsrs::Rating::Hard
                                             : fsrs::Rating::Good;
                state = model.review(state, interval, rating).state;
            }
            const int elapsed = r == 0 ? 0 : interval;
            interval = std::min(fsrs::Fsrs::intervalDays(state.stability, multiplier), 3650);
            steps.push_back(Step { rating, t, elapsed, before, state, interval });
            t += static_cast<std::int64_t>(interval) * MsPerDay;
        }
        // t is now the due instant relative to the first review; place it in [now − 10 d, now + interval].
        const double spread = uniform() * (interval + 10) - 10;
        const std::int64_t shift
            = toEpochMilliseconds(now) + static_cast<std::int64_t>(spread * MsPerDay) - t;
        const std::string id = itemId(item);
        const std::string kind = item % 3 == 0 ? "question" : "card";
        for (std::size_t r = 0; r < steps.size(); ++r) {
            const Step& step = steps[r];
            ReviewLogRow row;
            row.itemId = id;
            row.kind = kind;
            row.reviewedMs = step.atMs + shift;
            row.rating = fsrs::toGrade(step.rating);
            row.source = "review";
            row.elapsedDays = step.elapsed;
            row.durationMs = 6000;
            row.phaseBefore = r == 0 ? 0 : 2;
            if (r > 0) {
                row.stabilityBefore = step.before.stability;
                row.difficultyBefore = step.before.difficulty;
                row.dueBeforeMs = row.reviewedMs;
                row.lastReviewBeforeMs = steps[r - 1].atMs + shift;
            }
            row.repsBefore = static_cast<int>(r);
            row.phaseAfter = 2;
            row.stabilityAfter = step.after.stability;
            row.difficultyAfter = step.after.difficulty;
            row.dueAfterMs = row.reviewedMs + static_cast<std::int64_t>(step.interval) * MsPerDay;
            log.append(row);
            ++rows;
        }
        ItemStateRow stateRow;
        stateRow.itemId = id;
        stateRow.kind = kind;
        stateRow.phase = 2;
        stateRow.stability = state.stability;
        stateRow.difficulty = state.difficulty;
        stateRow.dueMs = t + shift;
        stateRow.lastReviewMs = steps.back().atMs + shift;
        stateRow.reps = options.reviewsPerItem;
        states.save(stateRow);
    }
    transaction.commit();
    return rows;
}

// A clock fixed at noon UTC so that the study day and its limits do not move during the run.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at)
        : m_at(at)
    {
    }
    Instant now() const override { return m_at; }
    int utcOffsetMinutes(Instant) const override { return 0; }
    void advance(std::chrono::milliseconds by) { m_at += by; }

private:
    Instant m_at;
};

struct ReadinessTimes {
    double buildMs = 0.0;
    double updateMs = 0.0;
    double forecastMs = 0.0;
};

// The store's questions (every third item) over twelve tasks of four domains, each an equal share of a
// mock; the model is built from the whole log, a 65-item exam is recorded, and the update is timed.
Result<ReadinessTimes> benchmarkReadiness(
    Database& database, const BenchOptions& options, Instant now, const srs::SchedulerConfig& config)
{
    constexpr int Tasks = 12;
    TrackedBank bank;
    for (int d = 0; d < 4; ++d) {
        bank.domains.push_back(analytics::ForecastDomain { std::to_string(d + 1), "Domain" });
    }
    bank.tasks = Tasks;
    for (int i = 0; i < options.items; i += 3) {
        const int task = (i / 3) % Tasks;
        bank.items.push_back(
            TrackedItem { itemId(i), task, static_cast<std::size_t>(task / 3), 1 + i % 3, 0.0 });
    }
    for (auto& item : bank.items) {
        item.share = 1.0 / static_cast<double>(bank.items.size());
    }
    ReadinessTimes times;
    try {
        ReadinessTracker tracker(bank);
        auto start = Steady::now();
        tracker.refresh(database, now);
        times.buildMs = msSince(start);

        Transaction transaction(database);
        ReviewRecorder recorder(database);
        for (int n = 0; n < 65 && n < static_cast<int>(bank.items.size()); ++n) {
            const auto& item = bank.items[static_cast<std::size_t>(n) * bank.items.size() / 65];
            recorder.record(config, item.id, srs::ItemKind::Question,
                n % 4 == 0 ? fsrs::Rating::Again : fsrs::Rating::Good, now, 0, std::chrono::seconds(60),
                srs::ReviewSource::Exam);
        }
        transaction.commit();

        start = Steady::now();
        tracker.refresh(database, now);
        times.updateMs = msSince(start);
        start = Steady::now();
        const auto readiness = tracker.forecast(config.parameters, now);
        times.forecastMs = msSince(start);
        if (readiness.answers == 0) {
            return Result<ReadinessTimes>::failure(
                Problem { Severity::Error, "", "", "", "the readiness model read no answers" });
        }
    } catch (const DbError& e) {
        return Result<ReadinessTimes>::failure(Problem { Severity::Error, "", "", "", e.what() });
    }
    return times;
}

} // namespace

Result<BenchFigures> runBenchmark(const BenchOptions& options)
{
    auto say = [&](const std::string& line) {
        if (options.log) {
            options.log(line);
        }
    };
    BenchFigures figures;
    figures.items = options.items;
    const auto path = options.directory / "bench.sqlite";
    std::error_code ignored;
    std::filesystem::create_directories(options.directory, ignored);
    std::filesystem::remove(path, ignored);
    auto store = Store::open(path);
    if (!store) {
        return Result<BenchFigures>::failure(store.problems());
    }
    const Instant noon = fromEpochMilliseconds((std::chrono::duration_cast<std::chrono::milliseconds>(
                                                    std::chrono::system_clock::now().time_since_epoch())
                                                       .count()
                                                   / MsPerDay)
            * MsPerDay
        + MsPerDay / 2);
    try {
        say("building a store of " + std::to_string(options.items) + " items…");
        const auto buildStart = Steady::now();
        figures.reviews = buildStore(store.value()->database(), options, noon);
        figures.buildSeconds = msSince(buildStart) / 1000.0;
    } catch (const DbError& e) {
        return Result<BenchFigures>::failure(Problem { Severity::Error, path.string(), "", "", e.what() });
    }

    std::vector<srs::StudyItem> items;
    items.reserve(static_cast<std::size_t>(options.items));
    for (int i = 0; i < options.items; ++i) {
        items.push_back(srs::StudyItem {
            itemId(i), i % 3 == 0 ? srs::ItemKind::Question : srs::ItemKind::Card, "1.1", 0.28, "1" });
    }
    FixedClock clock(noon);
    srs::SchedulerConfig config;
    config.reviewsPerDay = 1000;
    StudyService study(store.value(), items, clock, config);
    if (auto warm = study.nextItem(); !warm) {
        return Result<BenchFigures>::failure(warm.problems());
    }

    say("timing next item and rating commits…");
    std::vector<double> times;
    for (int run = 0; run < options.nextItemRuns; ++run) {
        const auto start = Steady::now();
        auto next = study.nextItem();
        times.push_back(msSince(start));
        if (!next || !next.value()) {
            return Result<BenchFigures>::failure(
                Problem { Severity::Error, "", "", "", "the queue is empty" });
        }
    }
    figures.nextItemMs = percentiles(times);

    times.clear();
    for (int run = 0; run < options.rateRuns; ++run) {
        auto next = study.nextItem();
        if (!next || !next.value()) {
            break;
        }
        const auto start = Steady::now();
        auto changes = study.answer(next.value()->itemId, fsrs::Rating::Good, std::chrono::seconds(5));
        times.push_back(msSince(start));
        if (!changes) {
            return Result<BenchFigures>::failure(changes.problems());
        }
        clock.advance(std::chrono::seconds(1));
    }
    figures.rateCommitMs = percentiles(times);

    times.clear();
    for (int run = 0; run < 21; ++run) {
        const auto start = Steady::now();
        auto counts = study.counts();
        times.push_back(msSince(start));
        if (!counts) {
            return Result<BenchFigures>::failure(counts.problems());
        }
    }
    figures.dueTodayMs = percentiles(times).median;

    say("replaying the review log…");
    auto histories = study.reviewHistories();
    if (!histories) {
        return Result<BenchFigures>::failure(histories.problems());
    }
    {
        const fsrs::Fsrs model;
        const double multiplier = model.intervalMultiplier(0.9);
        long long steps = 0;
        long long checksum = 0;
        const auto start = Steady::now();
        for (const auto& history : histories.value()) {
            std::optional<fsrs::MemoryState> state;
            for (const auto& review : history) {
                state = model.nextState(state, review.elapsedDays, review.rating);
                checksum += fsrs::Fsrs::intervalDays(state->stability, multiplier);
                ++steps;
            }
        }
        const double seconds = msSince(start) / 1000.0;
        figures.replayStepsPerSecond = seconds > 0 ? static_cast<double>(steps) / seconds : 0.0;
        say("replayed " + std::to_string(steps) + " steps (checksum " + std::to_string(checksum) + ")");
    }

    say("optimising on " + std::to_string(options.optimizerReviews) + " reviews…");
    std::vector<fsrs::ReviewHistory> sample;
    for (const auto& history : histories.value()) {
        if (figures.optimizeReviews + static_cast<int>(history.size()) > options.optimizerReviews) {
            break;
        }
        sample.push_back(history);
        figures.optimizeReviews += static_cast<int>(history.size());
    }
    const auto start = Steady::now();
    auto fit = fsrs::optimize(sample);
    figures.optimizeSeconds = msSince(start) / 1000.0;
    if (fit) {
        figures.logLossBefore = fit->before.logLoss;
        figures.logLossAfter = fit->after.logLoss;
    }
    say("timing the readiness update after an exam…");
    if (auto timed = benchmarkReadiness(store.value()->database(), options, clock.now(), config); timed) {
        figures.readinessBuildMs = timed->buildMs;
        figures.readinessUpdateMs = timed->updateMs;
        figures.readinessForecastMs = timed->forecastMs;
    } else {
        return Result<BenchFigures>::failure(timed.problems());
    }
    std::filesystem::remove_all(options.directory, ignored);
    return figures;
}

} // namespace mlaprep
