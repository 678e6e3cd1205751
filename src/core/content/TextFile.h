#pragma once

#include "common/Result.h"

#include <filesystem>
#include <string>

namespace mlaprep {

// Bundle files are read whole but bounded, so a stray multi-gigabyte file cannot exhaust memory.
inline constexpr std::uintmax_t MaxBundleFileBytes = 16 * 1024 * 1024;

// Reads `relative` (a path inside `root`, with forward slashes) as UTF-8 text. Fails with a problem naming
// the file when it escapes the root, is missing, too large, unreadable or not valid UTF-8.
Result<std::string> readTextFile(const std::filesystem::path& root, const std::string& relative);

// True when `relative` names an existing regular file inside `root` (no escaping with "..").
bool bundleContainsFile(const std::filesystem::path& root, const std::string& relative);

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t findInvalidUtf8(const std::string& text);

} // namespace mlaprep
