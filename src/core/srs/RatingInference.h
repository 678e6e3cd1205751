#pragma once

#include "fsrs/Rating.h"

#include <chrono>

namespace mlaprep::srs {

// The rating a question answer implies (product.md, Review): wrong is Again; right but flagged as
// unsure, or slower than `slowAnswer`, is Hard; right is Good. Easy is never inferred: only the learner
// can claim it. The learner may change the inferred rating before it is recorded.
fsrs::Rating inferRating(
    bool correct, bool flagged, std::chrono::milliseconds duration, std::chrono::milliseconds slowAnswer);

} // namespace mlaprep::srs
