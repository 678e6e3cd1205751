#include "srs/StudyDay.h"

#include <algorithm>

namespace mlaprep::srs {

namespace {

constexpr std::int64_t MsPerMinute = 60'000;
constexpr std::int64_t MsPerHour = 60 * MsPerMinute;
constexpr std::int64_t MsPerDay = 24 * MsPerHour;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace

std::int64_t studyDay(Instant at, int utcOffsetMinutes, int dayStartHour)
{
    const std::int64_t local = toEpochMilliseconds(at) + utcOffsetMinutes * MsPerMinute;
    return floorDiv(local - dayStartHour * MsPerHour, MsPerDay);
}

Instant startOfStudyDay(std::int64_t day, int utcOffsetMinutes, int dayStartHour)
{
    return fromEpochMilliseconds(day * MsPerDay + dayStartHour * MsPerHour - utcOffsetMinutes * MsPerMinute);
}

int elapsedStudyDays(Instant from, Instant to, int utcOffsetMinutes, int dayStartHour)
{
    const std::int64_t days
        = studyDay(to, utcOffsetMinutes, dayStartHour) - studyDay(from, utcOffsetMinutes, dayStartHour);
    return static_cast<int>(std::max<std::int64_t>(days, 0));
}

} // namespace mlaprep::srs
