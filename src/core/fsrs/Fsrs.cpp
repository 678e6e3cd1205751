#include "fsrs/Fsrs.h"

#include <algorithm>
#include <cmath>

namespace mlaprep::fsrs {

namespace {

// Fuzz ranges from ts-fsrs / py-fsrs FUZZ_RANGES: {start, end, share of the interval in [start, end)}.
struct FuzzRange {
    double start;
    double end;
    double factor;
};

constexpr std::array<FuzzRange, 3> FuzzRanges = { {
    { 2.5, 7.0, 0.15 },
    { 7.0, 20.0, 0.1 },
    { 20.0, 1.0e300, 0.05 },
} };

// A well-mixed 64-bit value from the seed (SplitMix64 finaliser), so nearby seeds such as
// hash(itemId) + reps give unrelated fuzz.
std::uint64_t mixSeed(std::uint64_t seed)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

// A uniform double in [0, 1) from the 53 high bits.
double unitInterval(std::uint64_t bits)
{
    return static_cast<double>(bits >> 11U) * 0x1.0p-53;
}

} // namespace

const NextState& NextStates::operator[](Rating rating) const
{
    switch (rating) {
    case Rating::Again:
        return again;
    case Rating::Hard:
        return hard;
    case Rating::Good:
        return good;
    case Rating::Easy:
        break;
    }
    return easy;
}

Fsrs::Fsrs(const Parameters& parameters)
    : m_terms(parameters)
{
}

Checked<Fsrs> Fsrs::create(std::span<const double> weights)
{
    auto parameters = checkAndFillParameters(weights);
    if (!parameters) {
        return Checked<Fsrs>::failure(parameters.problems());
    }
    return Fsrs(parameters.value());
}

double Fsrs::retrievability(const MemoryState& state, double elapsedDays) const
{
    const double stability = std::clamp(state.stability, MinStability, MaxStability);
    return formulas::retrievability(m_terms, stability, std::max(elapsedDays, 0.0));
}

MemoryState Fsrs::initialState(Rating rating) const
{
    const formulas::Step<double> step = formulas::firstReview(m_terms, rating);
    return MemoryState { step.stability, step.difficulty };
}

MemoryState Fsrs::nextState(const std::optional<MemoryState>& state, double elapsedDays, Rating rating) const
{
    if (!state) {
        return initialState(rating);
    }
    return review(*state, elapsedDays, rating).state;
}

ReviewStep Fsrs::review(const MemoryState& state, double elapsedDays, Rating rating) const
{
    // Stored states may come from other tools or older versions; clamping first keeps pow() defined.
    const formulas::Step<double> step
        = formulas::laterReview(m_terms, std::clamp(state.stability, MinStability, MaxStability),
            std::clamp(state.difficulty, MinDifficulty, MaxDifficulty), elapsedDays, rating);
    return ReviewStep { MemoryState { step.stability, step.difficulty }, step.retrievability };
}

double Fsrs::intervalMultiplier(double desiredRetention) const
{
    return (std::pow(desiredRetention, 1.0 / m_terms.decay) - 1.0) / m_terms.factor;
}

int Fsrs::intervalDays(double stability, double multiplier, int maximumInterval)
{
    const double upper = std::max(1.0, static_cast<double>(maximumInterval));
    const double days = std::round(stability * multiplier);
    // NaN (from a nonsensical retention) compares false and so becomes the 1-day minimum.
    return static_cast<int>(days >= 1.0 ? std::min(days, upper) : 1.0);
}

int Fsrs::nextInterval(double stability, double desiredRetention, int maximumInterval) const
{
    return intervalDays(stability, intervalMultiplier(desiredRetention), maximumInterval);
}

NextStates Fsrs::nextStates(const std::optional<MemoryState>& state, double desiredRetention,
    double elapsedDays, int maximumInterval) const
{
    const double multiplier = intervalMultiplier(desiredRetention);
    const auto outcome = [&](Rating rating) {
        const MemoryState next = nextState(state, elapsedDays, rating);
        return NextState { next, intervalDays(next.stability, multiplier, maximumInterval) };
    };
    return NextStates {
        outcome(Rating::Again),
        outcome(Rating::Hard),
        outcome(Rating::Good),
        outcome(Rating::Easy),
    };
}

int applyFuzz(int interval, double elapsedDays, std::uint64_t seed, int maximumInterval)
{
    if (interval < 3) {
        return interval;
    }
    const double days = interval;
    double delta = 1.0;
    for (const FuzzRange& range : FuzzRanges) {
        delta += range.factor * std::max(std::min(days, range.end) - range.start, 0.0);
    }
    const double cappedDays = std::min(days, static_cast<double>(maximumInterval));
    double minimum = std::max(2.0, std::round(cappedDays - delta));
    const double maximum = std::min(std::round(cappedDays + delta), static_cast<double>(maximumInterval));
    if (cappedDays > elapsedDays) {
        minimum = std::max(minimum, std::floor(elapsedDays) + 1.0);
    }
    minimum = std::min(minimum, maximum);

    const double fuzzed = std::floor(unitInterval(mixSeed(seed)) * (maximum - minimum + 1.0) + minimum);
    return static_cast<int>(std::clamp(fuzzed, minimum, maximum));
}

} // namespace mlaprep::fsrs
