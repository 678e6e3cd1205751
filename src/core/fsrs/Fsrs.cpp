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

double initialDifficulty(const Parameters& w, Rating rating)
{
    return w[4] - std::exp(w[5] * (toGrade(rating) - 1)) + 1.0;
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
    : m_w(parameters)
    , m_decay(-parameters[20])
    , m_factor(std::pow(0.9, 1.0 / m_decay) - 1.0)
    , m_expW8(std::exp(parameters[8]))
    // Mean reversion pulls towards the unclamped initial difficulty of Easy, as fsrs-rs does.
    , m_meanReversionTarget(initialDifficulty(parameters, Rating::Easy))
    , m_lapseCapDivisor(std::exp(parameters[17] * parameters[18]))
    , m_sameDayFactor {}
{
    for (const Rating rating : AllRatings) {
        const int grade = toGrade(rating);
        m_sameDayFactor[static_cast<std::size_t>(grade - 1)] = std::exp(m_w[17] * (grade - 3 + m_w[18]));
    }
}

Result<Fsrs> Fsrs::create(std::span<const double> weights)
{
    auto parameters = checkAndFillParameters(weights);
    if (!parameters) {
        return Result<Fsrs>::failure(parameters.problems());
    }
    return Fsrs(parameters.value());
}

double Fsrs::retrievability(const MemoryState& state, double elapsedDays) const
{
    const double stability = std::clamp(state.stability, MinStability, MaxStability);
    return std::pow(1.0 + m_factor * std::max(elapsedDays, 0.0) / stability, m_decay);
}

MemoryState Fsrs::initialState(Rating rating) const
{
    const double stability = m_w[static_cast<std::size_t>(toGrade(rating) - 1)];
    return MemoryState {
        std::clamp(stability, MinStability, MaxStability),
        std::clamp(initialDifficulty(m_w, rating), MinDifficulty, MaxDifficulty),
    };
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
    const double stability = std::clamp(state.stability, MinStability, MaxStability);
    const double difficulty = std::clamp(state.difficulty, MinDifficulty, MaxDifficulty);

    double newStability = 0.0;
    double retrievability = 1.0;
    if (elapsedDays <= 0.0) {
        newStability = sameDayStability(stability, rating);
    } else {
        retrievability = std::pow(1.0 + m_factor * elapsedDays / stability, m_decay);
        newStability = rating == Rating::Again
            ? stabilityAfterLapse(stability, difficulty, retrievability)
            : stabilityAfterSuccess(stability, difficulty, retrievability, rating);
    }

    return ReviewStep {
        MemoryState {
            std::clamp(newStability, MinStability, MaxStability),
            nextDifficulty(difficulty, rating),
        },
        retrievability,
    };
}

double Fsrs::nextDifficulty(double difficulty, Rating rating) const
{
    // Linear damping: the step shrinks as D approaches 10, so difficulty saturates instead of sticking
    // at the bound after a run of Agains.
    const double delta = -m_w[6] * (toGrade(rating) - 3);
    const double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
    const double reverted = m_w[7] * (m_meanReversionTarget - damped) + damped;
    return std::clamp(reverted, MinDifficulty, MaxDifficulty);
}

double Fsrs::stabilityAfterSuccess(
    double stability, double difficulty, double retrievability, Rating rating) const
{
    const double hardPenalty = rating == Rating::Hard ? m_w[15] : 1.0;
    const double easyBonus = rating == Rating::Easy ? m_w[16] : 1.0;
    return stability
        * (m_expW8 * (11.0 - difficulty) * std::pow(stability, -m_w[9])
                * (std::exp((1.0 - retrievability) * m_w[10]) - 1.0) * hardPenalty * easyBonus
            + 1.0);
}

double Fsrs::stabilityAfterLapse(double stability, double difficulty, double retrievability) const
{
    const double longTerm = m_w[11] * std::pow(difficulty, -m_w[12])
        * (std::pow(stability + 1.0, m_w[13]) - 1.0) * std::exp((1.0 - retrievability) * m_w[14]);
    // A lapse never leaves the item more stable than a same-day Again would (the FSRS-6 post-lapse cap).
    return std::min(longTerm, stability / m_lapseCapDivisor);
}

double Fsrs::sameDayStability(double stability, Rating rating) const
{
    double increase = m_sameDayFactor[static_cast<std::size_t>(toGrade(rating) - 1)];
    if (m_w[19] != 0.0) {
        increase *= std::pow(stability, -m_w[19]);
    }
    // A passed same-day review (Hard or better) never lowers stability.
    if (rating != Rating::Again) {
        increase = std::max(increase, 1.0);
    }
    return stability * increase;
}

double Fsrs::intervalMultiplier(double desiredRetention) const
{
    return (std::pow(desiredRetention, 1.0 / m_decay) - 1.0) / m_factor;
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
