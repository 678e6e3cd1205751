#include "common/Clock.h"

#include <ctime>

namespace mlaprep {

Instant SystemClock::now() const
{
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

int SystemClock::utcOffsetMinutes(Instant at) const
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm local {};
    localtime_r(&seconds, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

} // namespace mlaprep
