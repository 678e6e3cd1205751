#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "interop/InteropJson.h"
#include "services/HistoryService.h"
#include "services/Store.h"
#include "session/AppSession.h"

#include <iostream>

namespace mlaprep::cli {

int runImportHistory(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(
        words, { "--bundle", "--db", "--data-dir" }, { "--json", "--import-what-you-can" }, error);
    if (!arguments || arguments->positional().size() != 1) {
        std::cerr << "usage: mlaprep-cli import-history FILE [--db FILE] [--json] [--import-what-you-can]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    SystemClock clock;
    auto session = openSessionForCommand(*arguments, clock);
    if (!session) {
        return ExitUserError;
    }
    HistoryService& history = session->history();
    auto summary
        = history.importHistory(arguments->positional().front(), arguments->flag("--import-what-you-can"));
    if (!summary) {
        std::cerr << formatProblem(summary.problems().front()) << '\n';
        return ExitUserError;
    }
    const HistoryImportSummary& s = summary.value();
    if (arguments->flag("--json")) {
        std::cout << historyImportSummaryJson(s) << '\n';
    } else {
        for (const auto& line : s.errors) {
            std::cerr << line << '\n';
        }
        std::cout << (s.committed ? "imported " : "imported nothing: ") << s.imported << " of " << s.read
                  << " lines (" << s.duplicates << " already in the history, " << s.rejected
                  << " rejected)\n";
    }
    return s.committed && (s.rejected == 0 || arguments->flag("--import-what-you-can")) ? ExitOk
                                                                                        : ExitUserError;
}

int runExportHistory(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle", "--db", "--data-dir", "--out" }, {}, error);
    if (!arguments || !arguments->positional().empty() || !arguments->value("--out")) {
        std::cerr << "usage: mlaprep-cli export-history [--db FILE] --out FILE\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    SystemClock clock;
    auto session = openSessionForCommand(*arguments, clock);
    if (!session) {
        return ExitUserError;
    }
    HistoryService& history = session->history();
    auto written = history.exportHistory(*arguments->value("--out"));
    if (!written) {
        std::cerr << formatProblem(written.problems().front()) << '\n';
        return ExitUserError;
    }
    std::cout << "wrote " << written.value() << " answers to " << *arguments->value("--out") << '\n';
    return ExitOk;
}

} // namespace mlaprep::cli
