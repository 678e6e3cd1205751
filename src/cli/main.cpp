// mlaprep-cli: the headless front door (docs/cli.md). Each subcommand is a few lines over core.

#include "Commands.h"

#include <functional>
#include <iostream>
#include <map>

namespace {

void printUsage(std::ostream& out)
{
    out << "usage: mlaprep-cli SUBCOMMAND [OPTIONS]\n"
           "  validate [DIR] [--json]          check a content bundle; exit 1 on errors\n"
           "  fsrs-replay FILE                 run review histories through FSRS, print JSON\n"
           "  exam-assemble --seed N [--json]  assemble a mock exam by the blueprint\n"
           "  exam-sim --db FILE --seed N --answer-every-ms MS\n"
           "                                   start (or resume) the exam of seed N and answer it, printing "
           "each\n"
           "                                   answer once it is durable; a finished exam is not started "
           "again\n"
           "  exam-status [--db FILE] --json   the open or last exam in the store\n"
           "  bench [--json]                   time the study operations on a synthetic store\n"
           "  export-anki --format apkg|text --out FILE [--task T ...] [--db FILE]\n"
           "                                   export the bundle's cards for Anki\n"
           "  import-anki FILE [--db FILE] [--task T] [--separator C] [--import-what-you-can] [--json]\n"
           "                                   import an Anki text file or legacy .apkg as a user deck\n"
           "  import-questions FILE... --out DIR [--weights W1,W2,...]\n"
           "                                   convert a JSON question bank into an imported bundle\n"
           "  simulate [--db FILE] [--days N]  add N days of simulated study history (for screenshots)\n"
           "  plan-sim --days-to-exam D --minutes M [--policy fsrs|exam-day] [--retention R] [--learners N]\n"
           "           [--seed S] [--json]     simulate learners studying to an exam date; exam-day recall\n"
           "  readiness [--db FILE] [--at YYYY-MM-DD] [--json]\n"
           "                                   forecast a fresh mock from the history up to that day\n"
           "  real-result [--db FILE] --date YYYY-MM-DD (--score N | --passed | --failed)\n"
           "                                   record a real exam's result beside the forecast of the day "
           "before\n"
           "  real-results [--db FILE] [--json] list (or export) the real results with their forecasts\n"
           "  import-history FILE [--db FILE] [--json] [--import-what-you-can]\n"
           "                                   import a study history (JSON Lines, one answer a line)\n"
           "  export-history [--db FILE] --out FILE\n"
           "                                   write the study history in the same format\n"
           "  calibrate [--learners N] [--seed S] [--json]\n"
           "                                   check readiness forecasts against simulated learners\n"
           "  backup [--db FILE] [--out FILE]  copy the store now (default: beside it, in FILE.backups/)\n"
           "  restore [--db FILE] [--from BACKUP] [--list]\n"
           "                                   put the newest good backup (or BACKUP) in place of the store\n"
           "  recover [--db FILE]              copy what can still be read from a damaged store into a new "
           "one\n"
           "  sync --folder DIR [--db FILE] [--json]\n"
           "                                   write this device's new events to DIR, merge the other "
           "devices'\n"
           "common options: --bundle DIR (else $MLAPREP_BUNDLE, the installed bundle, ./content)\n";
}

} // namespace

int main(int argc, char** argv)
{
    using namespace mlaprep::cli;
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands {
        { "validate", runValidate },
        { "fsrs-replay", runFsrsReplay },
        { "exam-assemble", runExamAssemble },
        { "exam-sim", runExamSim },
        { "exam-status", runExamStatus },
        { "bench", runBench },
        { "export-anki", runExportAnki },
        { "import-anki", runImportAnki },
        { "import-questions", runImportQuestions },
        { "simulate", runSimulate },
        { "plan-sim", runPlanSim },
        { "readiness", runReadiness },
        { "real-result", runRealResult },
        { "real-results", runRealResults },
        { "calibrate", runCalibrate },
        { "import-history", runImportHistory },
        { "export-history", runExportHistory },
        { "backup", runBackup },
        { "restore", runRestore },
        { "recover", runRecover },
        { "sync", runSync },
    };
    if (argc < 2) {
        printUsage(std::cerr);
        return ExitUsage;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(std::cout);
        return ExitOk;
    }
    auto command = commands.find(name);
    if (command == commands.end()) {
        std::cerr << "error: unknown subcommand \"" << name << "\"\n";
        printUsage(std::cerr);
        return ExitUsage;
    }
    try {
        return command->second(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return ExitUserError;
    }
}
