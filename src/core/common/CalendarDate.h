#pragma once

#include "common/Clock.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlaprep {

// A day of the calendar: the learner's exam date, or the day a content item's facts were last checked
// (`"verified": "2026-03-14"`). Ordered by date.
struct CalendarDate {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;

    std::string toText() const; // "2026-12-12"
    // Exactly YYYY-MM-DD naming a real day ("2026-02-30" and "2026-3-1" are refused).
    static std::optional<CalendarDate> fromText(const std::string& text);
    std::int64_t dayNumber() const; // days since 1970-01-01, as srs::studyDay counts
    static CalendarDate fromDayNumber(std::int64_t dayNumber);
    bool operator==(const CalendarDate&) const = default;
    // Written out rather than a defaulted <=>: <compare> trips Qt's moc on headers that include this one.
    bool operator<(const CalendarDate& other) const
    {
        return year != other.year  ? year < other.year
            : month != other.month ? month < other.month
                                   : day < other.day;
    }
};

// The learner's local calendar day at the clock's now.
CalendarDate localDate(const Clock& clock);

// The same day `months` months earlier; a day the earlier month lacks (31 March → 31 February) becomes
// that month's last day.
CalendarDate monthsBefore(CalendarDate date, int months);

} // namespace mlaprep
