#pragma once

#include "common/Clock.h"
#include "fsrs/Fsrs.h"
#include "srs/Phase.h"

#include <optional>

namespace mlaprep::srs {

// Everything the scheduler knows about one item. A New item has no memory state and no last review;
// its due instant only orders new items (the position in the bundle).
struct ItemState {
    Phase phase = Phase::New;
    // Index into the learning or relearning steps while in those phases, else 0.
    int step = 0;
    std::optional<fsrs::MemoryState> memory;
    Instant due {};
    std::optional<Instant> lastReview;
    int reps = 0;
    int lapses = 0;
};

} // namespace mlaprep::srs
