// mlaprep_bench: prints figures, asserts nothing (targets live in the issues, not in tests).
//   mlaprep_bench [BUNDLE_DIR]                    all figures
//   mlaprep_bench --optimizer [--export-fsrs-histories FILE]
//                                                 the optimiser's only; FILE gets the training
//                                                 histories as JSON for bench/compare-fsrs-rs
//   mlaprep_bench --evaluate-weights W0,...,W20   test log loss of those weights on the same histories
//   mlaprep_bench --plan-sim [BUNDLE_DIR]         plan-sim's figures for D = 14, 30, 60 and M = 20, 40, 90
//                                                 and the exam-day target (issue 19)
//   mlaprep_bench --sync [EVENTS]                 sync of EVENTS answers (default 100,000) from one device
//                                                 into another, and a sync with nothing new (issue 21)

#include "content/BundleLoader.h"
#include "fsrs/Fsrs.h"
#include "fsrs/Optimizer.h"
#include "services/ReviewRecorder.h"
#include "services/Store.h"
#include "services/SyncService.h"
#include "sim/WorkloadSimulation.h"
#include "store/Transaction.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using Stopwatch = std::chrono::steady_clock; // not mlaprep::Clock: benchmarks time themselves

double millisecondsSince(Stopwatch::time_point start)
{
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

// The processor time this process has used: on a machine other work shares, the steadier figure beside
// the wall time a target is set in.
double processorMilliseconds()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void benchBundleLoad(const char* dir)
{
    std::vector<double> times;
    std::size_t items = 0;
    for (int run = 0; run < 7; ++run) {
        const auto start = Stopwatch::now();
        const auto loaded = mlaprep::loadBundle(dir, mlaprep::SystemClock());
        times.push_back(millisecondsSince(start));
        items = loaded.bundle.cards.size() + loaded.bundle.scoredItems().size();
    }
    std::printf("bundle_load_and_validate_ms median %.1f (%zu cards and scored items, 7 runs)\n",
        median(times), items);
}

void benchReplay()
{
    using namespace mlaprep::fsrs;
    const Fsrs model;
    const double multiplier = model.intervalMultiplier(0.9);
    constexpr int Steps = 5'000'000;
    const Rating ratings[]
        = { Rating::Good, Rating::Good, Rating::Hard, Rating::Again, Rating::Good, Rating::Easy };
    MemoryState state = model.initialState(Rating::Good);
    long long checksum = 0;
    const auto start = Stopwatch::now();
    for (int i = 0; i < Steps; ++i) {
        const int interval = Fsrs::intervalDays(state.stability, multiplier);
        state = model.review(state, interval, ratings[i % 6]).state;
        checksum += interval;
        if (i % 64 == 63) {
            state = model.initialState(Rating::Good); // keep intervals in a realistic range
        }
    }
    const double seconds = millisecondsSince(start) / 1000.0;
    std::printf("replay_steps_per_s %.0f (%d steps, checksum %lld)\n", Steps / seconds, Steps, checksum);
}

// Synthetic review histories for the optimiser bench: a learner whose memory follows `truth`, studied
// on the schedule the default weights give at 90 % retention, with learning-step reviews on the day of a
// first Again and of a lapse. Every fifth item is held out for testing.
struct SyntheticHistories {
    std::vector<mlaprep::fsrs::ReviewHistory> train;
    std::vector<mlaprep::fsrs::ReviewHistory> test;
};

SyntheticHistories synthesiseHistories(int items, std::uint64_t seed)
{
    using namespace mlaprep::fsrs;
    Parameters truth = DefaultParameters;
    truth[0] = 0.4;
    truth[2] = 3.5;
    truth[8] = 1.6;
    truth[9] = 0.12;
    truth[11] = 1.7;
    truth[20] = 0.25;
    const Fsrs learner(truth);
    const Fsrs scheduler;
    std::uint64_t state = seed;
    auto uniform = [&state] {
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return static_cast<double>((z ^ (z >> 31U)) >> 11U) * 0x1.0p-53;
    };
    auto firstRating = [&] {
        const double u = uniform();
        return u < 0.2 ? Rating::Again : u < 0.35 ? Rating::Hard : u < 0.9 ? Rating::Good : Rating::Easy;
    };
    auto passRating = [&] {
        const double u = uniform();
        return u < 0.15 ? Rating::Hard : u < 0.9 ? Rating::Good : Rating::Easy;
    };
    SyntheticHistories histories;
    for (int item = 0; item < items; ++item) {
        ReviewHistory history;
        const int reviews = 2 + static_cast<int>(uniform() * 12.0);
        Rating rating = firstRating();
        history.push_back({ rating, 0 });
        MemoryState memory = learner.initialState(rating);
        MemoryState scheduled = scheduler.initialState(rating);
        bool learningStep = false;
        for (int r = 1; r < reviews; ++r) {
            // One same-day step after a failed first answer or a lapse, then the scheduled interval.
            learningStep = rating == Rating::Again && !learningStep;
            const int days = learningStep ? 0 : scheduler.nextInterval(scheduled.stability, 0.9);
            const bool recalled = uniform() < learner.retrievability(memory, days);
            rating = !recalled ? Rating::Again : learningStep ? Rating::Good : passRating();
            history.push_back({ rating, days });
            memory = learner.nextState(memory, days, rating);
            scheduled = scheduler.nextState(scheduled, days, rating);
        }
        (item % 5 == 4 ? histories.test : histories.train).push_back(std::move(history));
    }
    return histories;
}

constexpr int OptimizerBenchItems = 30'000;
constexpr std::uint64_t OptimizerBenchSeed = 20261201;

bool exportHistories(const std::vector<mlaprep::fsrs::ReviewHistory>& histories, const char* path)
{
    std::ofstream out(path);
    out << "{\"train\":[";
    for (std::size_t h = 0; h < histories.size(); ++h) {
        out << (h == 0 ? "[" : ",[");
        for (std::size_t r = 0; r < histories[h].size(); ++r) {
            out << (r == 0 ? "[" : ",[") << mlaprep::fsrs::toGrade(histories[h][r].rating) << ','
                << histories[h][r].elapsedDays << ']';
        }
        out << ']';
    }
    out << "]}\n";
    return static_cast<bool>(out);
}

// Fit time (median of three fits) and log loss on the held-out items, the figures issue 19 compares
// with fsrs-rs (bench/compare-fsrs-rs runs both on these histories).
int benchOptimizer(const char* exportPath)
{
    using namespace mlaprep::fsrs;
    const SyntheticHistories histories = synthesiseHistories(OptimizerBenchItems, OptimizerBenchSeed);
    if (exportPath != nullptr && !exportHistories(histories.train, exportPath)) {
        std::fprintf(stderr, "error: cannot write %s\n", exportPath);
        return 1;
    }
    std::vector<double> times;
    Parameters fitted = DefaultParameters;
    int predictions = 0;
    for (int run = 0; run < 3; ++run) {
        const auto start = Stopwatch::now();
        auto result = optimize(histories.train);
        times.push_back(millisecondsSince(start) / 1000.0);
        if (!result) {
            std::fprintf(stderr, "error: %s\n", result.problems().front().message.c_str());
            return 1;
        }
        fitted = result->parameters;
        predictions = result->before.predictions;
    }
    std::printf("optimizer_fit_s median %.3f runs %.3f %.3f %.3f (%d items, %zu train histories, %d train "
                "predictions)\n",
        median(times), times[0], times[1], times[2], OptimizerBenchItems, histories.train.size(),
        predictions);
    std::printf("optimizer_test_log_loss %.5f (defaults %.5f, %d test predictions)\n",
        evaluate(fitted, histories.test).logLoss, evaluate(DefaultParameters, histories.test).logLoss,
        evaluate(fitted, histories.test).predictions);
    std::printf("optimizer_weights");
    for (const double weight : fitted) {
        std::printf(" %.4f", weight);
    }
    std::printf("\n");
    return 0;
}

int evaluateWeights(const char* list)
{
    using namespace mlaprep::fsrs;
    std::vector<double> weights;
    std::stringstream stream(list);
    std::string field;
    while (std::getline(stream, field, ',')) {
        weights.push_back(std::strtod(field.c_str(), nullptr));
    }
    auto parameters = checkAndFillParameters(weights);
    if (!parameters) {
        std::fprintf(stderr, "error: %s\n", parameters.problems().front().message.c_str());
        return 1;
    }
    const SyntheticHistories histories = synthesiseHistories(OptimizerBenchItems, OptimizerBenchSeed);
    std::printf("test_log_loss %.5f\n", evaluate(parameters.value(), histories.test).logLoss);
    return 0;
}

} // namespace

