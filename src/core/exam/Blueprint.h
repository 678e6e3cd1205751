#pragma once

// exam/ owns mock exams as values: the blueprint arithmetic, seeded assembly, scoring and the report.
// Pure functions over the bundle and answers; it never includes store/ (services/ persist attempts).

#include "content/Bundle.h"

#include <map>
#include <string>
#include <vector>

namespace mlaprep {

// Splits `total` over weighted parts by the largest-remainder (Hamilton) method: each part gets the
// floor of its exact share, and the parts with the largest fractional remainders get one more until
// the total is reached (ties go to the earlier part). 65 over 0.28/0.26/0.22/0.24 gives 18/17/14/16.
std::vector<int> apportion(int total, const std::vector<double>& weights);

// Items per domain id for an exam of `questions` items, in manifest order.
std::map<std::string, int> domainTargets(const Bundle& bundle, int questions);

} // namespace mlaprep
