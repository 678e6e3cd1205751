#include "Arguments.h"
#include "CliPaths.h"
#include "Commands.h"

#include "content/BundleLoader.h"
#include "interop/ValidationReport.h"

#include <iostream>

namespace mlaprep::cli {

int runValidate(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--bundle" }, { "--json" }, error);
    if (!arguments || arguments->positional().size() > 1) {
        std::cerr << "usage: mlaprep-cli validate [DIR] [--bundle DIR] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    auto requested = arguments->positional().empty()
        ? arguments->value("--bundle")
        : std::optional<std::string>(arguments->positional().front());
    auto dir = findBundle(requested);
    if (!dir) {
        std::cerr << "error: no bundle found (give a directory, --bundle DIR or $MLAPREP_BUNDLE)\n";
        return ExitUserError;
    }
    const LoadedBundle loaded = loadBundle(*dir, SystemClock());
    if (arguments->flag("--json")) {
        std::cout << validationReportJson(loaded) << '\n';
    } else {
        int errors = 0;
        for (const auto& problem : loaded.problems) {
            std::cerr << formatProblem(problem) << '\n';
            errors += problem.isError() ? 1 : 0;
        }
        const auto counts = countBundle(loaded.bundle);
        std::cout << dir->string() << ": " << counts.notes << " notes, " << counts.cards << " cards, "
                  << counts.questions << " questions (" << counts.scoredItems << " scored items); " << errors
                  << " errors, " << loaded.problems.size() - static_cast<std::size_t>(errors)
                  << " warnings\n";
    }
    return loaded.hasErrors() ? ExitUserError : ExitOk;
}

} // namespace mlaprep::cli
