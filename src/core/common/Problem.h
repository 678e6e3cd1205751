#pragma once

#include <string>
#include <vector>

namespace mlaprep {

enum class Severity { Warning, Error };

// One thing wrong with an input, located precisely enough that an author can fix it without searching:
// the file (relative to the bundle root when there is one), the item id (or "#N", its position, when it
// has none), the field ("options[2].why" inside a list) and, where known, the line and column.
struct Problem {
    Severity severity = Severity::Error;
    std::string file;
    std::string itemId;
    std::string field;
    std::string message;
    int line = 0; // 1-based; 0 when not known
    int column = 0; // 1-based; 0 when not known

    bool isError() const { return severity == Severity::Error; }
};

using Problems = std::vector<Problem>;

// "FILE:LINE: ITEM_ID: FIELD: message" (":LINE" only when known), prefixed "warning: " for warnings
// (the cli.md format).
std::string formatProblem(const Problem& problem);

bool hasErrors(const Problems& problems);

} // namespace mlaprep
