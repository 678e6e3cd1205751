#include "srs/Scheduler.h"

#include "srs/ExamDayPolicy.h"
#include "srs/StudyDay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace mlaprep::srs {

namespace {

using fsrs::Rating;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::size_t indexOf(Rating rating)
{
    return static_cast<std::size_t>(fsrs::toGrade(rating) - 1);
}

// Anki's delay for Hard on a (re)learning step: the mean of the first two steps on the first step, half
// again the only step (at most a day more), else the current step repeated.
seconds hardDelay(const std::vector<minutes>& steps, int step)
{
    if (steps.size() == 1) {
        return std::min(seconds(steps[0]) * 3 / 2, seconds(steps[0] + minutes(24 * 60)));
    }
    if (step == 0) {
        return (seconds(steps[0]) + seconds(steps[1])) / 2;
    }
    return steps[static_cast<std::size_t>(step)];
}

struct ReviewIntervals {
    std::array<int, 4> days;
};

// FSRS intervals for the four ratings, fuzzed and put in order as Anki does for FSRS: easy always
// beyond good and, for an item in review, hard never beyond good and good beyond hard. Graduating from
// learning takes the good interval as it is.
ReviewIntervals reviewIntervals(const fsrs::NextStates& next, int elapsedDays, const SchedulerConfig& config,
    std::uint64_t seed, bool inReview)
{
    const int maximum = config.maximumIntervalDays;
    auto fuzzed
        = [&](int days) { return config.fuzz ? fsrs::applyFuzz(days, elapsedDays, seed, maximum) : days; };
    int hard = fuzzed(next.hard.intervalDays);
    int good = fuzzed(next.good.intervalDays);
    int easy = fuzzed(next.easy.intervalDays);
    if (inReview) {
        hard = std::min(hard, good);
        good = std::min(std::max(good, hard + 1), maximum);
    }
    easy = std::min(std::max(easy, good + 1), maximum);
    return ReviewIntervals { { fuzzed(next.again.intervalDays), hard, good, easy } };
}

Outcome stepOutcome(const ItemState& base, Phase phase, int step, seconds delay, Instant now)
{
    Outcome outcome;
    outcome.state = base;
    outcome.state.phase = phase;
    outcome.state.step = step;
    outcome.state.due = now + delay;
    outcome.interval = delay;
    return outcome;
}

Outcome reviewOutcome(const ItemState& base, int days, Instant now, int utcOffsetMinutes, int dayStartHour)
{
    Outcome outcome;
    outcome.state = base;
    outcome.state.phase = Phase::Review;
    outcome.state.step = 0;
    const std::int64_t today = studyDay(now, utcOffsetMinutes, dayStartHour);
    outcome.state.due = startOfStudyDay(today + days, utcOffsetMinutes, dayStartHour);
    outcome.intervalDays = days;
    outcome.interval = std::chrono::hours(24 * days);
    return outcome;
}

} // namespace

std::string Outcome::intervalText() const
{
    return formatInterval(interval);
}

const Outcome& Preview::operator[](Rating rating) const&
{
    return outcomes[indexOf(rating)];
}

Outcome Preview::operator[](Rating rating) &&
{
    return std::move(outcomes[indexOf(rating)]);
}

std::uint64_t fuzzSeed(std::string_view itemId, int reps)
{
    // FNV-1a: stable across platforms and library versions, unlike std::hash.
    std::uint64_t hash = 1469598103934665603ULL;
    for (const char c : itemId) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash + static_cast<std::uint64_t>(reps);
}

