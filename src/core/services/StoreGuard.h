#pragma once

#include "common/Result.h"
#include "store/DbError.h"

#include <string>

namespace mlaprep {

// A store failure as a problem the learner can act on ("the data file is in use by another program").
Problem storeProblem(const DbError& error, const std::string& itemId = {});

// Runs one store operation; a DbError becomes a failed Result, so no exception leaves services/.
template <typename T, typename Body> Result<T> guardStore(Body&& body, const std::string& itemId = {})
{
    try {
        return body();
    } catch (const DbError& error) {
        return Result<T>::failure(storeProblem(error, itemId));
    }
}

} // namespace mlaprep
