#pragma once

#include <chrono>

namespace mlaprep {

using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// Time is an input (house rule 4): services take a Clock, tests pass a manual one.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
    // Minutes east of UTC at `at`, for local day boundaries ("the next day starts at 4 am").
    virtual int utcOffsetMinutes(Instant at) const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override;
    int utcOffsetMinutes(Instant at) const override;
};

inline long long toEpochMilliseconds(Instant at)
{
    return at.time_since_epoch().count();
}

inline Instant fromEpochMilliseconds(long long ms)
{
    return Instant(std::chrono::milliseconds(ms));
}

} // namespace mlaprep
