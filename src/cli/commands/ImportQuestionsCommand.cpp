#include "Arguments.h"
#include "Commands.h"

#include "content/BundleLoader.h"
#include "interop/QuestionBank.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace mlaprep::cli {

namespace {

constexpr std::uintmax_t MaxBankFileBytes = 64 * 1024 * 1024;

std::optional<std::vector<double>> parseWeights(const std::string& text)
{
    std::vector<double> weights;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        try {
            std::size_t used = 0;
            weights.push_back(std::stod(item, &used));
            if (used != item.size()) {
                return std::nullopt;
            }
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return weights;
}

} // namespace

int runImportQuestions(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--out", "--weights", "--id", "--title" }, {}, error);
    std::optional<std::vector<double>> weights = std::vector<double> {};
    if (arguments && arguments->value("--weights")) {
        weights = parseWeights(*arguments->value("--weights"));
    }
    if (!arguments || arguments->positional().empty() || !arguments->value("--out") || !weights) {
        std::cerr << "usage: mlaprep-cli import-questions FILE... --out DIR [--weights W1,W2,...] [--id ID] "
                     "[--title TEXT]\n"
                  << (error.empty() ? "" : "error: " + error + "\n")
                  << (weights ? "" : "error: --weights must be numbers separated by commas\n");
        return ExitUsage;
    }
    std::vector<interop::QuestionBankFile> files;
    for (const auto& name : arguments->positional()) {
        std::error_code code;
        if (std::filesystem::exists(name, code) && !std::filesystem::is_regular_file(name, code)) {
            std::cerr << "error: " << name << ": -: -: is not a regular file (a folder, pipe or device)\n";
            return ExitUserError;
        }
        const auto size = std::filesystem::file_size(name, code);
        if (code || size > MaxBankFileBytes) {
            std::cerr << "error: " << name << ": -: -: "
                      << (code ? "cannot read the file" : "the file is larger than 64 MiB") << '\n';
            return ExitUserError;
        }
        std::ifstream in(name, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files.push_back(interop::QuestionBankFile { name, bytes.str() });
    }
    interop::QuestionBankOptions options;
    options.weights = *weights;
    options.bundleId = arguments->value("--id").value_or("");
    options.title = arguments->value("--title").value_or("");
    auto bank = interop::convertQuestionBank(files, options);
    if (!bank) {
        for (const auto& problem : bank.problems()) {
            std::cerr << "error: " << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    for (const auto& problem : bank->problems) {
        std::cerr << formatProblem(problem) << '\n';
    }
    const std::filesystem::path out = *arguments->value("--out");
    auto written = interop::writeConvertedBank(bank.value(), out);
    if (!written) {
        std::cerr << "error: " << formatProblem(written.problems().front()) << '\n';
        return ExitUserError;
    }
    // The result must be a bundle the app opens: check it as `validate` would.
    const LoadedBundle loaded = loadBundle(out, SystemClock());
    int errors = 0;
    for (const auto& problem : loaded.problems) {
        if (problem.isError()) {
            std::cerr << "error: " << formatProblem(problem) << '\n';
            ++errors;
        }
    }
    std::cout << out.string() << ": " << bank->questions << " questions in " << bank->tasks.size()
              << " task statements of " << bank->domains.size() << " domains; " << bank->problems.size()
              << " things not mapped\n";
    return errors > 0 ? ExitUserError : ExitOk;
}

} // namespace mlaprep::cli
