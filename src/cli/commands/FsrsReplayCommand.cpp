#include "Arguments.h"
#include "Commands.h"

#include "interop/FsrsReplay.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace mlaprep::cli {

int runFsrsReplay(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, {}, { "--json" }, error);
    if (!arguments || arguments->positional().size() != 1) {
        std::cerr << "usage: mlaprep-cli fsrs-replay FILE\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const std::string& file = arguments->positional().front();
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        std::cerr << file << ": -: -: cannot open file\n";
        return ExitUserError;
    }
    std::ostringstream text;
    text << stream.rdbuf();
    auto result = replayFsrsCases(text.str(), file);
    if (!result.ok()) {
        for (const auto& problem : result.problems()) {
            std::cerr << formatProblem(problem) << '\n';
        }
        return ExitUserError;
    }
    std::cout << result.value() << '\n';
    return ExitOk;
}

} // namespace mlaprep::cli
