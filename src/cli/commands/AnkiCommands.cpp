#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "interop/AnkiText.h"
#include "interop/InteropJson.h"
#include "services/AnkiService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "session/AppSession.h"
#include "srs/StudyItem.h"

#include <iostream>

namespace mlaprep::cli {

namespace {

void printProblems(const Problems& problems)
{
    for (const auto& problem : problems) {
        std::cerr << (problem.isError() ? "error: " : "") << formatProblem(problem) << '\n';
    }
}

} // namespace

int runExportAnki(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(
        words, { "--bundle", "--format", "--out", "--task", "--db", "--data-dir" }, {}, error);
    const auto format = arguments ? arguments->value("--format") : std::nullopt;
    const auto out = arguments ? arguments->value("--out") : std::nullopt;
    if (!arguments || !arguments->positional().empty() || !format || !out
        || (*format != "apkg" && *format != "text")) {
        std::cerr
            << "usage: mlaprep-cli export-anki [--bundle DIR] --format apkg|text --out FILE [--task T ...] "
               "[--db FILE]\n"
            << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    const std::vector<std::string> tasks = arguments->values("--task");
    Result<AnkiExportSummary> exported = Result<AnkiExportSummary>::failure(Problems {});
    if (*format == "text") {
        exported = exportAnkiText(loaded->bundle, tasks, *out);
    } else if (const auto db = arguments->value("--db")) {
        // Only an explicit store adds the learner's FSRS state (docs/cli.md).
        auto store = Store::openReadOnly(*db);
        if (!store) {
            printProblems(store.problems());
            return ExitUserError;
        }
        SystemClock clock;
        AppSession session(*loaded, store.value(), clock);
        exported = session.anki().exportPackage(
            loaded->bundle, tasks, *out, session.study().config().desiredRetention);
    } else {
        exported = exportAnkiPackage(loaded->bundle, tasks, *out, toEpochMilliseconds(SystemClock().now()));
    }
    if (!exported) {
        printProblems(exported.problems());
        return ExitUserError;
    }
    std::cout << "wrote " << exported->notes << " notes";
    if (exported->mediaFiles > 0) {
        std::cout << " and " << exported->mediaFiles << " media files";
    }
    std::cout << " to " << exported->file.string() << '\n';
    return ExitOk;
}

int runImportAnki(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--db", "--data-dir", "--task", "--separator", "--bundle" },
        { "--json", "--import-what-you-can" }, error);
    std::optional<char> separator;
    bool badSeparator = false;
    if (arguments && arguments->value("--separator")) {
        separator = interop::separatorFromName(*arguments->value("--separator"));
        badSeparator = !separator;
    }
    if (!arguments || arguments->positional().size() != 1 || badSeparator) {
        std::cerr << "usage: mlaprep-cli import-anki FILE [--db FILE] [--task T] [--separator "
                     "tab|pipe|semicolon|colon|comma|space|C] [--import-what-you-can] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n")
                  << (badSeparator ? "error: --separator names no separator\n" : "");
        return ExitUsage;
    }
    const auto task = arguments->value("--task");
    if (task) {
        // A tag must name a task statement the learner's bundle has.
        const auto loaded = loadBundleForCommand(arguments->value("--bundle"));
        if (!loaded) {
            return ExitUserError;
        }
        if (!loaded->bundle.findTask(*task)) {
            std::cerr << "error: -: " << *task << ": --task: the bundle has no task statement " << *task
                      << '\n';
            return ExitUserError;
        }
    }
    auto store = Store::open(findDatabase(arguments->value("--db"), arguments->value("--data-dir")));
    if (!store) {
        printProblems(store.problems());
        return ExitUserError;
    }
    SystemClock clock;
    AnkiService anki(store.value(), clock);
    AnkiImportRequest request;
    request.file = arguments->positional().front();
    request.task = task;
    request.separator = separator;
    request.importWhatYouCan = arguments->flag("--import-what-you-can");
    auto summary = anki.importFile(request);
    if (!summary) {
        printProblems(summary.problems());
        if (arguments->flag("--json")) {
            AnkiImportSummary failed;
            for (const auto& problem : summary.problems()) {
                failed.errors.push_back(formatProblem(problem));
            }
            std::cout << ankiImportSummaryJson(failed) << '\n';
        }
        return ExitUserError;
    }
    for (const auto& warning : summary->warnings) {
        std::cerr << warning << '\n';
    }
    for (const auto& line : summary->errors) {
        std::cerr << "error: " << line << '\n';
    }
    const bool stopped = summary->rejected > 0 && !summary->committed && !request.importWhatYouCan;
    if (stopped) {
        std::cerr << "nothing was imported: " << summary->rejected
                  << " notes were rejected; fix them or run again with --import-what-you-can\n";
    }
    if (arguments->flag("--json")) {
        std::cout << ankiImportSummaryJson(summary.value()) << '\n';
    } else {
        std::cout << "read " << summary->read << ", imported " << summary->imported << ", duplicates "
                  << summary->duplicates << ", rejected " << summary->rejected << '\n';
    }
    return stopped ? ExitUserError : ExitOk;
}

} // namespace mlaprep::cli
