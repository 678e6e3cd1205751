#pragma once

#include "common/Clock.h"
#include "services/ProgressService.h"

#include <QString>

namespace mlaprep::gui {

// "New", or "Review · recall 87 % · due in 12 days · last answer right · 2 lapses".
QString itemStateText(const ItemProgress& progress, Instant now);
// A short badge for lists: "new", "learning", "87 %", with ✓/✗ of the last answer.
QString itemStateBadge(const ItemProgress& progress);

} // namespace mlaprep::gui
