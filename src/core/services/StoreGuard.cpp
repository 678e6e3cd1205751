#include "services/StoreGuard.h"

namespace mlaprep {

Problem storeProblem(const DbError& error, const std::string& itemId)
{
    return Problem { Severity::Error, "", itemId, "",
        std::string("could not read or save your study data: the data file ") + toString(error.kind) + " ("
            + error.what() + ")" };
}

} // namespace mlaprep
