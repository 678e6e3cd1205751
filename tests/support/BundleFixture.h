#pragma once

#include "support/TempDir.h"

#include <filesystem>
#include <string>

namespace mlaprep::test {

std::filesystem::path testDataDir();
std::filesystem::path minimalBundleDir();

// A writable copy of tests/data/bundles/minimal with the files of one defect fixture
// (tests/data/bundles/bad-<defect>/) laid over it. Each bad fixture holds only what differs.
class BundleFixture {
public:
    explicit BundleFixture(const std::string& defect = {});

    const std::filesystem::path& root() const { return m_root; }
    void writeFile(const std::string& relative, const std::string& contents) const;
    void removeFile(const std::string& relative) const;

private:
    TempDir m_dir;
    std::filesystem::path m_root;
};

} // namespace mlaprep::test
