// The review-history importer behind fsrs-replay: JSON cases of FSRS parameters and reviews.

#include "interop/FsrsReplay.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    mlaprep::replayFsrsCases(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
