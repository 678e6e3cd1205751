#pragma once

#include "common/Clock.h"
#include "fsrs/Rating.h"
#include "srs/ItemState.h"
#include "srs/SchedulerConfig.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace mlaprep::srs {

// The result of one rating: the item's next state, the wait until it is due again and that wait as the
// short text shown on the rating button ("10m", "3d", "1.2mo").
struct Outcome {
    ItemState state;
    std::chrono::milliseconds interval {};
    // Whole days for Review-phase outcomes, 0 for (re)learning steps.
    int intervalDays = 0;

    // Made when shown, not with every outcome: a replay schedules thousands of answers and shows none.
    std::string intervalText() const;
};

// All four outcomes of reviewing an item now, in rating order.
struct Preview {
    std::array<Outcome, 4> outcomes;
    // Whole study days since the last review (0 for a new item or a same-day review).
    int elapsedDays = 0;

    const Outcome& operator[](fsrs::Rating rating) const&;
    // On a temporary preview, a copy: `const auto& o = preview(...)[r]` must not dangle.
    Outcome operator[](fsrs::Rating rating) &&;
};

// The seed Anki's get_fuzz_seed uses: the item id hashed, plus the number of reviews, so every review
// of an item gets its own but reproducible fuzz.
std::uint64_t fuzzSeed(std::string_view itemId, int reps);

// What each rating would do to `state` at `now`. Learning and relearning steps are minutes after `now`;
// review intervals come from FSRS at the configured retention, kept in order (hard <= good < easy),
// fuzzed with `seed` when config.fuzz is set, and fall due at the start of their study day. The
// memory state is updated on every rating; a review on the same study day as the last one uses the
// FSRS short-term stability (elapsed days 0).
Preview preview(const ItemState& state, Instant now, int utcOffsetMinutes, const SchedulerConfig& config,
    std::uint64_t seed = 0);

// preview(...)[rating].state.
ItemState apply(const ItemState& state, fsrs::Rating rating, Instant now, int utcOffsetMinutes,
    const SchedulerConfig& config, std::uint64_t seed = 0);

// "<1m", "10m", "1.5h", "3d", "2.1mo", "1.2y".
std::string formatInterval(std::chrono::milliseconds interval);

} // namespace mlaprep::srs
