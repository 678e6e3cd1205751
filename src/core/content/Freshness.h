#pragma once

#include "common/CalendarDate.h"
#include "content/Bundle.h"

#include <cstddef>
#include <string>
#include <vector>

namespace mlaprep {

// AWS changes limits, names and defaults often enough that a fact checked more than a year ago is due
// for another look.
inline constexpr int StaleAfterMonths = 12;

bool isStale(CalendarDate verified, CalendarDate today);

struct VerifiedItem {
    std::string id;
    CalendarDate verified;
};

// The questions (case parents and children with a date of their own included) and cards checked
// longest ago, oldest first (ties by id), at most `limit`: what a maintainer re-checks next.
std::vector<VerifiedItem> stalestItems(const Bundle& bundle, std::size_t limit);

} // namespace mlaprep
