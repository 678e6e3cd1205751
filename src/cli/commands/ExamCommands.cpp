#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "exam/ExamAssembler.h"
#include "exam/SimulatedAnswer.h"
#include "interop/ExamJson.h"
#include "services/ExamService.h"
#include "services/Store.h"
#include "session/AppSession.h"

#include <chrono>
#include <iostream>
#include <thread>

namespace mlaprep::cli {

namespace {

std::optional<std::uint64_t> parseSeed(const Arguments& arguments)
{
    const auto text = arguments.value("--seed");
    if (!text) {
        return std::nullopt;
    }
    try {
        std::size_t used = 0;
        const auto seed = std::stoull(*text, &used);
        return used == text->size() ? std::optional(static_cast<std::uint64_t>(seed)) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void printProblems(const Problems& problems)
{
    for (const auto& problem : problems) {
        std::cerr << "error: " << problem.message << '\n';
    }
}

} // namespace

int runExamAssemble(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle", "--seed", "--questions" }, { "--json" }, error);
    const auto seed = arguments ? parseSeed(*arguments) : std::nullopt;
    if (!arguments || !seed || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli exam-assemble [--bundle DIR] --seed N [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    AssemblyRequest request;
    request.seed = *seed;
    request.questions = loaded->bundle.exam.questions;
    auto plan = assembleExam(loaded->bundle, request);
    if (!plan.ok()) {
        printProblems(plan.problems());
        return ExitUserError;
    }
    if (arguments->flag("--json")) {
        std::cout << examPlanJson(loaded->bundle, plan.value()) << '\n';
    } else {
        int position = 1;
        for (const auto& item : plan->items) {
            std::cout << position++ << '\t' << item.itemId << '\t' << item.taskId << '\t'
                      << toString(item.type) << (item.caseId.empty() ? "" : "\tcase " + item.caseId) << '\n';
        }
    }
    return ExitOk;
}

int runExamSim(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(
        words, { "--bundle", "--db", "--data-dir", "--seed", "--answer-every-ms" }, {}, error);
    const auto seed = arguments ? parseSeed(*arguments) : std::nullopt;
    const auto every = arguments ? arguments->value("--answer-every-ms") : std::nullopt;
    if (!arguments || !seed || !every || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli exam-sim --db FILE [--bundle DIR] --seed N --answer-every-ms MS\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const int intervalMs = std::atoi(every->c_str());
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    auto store = Store::open(findDatabase(arguments->value("--db"), arguments->value("--data-dir")));
    if (!store.ok()) {
        printProblems(store.problems());
        return ExitUserError;
    }
    SystemClock clock;
    AppSession session(std::move(*loaded), store.value(), clock);
    ExamService& exams = session.exams();
    auto open = exams.openSession();
    if (!open.ok()) {
        printProblems(open.problems());
        return ExitUserError;
    }
    std::optional<ExamSession> attempt = std::move(open.value());
    if (!attempt) {
        // The exam of a seed is taken once: a rerun after it finished reports it instead of starting over.
        auto earlier = exams.attemptWithSeed(*seed);
        if (earlier.ok() && earlier.value() && earlier.value()->isFinished()) {
            std::cout << "attempt " << earlier.value()->id << " with seed " << *seed << " is already finished"
                      << std::endl;
            return ExitOk;
        }
        StartRequest request;
        request.seed = *seed;
        request.questions = session.bundle().exam.questions;
        auto started = exams.start(request);
        if (!started.ok()) {
            printProblems(started.problems());
            return ExitUserError;
        }
        attempt = std::move(started.value());
    }
    // A mock paused in the app runs on here, as it would on Resume there.
    if (auto resumed = exams.resume(*attempt); !resumed.ok()) {
        printProblems(resumed.problems());
        return ExitUserError;
    }
    const std::vector<AttemptItem> placedItems = attempt->attempt().items;
    for (const auto& item : placedItems) {
        if (attempt->isFinished()) {
            break;
        }
        if (item.answer) {
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
        const Question* question = session.index().scoredItem(item.item.itemId).question;
        if (!question) {
            std::cerr << "error: item " << item.item.itemId << " is not in this bundle\n";
            return ExitUserError;
        }
        auto recorded
            = exams.answer(*attempt, item.item.itemId, simulatedAnswer(*question, item.item.optionOrder));
        if (!recorded.ok()) {
            printProblems(recorded.problems());
            return ExitUserError;
        }
        if (!attempt->isFinished()) {
            // Printed only once the transaction has committed, so a reader may rely on it.
            std::cout << "answered " << item.item.itemId << std::endl;
        }
    }
    if (auto submitted = exams.submit(*attempt); !submitted.ok()) {
        printProblems(submitted.problems());
        return ExitUserError;
    }
    auto report = exams.report(attempt->id());
    if (!report.ok()) {
        printProblems(report.problems());
        return ExitUserError;
    }
    std::cout << "finished attempt " << attempt->id()
              << (attempt->finishReason() == FinishReason::TimeUp ? " (time up)" : "") << ": "
              << report->scoredCorrect << "/" << report->scoredTotal << " correct, scaled estimate "
              << report->scaledScore << std::endl;
    return ExitOk;
}

int runExamStatus(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle", "--db", "--data-dir" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli exam-status [--db FILE] [--bundle DIR] --json\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    auto store = Store::openReadOnly(findDatabase(arguments->value("--db"), arguments->value("--data-dir")));
    if (!store.ok()) {
        std::cerr << formatProblem(store.problems().front()) << '\n';
        return ExitUserError;
    }
    SystemClock clock;
    AppSession session(std::move(*loaded), store.value(), clock);
    ExamService& exams = session.exams();
    auto latest = exams.latestAttempt();
    if (!latest.ok()) {
        printProblems(latest.problems());
        return ExitUserError;
    }
    if (!latest.value()) {
        if (arguments->flag("--json")) {
            std::cout << R"({"attempt": null, "answered": [], "flagged": [], "finished": false})" << '\n';
        } else {
            std::cout << "no exam in this store\n";
        }
        return ExitOk;
    }
    const AttemptState& state = *latest.value();
    if (arguments->flag("--json")) {
        std::cout << attemptStatusJson(state, clock.now()) << '\n';
    } else {
        const std::string status = state.finished
            ? std::string(" (") + finishReasonName(*state.finished) + ")"
            : state.isPaused() ? " (paused)"
                               : " (open)";
        std::cout << "attempt " << state.id << status << ": " << state.answeredCount() << " of "
                  << state.items.size() << " answered, " << state.flaggedCount() << " flagged\n";
    }
    return ExitOk;
}

} // namespace mlaprep::cli
