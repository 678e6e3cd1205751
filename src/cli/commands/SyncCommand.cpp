#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "interop/InteropJson.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "session/AppSession.h"

#include <iostream>

namespace mlaprep::cli {

int runSync(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments
        = Arguments::parse(words, { "--folder", "--bundle", "--db", "--data-dir" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty() || !arguments->value("--folder")) {
        std::cerr << "usage: mlaprep-cli sync --folder DIR [--db FILE] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    SystemClock clock;
    auto session = openSessionForCommand(*arguments, clock);
    if (!session) {
        return ExitUserError;
    }
    auto summary = session->sync().sync(*arguments->value("--folder"), session->study().config());
    if (!summary) {
        std::cerr << formatProblem(summary.problems().front()) << '\n';
        return ExitUserError;
    }
    const SyncSummary& s = summary.value();
    // A segment still arriving is normal with a sync tool: a note, not a failure.
    for (const auto& note : s.skipped) {
        std::cerr << "note: skipped " << note << '\n';
    }
    if (arguments->flag("--json")) {
        std::cout << syncSummaryJson(s) << '\n';
    } else {
        std::cout << "device " << s.device << ": wrote " << s.writtenEvents << " events, read "
                  << s.readSegments << " segments, merged " << s.mergedEvents << " new events, skipped "
                  << s.skipped.size() << '\n';
    }
    return ExitOk;
}

} // namespace mlaprep::cli
