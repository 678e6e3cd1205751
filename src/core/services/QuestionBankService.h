#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "interop/QuestionBank.h"

#include <filesystem>
#include <vector>

namespace mlaprep {

// What importing a question bank produced: the converted bank (counts and what could not be mapped) and
// the problems of the written bundle, checked as `validate` would, so the caller knows it opens.
struct QuestionBankImport {
    interop::ConvertedBank bank;
    Problems bundleProblems;
};

// Turns another tool's question-bank JSON files into a new bundle folder, for the app's menu and the
// CLI alike. Needs no store: the result is a bundle the learner opens afterwards.
class QuestionBankService {
public:
    explicit QuestionBankService(const Clock& clock)
        : m_clock(clock)
    {
    }

    // Each file must be a regular file of at most 64 MiB (not a folder, pipe or device); `outDir` must
    // not exist or be empty, and nothing is left in it on failure.
    Result<QuestionBankImport> importFiles(const std::vector<std::filesystem::path>& files,
        const std::filesystem::path& outDir, const interop::QuestionBankOptions& options = {}) const;

private:
    const Clock& m_clock;
};

} // namespace mlaprep
