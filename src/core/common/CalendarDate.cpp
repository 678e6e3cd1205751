#include "common/CalendarDate.h"

#include <chrono>
#include <cstdio>

namespace mlaprep {

namespace {

std::chrono::year_month_day toChrono(const CalendarDate& date)
{
    return { std::chrono::year(date.year), std::chrono::month(date.month), std::chrono::day(date.day) };
}

CalendarDate fromChrono(const std::chrono::year_month_day& date)
{
    return CalendarDate { static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
        static_cast<unsigned>(date.day()) };
}

bool isDigits(const std::string& text, std::size_t from, std::size_t count)
{
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

} // namespace

std::string CalendarDate::toText() const
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
}

std::optional<CalendarDate> CalendarDate::fromText(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !isDigits(text, 0, 4)
        || !isDigits(text, 5, 2) || !isDigits(text, 8, 2)) {
        return std::nullopt;
    }
    const CalendarDate date { std::stoi(text.substr(0, 4)),
        static_cast<unsigned>(std::stoi(text.substr(5, 2))),
        static_cast<unsigned>(std::stoi(text.substr(8, 2))) };
    if (!toChrono(date).ok()) {
        return std::nullopt;
    }
    return date;
}

std::int64_t CalendarDate::dayNumber() const
{
    const std::chrono::sys_days days = toChrono(*this);
    return days.time_since_epoch().count();
}

CalendarDate CalendarDate::fromDayNumber(std::int64_t dayNumber)
{
    return fromChrono(std::chrono::year_month_day { std::chrono::sys_days(std::chrono::days(dayNumber)) });
}

CalendarDate localDate(const Clock& clock)
{
    const Instant now = clock.now();
    const auto local = now + std::chrono::minutes(clock.utcOffsetMinutes(now));
    return fromChrono(std::chrono::year_month_day { std::chrono::floor<std::chrono::days>(local) });
}

CalendarDate monthsBefore(CalendarDate date, int months)
{
    std::chrono::year_month_day earlier = toChrono(date) - std::chrono::months(months);
    if (!earlier.ok()) {
        earlier
            = std::chrono::year_month_day_last(earlier.year(), std::chrono::month_day_last(earlier.month()));
    }
    return fromChrono(earlier);
}

} // namespace mlaprep
