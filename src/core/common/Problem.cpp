#include "common/Problem.h"

#include <algorithm>

namespace mlaprep {

std::string formatProblem(const Problem& problem)
{
    std::string text = problem.severity == Severity::Warning ? "warning: " : "";
    text += problem.file.empty() ? "-" : problem.file;
    if (problem.line > 0) {
        text += ":" + std::to_string(problem.line);
    }
    text += ": ";
    text += problem.itemId.empty() ? "-" : problem.itemId;
    text += ": ";
    text += problem.field.empty() ? "-" : problem.field;
    text += ": ";
    text += problem.message;
    return text;
}

bool hasErrors(const Problems& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.isError(); });
}

const char* toString(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::UserInput:
        return "user input";
    case ProblemKind::Bundle:
        return "bundle";
    case ProblemKind::Store:
        return "data file";
    case ProblemKind::Io:
        return "file system";
    case ProblemKind::Internal:
        break;
    }
    return "internal";
}

} // namespace mlaprep