Preview preview(const ItemState& state, Instant now, int utcOffsetMinutes, const SchedulerConfig& config,
    std::uint64_t seed)
{
    const fsrs::Fsrs model(config.parameters);
    Preview result;
    result.elapsedDays = state.lastReview
        ? elapsedStudyDays(*state.lastReview, now, utcOffsetMinutes, config.dayStartHour)
        : 0;
    const fsrs::NextStates next = model.nextStates(
        state.memory, config.desiredRetention, result.elapsedDays, config.maximumIntervalDays);
    const ReviewIntervals intervals
        = reviewIntervals(next, result.elapsedDays, config, seed, state.phase == Phase::Review);
    const std::int64_t today = studyDay(now, utcOffsetMinutes, config.dayStartHour);
    const bool examAhead = config.examDay && today < *config.examDay;

    for (const Rating rating : fsrs::AllRatings) {
        ItemState base = state;
        base.memory = next[rating].state;
        base.lastReview = now;
        base.reps = state.reps + 1;
        const int fsrsDays = intervals.days[indexOf(rating)];
        const int days = config.examDay
            ? examDayInterval(model, next[rating].state, today, fsrsDays, *config.examDay, seed)
            : fsrsDays;
        auto graduate = [&] { return reviewOutcome(base, days, now, utcOffsetMinutes, config.dayStartHour); };

        Outcome outcome;
        switch (state.phase) {
        case Phase::New:
        case Phase::Learning:
        case Phase::Relearning: {
            const bool relearning = state.phase == Phase::Relearning;
            const auto& steps = relearning ? config.relearningSteps : config.learningSteps;
            const Phase stepPhase = relearning ? Phase::Relearning : Phase::Learning;
            const int step = state.phase == Phase::New
                ? 0
                : std::clamp(state.step, 0, std::max(0, static_cast<int>(steps.size()) - 1));
            if (steps.empty() || rating == Rating::Easy || (examAhead && examDaySkipsStep(rating))) {
                outcome = graduate();
            } else if (rating == Rating::Again) {
                outcome = stepOutcome(base, stepPhase, 0, steps[0], now);
            } else if (rating == Rating::Hard) {
                outcome = stepOutcome(base, stepPhase, step, hardDelay(steps, step), now);
            } else if (step + 1 < static_cast<int>(steps.size())) {
                outcome
                    = stepOutcome(base, stepPhase, step + 1, steps[static_cast<std::size_t>(step + 1)], now);
            } else {
                outcome = graduate();
            }
            break;
        }
        case Phase::Review:
            if (rating == Rating::Again) {
                base.lapses = state.lapses + 1;
                outcome = config.relearningSteps.empty()
                    ? graduate()
                    : stepOutcome(base, Phase::Relearning, 0, config.relearningSteps[0], now);
            } else {
                outcome = graduate();
            }
            break;
        }
        result.outcomes[indexOf(rating)] = std::move(outcome);
    }
    return result;
}

ItemState apply(const ItemState& state, Rating rating, Instant now, int utcOffsetMinutes,
    const SchedulerConfig& config, std::uint64_t seed)
{
    return preview(state, now, utcOffsetMinutes, config, seed)[rating].state;
}

std::string formatInterval(milliseconds interval)
{
    const double minutesTotal = static_cast<double>(interval.count()) / 60'000.0;
    char text[32];
    auto compact = [&](double value, const char* unit) {
        // One decimal below 10 units unless it is whole: "1.5h", "10h", "2d".
        const double rounded = std::round(value * 10.0) / 10.0;
        if (rounded < 10.0 && std::fabs(rounded - std::round(rounded)) > 1e-9) {
            std::snprintf(text, sizeof text, "%.1f%s", rounded, unit);
        } else {
            std::snprintf(text, sizeof text, "%.0f%s", std::round(value), unit);
        }
        return std::string(text);
    };
    if (minutesTotal < 1.0) {
        return "<1m";
    }
    if (minutesTotal < 60.0) {
        return compact(std::round(minutesTotal), "m");
    }
    const double hours = minutesTotal / 60.0;
    if (hours < 24.0) {
        return compact(hours, "h");
    }
    const double days = hours / 24.0;
    if (days < 30.0) {
        return compact(std::round(days), "d");
    }
    if (days < 365.0) {
        return compact(days / 30.0, "mo");
    }
    return compact(days / 365.0, "y");
}

} // namespace mlaprep::srs
