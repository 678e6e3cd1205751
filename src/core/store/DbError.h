#pragma once

#include <stdexcept>
#include <string>

namespace mlaprep {

// Store failures by kind, mapped from SQLite result codes here and nowhere else, so the GUI can say
// something specific ("made by a newer mlaprep", "damaged", "in use") instead of a raw code.
struct DbError : std::runtime_error {
    enum class Kind { FileTooNew, Corrupt, Locked, Io, Constraint, Other };

    DbError(Kind errorKind, const std::string& detail)
        : std::runtime_error(detail)
        , kind(errorKind)
    {
    }

    Kind kind;
};

const char* toString(DbError::Kind kind);

} // namespace mlaprep
