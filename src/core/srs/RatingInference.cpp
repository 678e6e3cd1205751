#include "srs/RatingInference.h"

namespace mlaprep::srs {

fsrs::Rating inferRating(
    bool correct, bool flagged, std::chrono::milliseconds duration, std::chrono::milliseconds slowAnswer)
{
    if (!correct) {
        return fsrs::Rating::Again;
    }
    if (flagged || duration > slowAnswer) {
        return fsrs::Rating::Hard;
    }
    return fsrs::Rating::Good;
}

} // namespace mlaprep::srs
