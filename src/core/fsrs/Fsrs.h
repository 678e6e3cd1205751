#pragma once

#include "fsrs/Formulas.h"
#include "fsrs/Parameters.h"
#include "fsrs/Rating.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace mlaprep::fsrs {

inline constexpr int MaxIntervalDays = 36500;

// What FSRS knows about one item's memory: stability S (days until retrievability falls to 90%) and
// difficulty D in [1, 10].
struct MemoryState {
    double stability;
    double difficulty;
};

// One review applied to a state: the state after it and the retrievability the item had at the review
// (1 on a same-day review), which review logs and fsrs-replay record.
struct ReviewStep {
    MemoryState state;
    double retrievability;
};

// The outcome of one rating: the new state and the next interval in whole days (without fuzz).
struct NextState {
    MemoryState state;
    int intervalDays;
};

// The four possible outcomes of the next review, for the next-interval texts on the rating buttons.
struct NextStates {
    NextState again;
    NextState hard;
    NextState good;
    NextState easy;

    const NextState& operator[](Rating rating) const;
};

// The FSRS-6 memory model over plain values. It holds no card, no date and no randomness: the caller
// owns the item and its due date, and passes elapsed whole days in (fsrs-rs FSRS::next_states).
// Cheap to copy; every member function is const and allocation-free, so one instance can be shared
// and used from several threads.
class Fsrs {
public:
    // parameters as checkAndFillParameters returns them (in particular w20 > 0); use create() for
    // weights that have not been checked.
    explicit Fsrs(const Parameters& parameters = DefaultParameters);

    // Checks and pads weights as checkAndFillParameters does.
    static Checked<Fsrs> create(std::span<const double> weights);

    const Parameters& parameters() const { return m_terms.w; }

    // The forgetting curve's exponent (-w20) and the factor that makes R(S, S) = 0.9.
    double decay() const { return m_terms.decay; }
    double factor() const { return m_terms.factor; }

    // Probability of recall after elapsedDays (>= 0) since the last review: (1 + factor*t/S)^decay.
    double retrievability(const MemoryState& state, double elapsedDays) const;

    // The state after an item's first review: S = w[G-1], D = w4 - exp(w5*(G-1)) + 1 in [1, 10].
    MemoryState initialState(Rating rating) const;

    // The state after a review. Without a state this is the first review (elapsedDays is ignored);
    // elapsedDays == 0 is a same-day review (short-term stability); otherwise the long-term success or
    // lapse formulas apply.
    MemoryState nextState(const std::optional<MemoryState>& state, double elapsedDays, Rating rating) const;

    // nextState for an item that has a state, also giving the retrievability at the review.
    ReviewStep review(const MemoryState& state, double elapsedDays, Rating rating) const;

    // Days until retrievability falls to desiredRetention (0 < r < 1), rounded half away from zero and
    // clamped to [1, maximumInterval].
    int nextInterval(double stability, double desiredRetention, int maximumInterval = MaxIntervalDays) const;

    // All four outcomes of reviewing now, elapsedDays after the last review.
    NextStates nextStates(const std::optional<MemoryState>& state, double desiredRetention,
        double elapsedDays, int maximumInterval = MaxIntervalDays) const;

    // nextInterval split in two so that loops over many reviews at one retention compute the
    // retention's power once: intervalDays(S, m) == nextInterval(S, r) when m == intervalMultiplier(r).
    double intervalMultiplier(double desiredRetention) const;
    static int intervalDays(double stability, double multiplier, int maximumInterval = MaxIntervalDays);

private:
    formulas::Terms<double> m_terms;
};

// Spreads due dates: moves an interval of at least 3 days to a day in the reference fuzz range
// (ts-fsrs get_fuzz_range: ±(1 + 15% of the part in [2.5, 7) + 10% of [7, 20) + 5% beyond 20) days, at
// least 2 days, at least elapsedDays + 1 when the interval exceeds elapsedDays, at most
// maximumInterval). The day is chosen by the seed alone (callers seed it per item and review, as
// Anki's get_fuzz_seed does), so equal inputs always give the same result.
int applyFuzz(int interval, double elapsedDays, std::uint64_t seed, int maximumInterval = MaxIntervalDays);

} // namespace mlaprep::fsrs