// Both policies over the grid of issue 19, and its target: at equal total minutes over 30 days, exam-day
// recall at least 5 points higher with the exam-day policy than with FSRS at 0.90.
int benchPlanSim(const char* dir)
{
    using namespace mlaprep;
    const auto loaded = loadBundle(dir, SystemClock());
    std::printf("plan-sim, 200 learners, seed 1, retention 0.90: exam-day recall %% (total minutes)\n");
    std::printf("%5s %5s %18s %18s %8s %8s\n", "days", "min", "fsrs", "exam-day", "points", "seconds");
    for (const int days : { 14, 30, 60 }) {
        for (const int minutes : { 20, 40, 90 }) {
            sim::PlanSimOptions options;
            options.daysToExam = days;
            options.minutesPerDay = minutes;
            const auto start = Stopwatch::now();
            const auto fsrs = sim::simulatePlan(loaded.bundle, sim::Policy::Fsrs, options);
            const auto examDay = sim::simulatePlan(loaded.bundle, sim::Policy::ExamDay, options);
            const double gain = (examDay.examDayRecall - fsrs.examDayRecall) * 100.0;
            std::printf("%5d %5d %8.1f (%6.0f) %8.1f (%6.0f) %+8.1f %8.1f\n", days, minutes,
                fsrs.examDayRecall * 100.0, fsrs.totalMinutes, examDay.examDayRecall * 100.0,
                examDay.totalMinutes, gain, millisecondsSince(start) / 1000.0);
            if (days == 30) {
                const bool equalMinutes
                    = std::abs(fsrs.totalMinutes - examDay.totalMinutes) <= 0.02 * fsrs.totalMinutes;
                std::printf("      target (30 days, %d min): %s%s\n", minutes,
                    gain >= 5.0 ? "met" : "not met",
                    equalMinutes ? "" : " (total minutes differ by more than 2 %)");
            }
        }
    }
    return 0;
}

