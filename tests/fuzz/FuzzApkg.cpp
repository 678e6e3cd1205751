// The .apkg reader: the zip container and the SQLite collection inside it. An input that is an SQLite
// file goes to the collection reader directly, anything else is read as a package.

#include "interop/AnkiPackage.h"
#include "store/AnkiCollectionFile.h"
#include "store/DbError.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

using namespace std::chrono_literals;

mlaprep::Result<mlaprep::interop::AnkiReadCollection> readCollection(const std::string& bytes)
{
    try {
        return mlaprep::readAnkiCollection(bytes, 2s);
    } catch (const mlaprep::DbError& error) {
        return mlaprep::Result<mlaprep::interop::AnkiReadCollection>::failure(
            mlaprep::Problem { mlaprep::Severity::Error, "", "", "", error.what() });
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.rfind("SQLite format 3", 0) == 0) {
        readCollection(bytes);
        return 0;
    }
    static const std::filesystem::path file
        = (std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                               : std::filesystem::temp_directory_path())
        / ("mlaprep-fuzz-" + std::to_string(getpid()) + ".apkg");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    mlaprep::interop::readAnkiFile(file, {}, readCollection);
    return 0;
}
