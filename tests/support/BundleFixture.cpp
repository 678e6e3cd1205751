#include "support/BundleFixture.h"

#include <fstream>
#include <stdexcept>

namespace mlaprep::test {

std::filesystem::path testDataDir()
{
    return MLAPREP_TEST_DATA_DIR;
}

std::filesystem::path minimalBundleDir()
{
    return testDataDir() / "bundles" / "minimal";
}

BundleFixture::BundleFixture(const std::string& defect)
    : m_root(m_dir.path() / "bundle")
{
    namespace fs = std::filesystem;
    fs::copy(minimalBundleDir(), m_root, fs::copy_options::recursive);
    if (!defect.empty()) {
        const auto overlay = testDataDir() / "bundles" / ("bad-" + defect);
        if (!fs::is_directory(overlay)) {
            throw std::runtime_error("no fixture " + overlay.string());
        }
        fs::copy(overlay, m_root, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    }
}

void BundleFixture::writeFile(const std::string& relative, const std::string& contents) const
{
    const auto path = m_root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
}

void BundleFixture::removeFile(const std::string& relative) const
{
    std::filesystem::remove(m_root / relative);
}

} // namespace mlaprep::test
