// The bundle loader and validator, and the renderer on what they pass, with one file of the minimal
// test bundle replaced by the input. The first byte picks the file.

#include "common/Clock.h"
#include "content/BundleLoader.h"
#include "content/MarkdownHtml.h"
#include "interop/ValidationReport.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

constexpr std::array<const char*, 5> Targets { "bundle.json", "notes/1.1.md", "cards/1.1.json",
    "questions/1.1.json", "questions/2.1.json" };

// A private copy of the minimal bundle in memory-backed storage, made once per process.
const std::filesystem::path& workBundle()
{
    static const std::filesystem::path root = [] {
        const std::filesystem::path base
            = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        auto dir = base / ("mlaprep-fuzz-bundle-" + std::to_string(getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::copy(MLAPREP_FUZZ_MINIMAL_BUNDLE, dir, std::filesystem::copy_options::recursive);
        return dir;
    }();
    return root;
}

void write(const std::filesystem::path& path, const char* data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    const auto& root = workBundle();
    const std::string target = Targets[data[0] % Targets.size()];
    const std::filesystem::path original = std::filesystem::path(MLAPREP_FUZZ_MINIMAL_BUNDLE) / target;
    write(root / target, reinterpret_cast<const char*>(data + 1), size - 1);
    const mlaprep::LoadedBundle loaded = mlaprep::loadBundle(root, mlaprep::SystemClock());
    mlaprep::validationReportJson(loaded);
    for (const auto& problem : loaded.problems) {
        mlaprep::formatProblem(problem);
    }
    for (const auto& note : loaded.bundle.notes) {
        mlaprep::markdownToHtml(note.markdown, note.headings);
    }
    for (const auto& card : loaded.bundle.cards) {
        mlaprep::markdownToHtml(card.front);
        mlaprep::markdownToHtml(card.back);
    }
    for (const auto& question : loaded.bundle.questions) {
        mlaprep::markdownToHtml(question.stem);
        mlaprep::markdownToHtml(question.explanation);
    }
    std::filesystem::copy_file(original, root / target, std::filesystem::copy_options::overwrite_existing);
    return 0;
}
