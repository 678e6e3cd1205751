#pragma once

#include "common/Clock.h"

#include <cstdint>

namespace mlaprep::srs {

// The learner's study day: a local calendar day that starts at dayStartHour (Anki's "next day starts
// at"), so reviews after midnight still count for the evening before. Day numbers count from the Unix
// epoch; only differences between them matter.
std::int64_t studyDay(Instant at, int utcOffsetMinutes, int dayStartHour);

// The instant study day `day` begins.
Instant startOfStudyDay(std::int64_t day, int utcOffsetMinutes, int dayStartHour);

// Whole study days from `from` to `to` (0 when both are on the same study day, never negative): the
// elapsed_days FSRS takes, so a review at 3 am after one at 11 pm is a same-day review.
int elapsedStudyDays(Instant from, Instant to, int utcOffsetMinutes, int dayStartHour);

} // namespace mlaprep::srs
