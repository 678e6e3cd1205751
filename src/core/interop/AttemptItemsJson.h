#pragma once

#include "store/ExamRepository.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlaprep {

// An attempt's items and answer changes: the nested part of an exam-finished sync event
// (services/ExamEvents.h).
struct AttemptItems {
    std::vector<ExamItemRow> items; // in position order
    std::vector<AnswerChangeRow> changes; // in the order they were made
};

// [{"answer", "case", "changes": [{"answer", "at", "elapsed"}], "correct", "flagged", "id", "options",
// "scored", "struck", "time"}] in position order, each item with its own changes: canonical (keys
// sorted, no spaces), so equal attempts make equal text. A cleared answer and an unscored result are null.
std::string attemptItemsJson(const AttemptItems& attempt);
// Nothing when `text` is not what attemptItemsJson writes (a field missing or of the wrong kind), or
// names an item twice.
std::optional<AttemptItems> attemptItemsFromJson(std::string_view text);

} // namespace mlaprep
