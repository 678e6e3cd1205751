#include "CliBundle.h"

#include "CliPaths.h"

#include "services/Store.h"

#include <iostream>

namespace mlaprep::cli {

std::optional<LoadedBundle> loadBundleForCommand(const std::optional<std::string>& explicitDir)
{
    const auto dir = findBundle(explicitDir);
    if (!dir) {
        std::cerr << "error: no bundle found (give --bundle DIR or set $MLAPREP_BUNDLE)\n";
        return std::nullopt;
    }
    LoadedBundle loaded = loadBundle(*dir, SystemClock());
    if (loaded.hasErrors()) {
        for (const auto& problem : loaded.problems) {
            if (problem.isError()) {
                std::cerr << formatProblem(problem) << '\n';
            }
        }
        std::cerr << "error: the bundle in " << dir->string() << " has errors (run mlaprep-cli validate)\n";
        return std::nullopt;
    }
    return loaded;
}

std::unique_ptr<AppSession> openSessionForCommand(const Arguments& arguments, const Clock& clock)
{
    auto loaded = loadBundleForCommand(arguments.value("--bundle"));
    if (!loaded) {
        return nullptr;
    }
    auto store = Store::open(findDatabase(arguments.value("--db"), arguments.value("--data-dir")));
    if (!store) {
        std::cerr << formatProblem(store.problems().front()) << '\n';
        return nullptr;
    }
    return std::make_unique<AppSession>(std::move(*loaded), store.value(), clock);
}

} // namespace mlaprep::cli
