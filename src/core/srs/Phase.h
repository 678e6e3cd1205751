#pragma once

#include <optional>

namespace mlaprep::srs {

// Anki's card queues. The numeric values are stored in item_states.phase and review_log, so they must
// not be renumbered.
enum class Phase {
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
};

constexpr std::optional<Phase> phaseFromInt(long long value)
{
    if (value < 0 || value > 3) {
        return std::nullopt;
    }
    return static_cast<Phase>(value);
}

constexpr int toInt(Phase phase)
{
    return static_cast<int>(phase);
}

} // namespace mlaprep::srs
