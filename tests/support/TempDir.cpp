#include "support/TempDir.h"

#include <atomic>
#include <random>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace mlaprep::test {

TempDir::TempDir()
{
    static std::atomic<int> counter { 0 };
    std::random_device entropy;
    const auto name = "mlaprep-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-"
        + std::to_string(entropy());
    m_path = std::filesystem::temp_directory_path() / name;
    if (!std::filesystem::create_directories(m_path)) {
        throw std::runtime_error("cannot create " + m_path.string());
    }
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

} // namespace mlaprep::test
