#include "Arguments.h"
#include "Commands.h"

#include "services/QuestionBankService.h"

#include <iostream>
#include <sstream>

namespace mlaprep::cli {

namespace {

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
    std::vector<std::filesystem::path> files(arguments->positional().begin(), arguments->positional().end());
    interop::QuestionBankOptions options;
    options.weights = *weights;
    options.bundleId = arguments->value("--id").value_or("");
    options.title = arguments->value("--title").value_or("");
    const std::filesystem::path out = *arguments->value("--out");
    const SystemClock clock;
    auto imported = QuestionBankService(clock).importFiles(files, out, options);
    if (!imported) {
        for (const auto& problem : imported.problems()) {
            std::cerr << "error: " << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    const interop::ConvertedBank& bank = imported->bank;
    for (const auto& problem : bank.problems) {
        std::cerr << formatProblem(problem) << '\n';
    }
    for (const auto& problem : imported->bundleProblems) {
        std::cerr << "error: " << formatProblem(problem) << '\n';
    }
    std::cout << out.string() << ": " << bank.questions << " questions in " << bank.tasks.size()
              << " task statements of " << bank.domains.size() << " domains; " << bank.problems.size()
              << " things not mapped\n";
    return imported->bundleProblems.empty() ? ExitOk : ExitUserError;
}

} // namespace mlaprep::cli
