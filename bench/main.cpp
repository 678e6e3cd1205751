// mlaprep_bench: prints figures, asserts nothing (targets live in the issues, not in tests).
//   mlaprep_bench [BUNDLE_DIR]

#include "content/BundleLoader.h"
#include "fsrs/Fsrs.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
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
        const auto start = Clock::now();
        const auto loaded = mlaprep::loadBundle(dir);
        times.push_back(millisecondsSince(start));
        items = loaded.bundle.cards.size() + loaded.bundle.scoredItems().size();
    }
    std::printf("bundle_load_and_validate_ms median %.1f (%zu cards and scored items, 7 runs)\n", median(times),
                items);
}

void benchReplay()
{
    using namespace mlaprep::fsrs;
    const Fsrs model;
    const double multiplier = model.intervalMultiplier(0.9);
    constexpr int Steps = 5'000'000;
    const Rating ratings[] = {Rating::Good, Rating::Good, Rating::Hard, Rating::Again, Rating::Good, Rating::Easy};
    MemoryState state = model.initialState(Rating::Good);
    long long checksum = 0;
    const auto start = Clock::now();
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

} // namespace

int main(int argc, char** argv)
{
    benchBundleLoad(argc > 1 ? argv[1] : MLAPREP_CONTENT_DIR);
    benchReplay();
    return 0;
}
