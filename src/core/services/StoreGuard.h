#pragma once

#include "common/Result.h"
#include "store/DbError.h"

#include <filesystem>
#include <string>

namespace mlaprep {

// The one way a store failure becomes a problem the learner can act on: kind Store, the data file when
// known, the item the operation was about.
Problem storeProblem(std::string message, const std::filesystem::path& file = {}, std::string itemId = {});
// "could not read or save your study data: the data file is in use by another program (…)".
Problem storeProblem(const DbError& error, const std::string& itemId = {});

// The exception being handled, as a problem: a DbError is the data file's (Store), a filesystem error
// the disk's (Io), anything else a bug (Internal). Call it only inside a catch block; it is how every
// service turns an exception into a Result, so that none reaches the GUI's or the CLI's event loop.
Problem currentProblem(const std::string& itemId = {});

// Runs the body of one service call; any exception becomes a failed Result (currentProblem).
template <typename T, typename Body> Result<T> guardStore(Body&& body, const std::string& itemId = {})
{
    try {
        return body();
    } catch (...) {
        return Result<T>::failure(currentProblem(itemId));
    }
}

} // namespace mlaprep
