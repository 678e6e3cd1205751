#pragma once

#include <optional>
#include <string_view>

namespace mlaprep::srs {

// Where an answer was given. Only Review answers count against the daily limits and can be undone from
// the Review screen; exam and practice answers feed the same memory model.
enum class ReviewSource { Review, Exam, Practice };

constexpr std::string_view toString(ReviewSource source)
{
    switch (source) {
    case ReviewSource::Review:
        return "review";
    case ReviewSource::Exam:
        return "exam";
    case ReviewSource::Practice:
        break;
    }
    return "practice";
}

constexpr std::optional<ReviewSource> reviewSourceFromString(std::string_view text)
{
    if (text == "review") {
        return ReviewSource::Review;
    }
    if (text == "exam") {
        return ReviewSource::Exam;
    }
    if (text == "practice") {
        return ReviewSource::Practice;
    }
    return std::nullopt;
}

} // namespace mlaprep::srs
