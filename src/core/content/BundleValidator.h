#pragma once

#include "common/Problem.h"
#include "content/Bundle.h"

namespace mlaprep {

// The cross-item rules of the bundle contract (docs/content-format.md): unique ids, declared tasks,
// note links and heading slugs, answer keys against options, Select N, refs, why on every option,
// relative Markdown links, exam-guide bullets, freshness. Collects every problem; never stops at the first.
// In an imported bundle (origin "imported") the rules a foreign bank cannot meet are warnings. `today`
// dates the freshness rule (a `verified` date more than StaleAfterMonths before it is a warning).
Problems validateBundle(const Bundle& bundle, CalendarDate today);

} // namespace mlaprep
