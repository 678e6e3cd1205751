#pragma once

#include <string>
#include <vector>

namespace mlaprep {

enum class Severity { Warning, Error };

// One thing wrong with an input, located precisely enough that an author can fix it without searching:
// the file (relative to the bundle root when there is one), the item id and the field.
struct Problem {
    Severity severity = Severity::Error;
    std::string file;
    std::string itemId;
    std::string field;
    std::string message;

    bool isError() const { return severity == Severity::Error; }
};

using Problems = std::vector<Problem>;

// "FILE: ITEM_ID: FIELD: message", prefixed "warning: " for warnings (the cli.md format).
std::string formatProblem(const Problem& problem);

bool hasErrors(const Problems& problems);

} // namespace mlaprep
