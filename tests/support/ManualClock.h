#pragma once

#include "common/Clock.h"

namespace mlaprep::test {

// A clock that moves only when told to, in a fixed UTC offset.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Instant start = fromEpochMilliseconds(1'795'000'000'000), int offsetMinutes = 0)
        : m_now(start)
        , m_offsetMinutes(offsetMinutes)
    {
    }

    Instant now() const override { return m_now; }
    int utcOffsetMinutes(Instant) const override { return m_offsetMinutes; }

    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    Instant m_now;
    int m_offsetMinutes;
};

} // namespace mlaprep::test