// A fixed clock: the bench's devices answer at the times it gives them.
class FixedClock final : public mlaprep::Clock {
public:
    mlaprep::Instant now() const override { return mlaprep::fromEpochMilliseconds(1'795'000'000'000); }
    int utcOffsetMinutes(mlaprep::Instant) const override { return 0; }
};

// Device A answers `events` times over 2,000 items (a year of heavy study: about 270 answers a day), then
// B syncs them all in, replaying every item through the scheduler; then B syncs again with nothing new.
int benchSync(long events)
{
    using namespace mlaprep;
    const auto dir
        = std::filesystem::temp_directory_path() / ("mlaprep-bench-sync-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "folder");
    FixedClock clock;
    const srs::SchedulerConfig config;
    {
        auto a = Store::open(dir / "a.sqlite").value();
        ReviewRecorder recorder(a->database());
        Transaction transaction(a->database());
        constexpr long Items = 2000;
        const long long startMs = 1'763'000'000'000;
        const long long stepMs = 365LL * 24 * 3600 * 1000 / events;
        for (long i = 0; i < events; ++i) {
            const fsrs::Rating rating = i % 10 == 0 ? fsrs::Rating::Again : fsrs::Rating::Good;
            recorder.record(config, "c-" + std::to_string(i % Items), srs::ItemKind::Card, rating,
                fromEpochMilliseconds(startMs + i * stepMs), 0, std::chrono::seconds(6),
                srs::ReviewSource::Review);
        }
        transaction.commit();
        const auto exportStart = Stopwatch::now();
        auto exported = SyncService(a, clock).sync(dir / "folder", config);
        std::printf("sync: export of %ld events from A: %.0f ms (%s)\n", events,
            millisecondsSince(exportStart), exported ? "ok" : exported.firstError().c_str());
    }
    auto b = Store::open(dir / "b.sqlite").value();
    SyncService sync(b, clock);
    const auto importStart = Stopwatch::now();
    const double importProcessorStart = processorMilliseconds();
    auto imported = sync.sync(dir / "folder", config);
    std::printf("sync: import of %d events into B, replaying 2000 items: %.0f ms, processor %.0f ms (target "
                "2000 ms)\n",
        imported ? imported->mergedEvents : -1, millisecondsSince(importStart),
        processorMilliseconds() - importProcessorStart);
    std::vector<double> noOps;
    for (int i = 0; i < 5; ++i) {
        const auto start = Stopwatch::now();
        (void)sync.sync(dir / "folder", config);
        noOps.push_back(millisecondsSince(start));
    }
    std::printf("sync: no-op sync of B, median of 5: %.1f ms (target 20 ms)\n", median(noOps));
    std::error_code error;
    std::filesystem::remove_all(dir, error);
    return 0;
}

int main(int argc, char** argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--sync") == 0) {
        return benchSync(argc > 2 ? std::atol(argv[2]) : 100'000);
    }
    if (argc >= 2 && std::strcmp(argv[1], "--plan-sim") == 0) {
        return benchPlanSim(argc > 2 ? argv[2] : MLAPREP_CONTENT_DIR);
    }
    if (argc == 3 && std::strcmp(argv[1], "--evaluate-weights") == 0) {
        return evaluateWeights(argv[2]);
    }
    if (argc >= 2 && std::strcmp(argv[1], "--optimizer") == 0) {
        if (argc == 4 && std::strcmp(argv[2], "--export-fsrs-histories") == 0) {
            return benchOptimizer(argv[3]);
        }
        return argc == 2 ? benchOptimizer(nullptr) : 2;
    }
    benchBundleLoad(argc > 1 ? argv[1] : MLAPREP_CONTENT_DIR);
    benchReplay();
    return benchOptimizer(nullptr);
}
