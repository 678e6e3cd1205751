#pragma once

#include <array>
#include <optional>

namespace mlaprep::fsrs {

// The learner's answer to a review. The numeric values are the FSRS grades G that enter the formulas
// (and the values stored in review logs and in fsrs-replay input), so they must not be renumbered.
enum class Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
};

inline constexpr std::array<Rating, 4> AllRatings = {
    Rating::Again,
    Rating::Hard,
    Rating::Good,
    Rating::Easy,
};

constexpr int toGrade(Rating rating)
{
    return static_cast<int>(rating);
}

// Empty for anything but 1..4, so that untrusted numbers (files, databases) never become a Rating
// outside the enum's range.
constexpr std::optional<Rating> ratingFromGrade(long long grade)
{
    if (grade < 1 || grade > 4) {
        return std::nullopt;
    }
    return static_cast<Rating>(grade);
}

} // namespace mlaprep::fsrs
