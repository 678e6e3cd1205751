#include "Arguments.h"
#include "CliBundle.h"
#include "Commands.h"

#include "common/CalendarDate.h"
#include "common/Clock.h"
#include "interop/InteropJson.h"
#include "services/RealExamService.h"
#include "session/AppSession.h"

#include <charconv>
#include <iostream>

namespace mlaprep::cli {

int runRealResult(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(
        words, { "--bundle", "--db", "--data-dir", "--date", "--score" }, { "--passed", "--failed" }, error);
    const bool oneVerdict = arguments
        && (arguments->value("--score").has_value() + arguments->flag("--passed")
               + arguments->flag("--failed"))
            >= 1
        && !(arguments->flag("--passed") && arguments->flag("--failed"));
    if (!arguments || !arguments->positional().empty() || !arguments->value("--date") || !oneVerdict) {
        std::cerr << "usage: mlaprep-cli real-result [--db FILE] --date YYYY-MM-DD (--score N | --passed | "
                     "--failed)\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const auto date = CalendarDate::fromText(*arguments->value("--date"));
    if (!date) {
        std::cerr << "error: --date takes a date as YYYY-MM-DD (got \"" << *arguments->value("--date")
                  << "\")\n";
        return ExitUsage;
    }
    RealExamScore score;
    if (const auto text = arguments->value("--score")) {
        int value = 0;
        const auto [end, failure] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (failure != std::errc() || end != text->data() + text->size()) {
            std::cerr << "error: --score takes a whole number (got \"" << *text << "\")\n";
            return ExitUsage;
        }
        score.scaled = value;
    }
    if (arguments->flag("--passed") || arguments->flag("--failed")) {
        score.passed = arguments->flag("--passed");
    }
    SystemClock clock;
    auto session = openSessionForCommand(*arguments, clock);
    if (!session) {
        return ExitUserError;
    }
    auto recorded = session->realExams().record(*date, score);
    if (!recorded) {
        for (const auto& problem : recorded.problems()) {
            std::cerr << (problem.kind == ProblemKind::UserInput
                    ? "error: " + problem.field + ": " + problem.message
                    : formatProblem(problem))
                      << '\n';
        }
        return ExitUserError;
    }
    std::cout << "recorded the exam of " << date->toText() << " with the forecast of the day before\n";
    return ExitOk;
}

int runRealResults(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle", "--db", "--data-dir" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli real-results [--db FILE] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    SystemClock clock;
    auto session = openSessionForCommand(*arguments, clock);
    if (!session) {
        return ExitUserError;
    }
    auto results = session->realExams().results();
    if (!results) {
        std::cerr << formatProblem(results.problems().front()) << '\n';
        return ExitUserError;
    }
    if (arguments->flag("--json")) {
        std::cout << realExamResultsJson(results.value()) << '\n';
        return ExitOk;
    }
    if (results->empty()) {
        std::cout << "no real exam recorded\n";
    }
    for (const auto& result : results.value()) {
        const ForecastBefore& f = result.forecast;
        std::cout << result.examDate << ": "
                  << (result.scaled ? std::to_string(*result.scaled) + ", " : std::string())
                  << (result.passed ? "passed" : "not passed") << "; forecast the day before " << f.estimate
                  << " (" << f.low << "-" << f.high << "), P(pass) "
                  << static_cast<int>(f.passProbability * 100.0 + 0.5) << " %"
                  << (f.enoughData ? "" : ", on too little data") << '\n';
    }
    return ExitOk;
}

} // namespace mlaprep::cli
