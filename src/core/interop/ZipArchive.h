#pragma once

#include "common/Result.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mlaprep::interop {

// The entries of a zip file read into memory, bounded: an entry larger than `maxEntryBytes`, or a file
// that is not a zip (truncated, damaged), is an error naming the file. Entries are stored by name.
struct ZipContents {
    std::map<std::string, std::string> entries;

    bool has(const std::string& name) const { return entries.count(name) > 0; }
};

Result<ZipContents> readZip(const std::filesystem::path& path, const std::vector<std::string>& wanted,
    std::uint64_t maxEntryBytes);

// The names of every entry in the zip (for telling the learner what a package holds).
Result<std::vector<std::string>> listZip(const std::filesystem::path& path);

struct ZipEntry {
    std::string name;
    std::string data;               // the bytes, or empty with `file` set
    std::filesystem::path file;     // a file to store instead of `data`
};

// Writes a DEFLATE zip of `entries` to `path` through a temporary file in the same folder, so a failure
// never leaves a half-written package behind.
Result<bool> writeZip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

} // namespace mlaprep::interop
