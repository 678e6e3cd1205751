#include "services/QuestionBankService.h"

#include "content/BundleLoader.h"

#include <fstream>
#include <sstream>

namespace mlaprep {
namespace {

constexpr std::uintmax_t MaxBankFileBytes = 64 * 1024 * 1024;

Problem fileProblem(const std::filesystem::path& file, const std::string& message)
{
    return Problem { Severity::Error, file.string(), "", "", message, 0, 0, ProblemKind::UserInput };
}

Result<interop::QuestionBankFile> readBankFile(const std::filesystem::path& file)
{
    std::error_code code;
    if (std::filesystem::exists(file, code) && !std::filesystem::is_regular_file(file, code)) {
        return Result<interop::QuestionBankFile>::failure(
            fileProblem(file, "is not a regular file (a folder, pipe or device)"));
    }
    const auto size = std::filesystem::file_size(file, code);
    if (code || size > MaxBankFileBytes) {
        return Result<interop::QuestionBankFile>::failure(
            fileProblem(file, code ? "cannot read the file" : "the file is larger than 64 MiB"));
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) {
        return Result<interop::QuestionBankFile>::failure(fileProblem(file, "cannot read the file"));
    }
    return interop::QuestionBankFile { file.string(), bytes.str() };
}

} // namespace

Result<QuestionBankImport> QuestionBankService::importFiles(const std::vector<std::filesystem::path>& files,
    const std::filesystem::path& outDir, const interop::QuestionBankOptions& options) const
{
    std::vector<interop::QuestionBankFile> read;
    Problems unreadable;
    for (const auto& file : files) {
        auto one = readBankFile(file);
        if (one) {
            read.push_back(std::move(one.value()));
        } else {
            unreadable.insert(unreadable.end(), one.problems().begin(), one.problems().end());
        }
    }
    if (!unreadable.empty()) {
        return Result<QuestionBankImport>::failure(std::move(unreadable));
    }
    auto bank = interop::convertQuestionBank(read, options);
    if (!bank) {
        return Result<QuestionBankImport>::failure(bank.problems());
    }
    if (auto written = interop::writeConvertedBank(bank.value(), outDir); !written) {
        return Result<QuestionBankImport>::failure(written.problems());
    }
    QuestionBankImport result { std::move(bank.value()), {} };
    for (auto& problem : loadBundle(outDir, m_clock).problems) {
        if (problem.isError()) {
            result.bundleProblems.push_back(std::move(problem));
        }
    }
    return result;
}

} // namespace mlaprep
