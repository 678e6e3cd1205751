#pragma once

#include "fsrs/Optimizer.h"

#include <QString>

namespace mlaprep::gui {

// What the optimiser found, in words a learner reads: how many past reviews it learned from, how much
// better the fitted scheduler predicts what they remember, and how far its recall estimates are off.
QString optimiserSummary(const fsrs::Evaluation& before, const fsrs::Evaluation& after);

} // namespace mlaprep::gui
