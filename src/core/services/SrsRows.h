#pragma once

#include "srs/ExamDayPolicy.h"
#include "srs/ItemKind.h"
#include "srs/ItemState.h"
#include "store/ItemStateRepository.h"
#include "store/ReviewLogRepository.h"

#include <string>

namespace mlaprep {

// Conversions between the scheduler's values and store rows. Internal to services/ (only .cpp files
// include it), so that services headers keep store types forward-declared.
srs::ItemState toItemState(const ItemStateRow& row);
ItemStateRow toItemStateRow(const std::string& itemId, srs::ItemKind kind, const srs::ItemState& state);
// An item state as the exam-day policy sees it, days counted as study days.
srs::ExamDayItem toExamDayItem(
    const ItemStateRow& row, double weight, int utcOffsetMinutes, int dayStartHour);
// The state a review_log row records from before its answer.
srs::ItemState stateBefore(const ReviewLogRow& row);

} // namespace mlaprep
