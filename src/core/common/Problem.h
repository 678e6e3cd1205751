#pragma once

#include <string>
#include <vector>

namespace mlaprep {

enum class Severity { Warning, Error };

// Who can act on a problem, so that a screen can say what to do about it: the learner fixes what they
// typed or chose (UserInput), an author fixes content (Bundle: the bundle and the files imported into
// one), the learner restores their data file (Store), checks the disk or permissions (Io), or reports a
// bug (Internal: something mlaprep did not expect, such as an exception caught at a service boundary).
enum class ProblemKind { UserInput, Bundle, Store, Io, Internal };

// One thing wrong with an input, located precisely enough that an author can fix it without searching:
// the file (relative to the bundle root when there is one), the item id (or "#N", its position, when it
// has none), the field ("options[2].why" inside a list) and, where known, the line and column.
// `kind` comes last so that the many content problems built as { severity, file, id, field, message }
// keep their default.
struct Problem {
    Severity severity = Severity::Error;
    std::string file;
    std::string itemId;
    std::string field;
    std::string message;
    int line = 0; // 1-based; 0 when not known
    int column = 0; // 1-based; 0 when not known
    ProblemKind kind = ProblemKind::Bundle;

    bool isError() const { return severity == Severity::Error; }
};

using Problems = std::vector<Problem>;

// "FILE:LINE: ITEM_ID: FIELD: message" (":LINE" only when known), prefixed "warning: " for warnings
// (the cli.md format).
std::string formatProblem(const Problem& problem);

bool hasErrors(const Problems& problems);

// "user input", "bundle", "data file", "file system", "internal": the heading a screen groups problems under.
const char* toString(ProblemKind kind);

} // namespace mlaprep
