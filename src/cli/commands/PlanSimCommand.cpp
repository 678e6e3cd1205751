#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "services/PlanService.h"
#include "services/SettingsService.h"
#include "services/Store.h"
#include "session/AppSession.h"
#include "sim/WorkloadSimulation.h"

#include <cstdio>
#include <iostream>

namespace mlaprep::cli {

namespace {

constexpr auto Usage = "usage: mlaprep-cli plan-sim --days-to-exam D --minutes M [--policy fsrs|exam-day] "
                       "[--retention R] [--learners N] [--seed S] [--db FILE] [--json]\n";

void printText(const sim::PlanSimResult& result)
{
    std::printf(
        "%-8s exam-day recall %5.1f %%  (", sim::policyName(result.policy), result.examDayRecall * 100.0);
    bool first = true;
    for (const auto& [domain, recall] : result.examDayRecallByDomain) {
        std::printf("%sdomain %s %.1f %%", first ? "" : ", ", domain.c_str(), recall * 100.0);
        first = false;
    }
    std::printf(")  %.0f min, %.0f reviews\n", result.totalMinutes, result.totalReviews);
}

} // namespace

int runPlanSim(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words,
        { "--bundle", "--db", "--data-dir", "--days-to-exam", "--minutes", "--policy", "--retention",
            "--learners", "--seed" },
        { "--json" }, error);
    if (!arguments || !arguments->positional().empty() || !arguments->value("--days-to-exam")
        || !arguments->value("--minutes")) {
        std::cerr << Usage << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    sim::PlanSimOptions options;
    try {
        options.daysToExam = std::stoi(*arguments->value("--days-to-exam"));
        options.minutesPerDay = std::stoi(*arguments->value("--minutes"));
        options.retention = std::stod(arguments->value("--retention").value_or("0.90"));
        options.learners = std::stoi(arguments->value("--learners").value_or("200"));
        options.seed = std::stoull(arguments->value("--seed").value_or("1"));
    } catch (const std::exception&) {
        std::cerr
            << "error: --days-to-exam, --minutes, --learners and --seed take whole numbers, --retention a "
               "number\n";
        return ExitUsage;
    }
    // The simulated learner's minutes and retention take the values the learner's settings may take.
    Settings simulated;
    simulated.minutesPerDay = options.minutesPerDay;
    simulated.desiredRetention = options.retention;
    Problems problems = checkSettings(simulated, simulated, 0);
    if (options.daysToExam < 1 || options.daysToExam > 365) {
        problems.push_back(
            Problem { Severity::Error, "", "", "days_to_exam", "--days-to-exam must be between 1 and 365" });
    }
    if (options.learners < 1 || options.learners > 100000) {
        problems.push_back(
            Problem { Severity::Error, "", "", "learners", "--learners must be between 1 and 100000" });
    }
    if (!problems.empty()) {
        for (const auto& problem : problems) {
            std::cerr << "error: " << problem.message << '\n';
        }
        return ExitUsage;
    }
    std::vector<sim::Policy> policies { sim::Policy::Fsrs, sim::Policy::ExamDay };
    if (const auto policy = arguments->value("--policy")) {
        if (*policy != "fsrs" && *policy != "exam-day") {
            std::cerr << "error: --policy is fsrs or exam-day\n";
            return ExitUsage;
        }
        policies = { *policy == "fsrs" ? sim::Policy::Fsrs : sim::Policy::ExamDay };
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    // Seconds per look: the learner's own review log with an explicit store, the defaults otherwise.
    if (arguments->value("--db") || arguments->value("--data-dir")) {
        const auto path = findDatabase(arguments->value("--db"), arguments->value("--data-dir"));
        auto store = Store::open(path);
        if (!store.ok()) {
            std::cerr << formatProblem(store.problems().front()) << '\n';
            return ExitUserError;
        }
        SystemClock clock;
        AppSession session(*loaded, store.value(), clock);
        auto timings = session.plan().timings();
        if (!timings.ok()) {
            std::cerr << formatProblem(timings.problems().front()) << '\n';
            return ExitUserError;
        }
        options.timings = timings.value();
    }
    std::vector<sim::PlanSimResult> results;
    for (const sim::Policy policy : policies) {
        results.push_back(sim::simulatePlan(loaded->bundle, policy, options));
    }
    if (arguments->flag("--json")) {
        std::cout << (results.size() == 1 ? sim::planSimJson(results.front()) : sim::planSimJson(results))
                  << '\n';
    } else {
        std::printf("%d learners, %d days to the exam, %d min a day, retention %.2f, seed %llu\n",
            options.learners, options.daysToExam, options.minutesPerDay, options.retention,
            static_cast<unsigned long long>(options.seed));
        for (const auto& result : results) {
            printText(result);
        }
    }
    return ExitOk;
}

} // namespace mlaprep::cli
