#include "services/StoreGuard.h"

#include <exception>

namespace mlaprep {

Problem storeProblem(std::string message, const std::filesystem::path& file, std::string itemId)
{
    return Problem { Severity::Error, file.string(), std::move(itemId), "", std::move(message), 0, 0,
        ProblemKind::Store };
}

Problem storeProblem(const DbError& error, const std::string& itemId)
{
    return storeProblem(std::string("could not read or save your study data: the data file ")
            + toString(error.kind) + " (" + error.what() + ")",
        {}, itemId);
}

Problem currentProblem(const std::string& itemId)
{
    try {
        throw;
    } catch (const DbError& error) {
        return storeProblem(error, itemId);
    } catch (const std::filesystem::filesystem_error& error) {
        return Problem { Severity::Error, error.path1().string(), itemId, "",
            std::string("the file system refused: ") + error.code().message(), 0, 0, ProblemKind::Io };
    } catch (const std::exception& error) {
        return Problem { Severity::Error, "", itemId, "",
            std::string("mlaprep hit an unexpected error (please report it): ") + error.what(), 0, 0,
            ProblemKind::Internal };
    } catch (...) {
        return Problem { Severity::Error, "", itemId, "",
            "mlaprep hit an unexpected error of unknown type (please report it)", 0, 0,
            ProblemKind::Internal };
    }
}

} // namespace mlaprep
