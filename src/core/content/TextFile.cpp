#include "content/TextFile.h"

#include <fstream>
#include <sstream>

namespace mlaprep {

namespace {

bool staysInside(const std::string& relative)
{
    std::filesystem::path path(relative);
    if (relative.empty() || path.is_absolute() || path.has_root_name()) {
        return false;
    }
    int depth = 0;
    for (const auto& part : path.lexically_normal()) {
        if (part == "..") {
            --depth;
        } else if (part != ".") {
            ++depth;
        }
        if (depth < 0) {
            return false;
        }
    }
    return true;
}

// Whether root/relative, with every symlink on the way resolved, is still inside the (resolved) root, so
// that a note linked to /etc/passwd or to a file beside the bundle is refused like "../x" is.
bool resolvesInside(const std::filesystem::path& root, const std::string& relative)
{
    std::error_code error;
    const auto base = std::filesystem::weakly_canonical(root, error);
    if (error) {
        return false;
    }
    const auto target = std::filesystem::weakly_canonical(root / relative, error);
    if (error) {
        return false;
    }
    auto b = base.begin();
    auto t = target.begin();
    for (; b != base.end(); ++b, ++t) {
        if (t == target.end() || *b != *t) {
            return false;
        }
    }
    return true;
}

Problem fileProblem(const std::string& relative, std::string message)
{
    return Problem { Severity::Error, relative, "", "", std::move(message) };
}

} // namespace

std::size_t findInvalidUtf8(const std::string& text)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        unsigned char lead = bytes[i];
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        std::uint32_t codePoint = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
            codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return i;
            }
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::string::npos;
}

Result<std::string> readTextFile(const std::filesystem::path& root, const std::string& relative)
{
    if (!staysInside(relative)) {
        return Result<std::string>::failure(
            fileProblem(relative, "path must be relative and inside the bundle"));
    }
    const auto path = root / relative;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return Result<std::string>::failure(fileProblem(relative, "file is missing"));
    }
    if (!resolvesInside(root, relative)) {
        return Result<std::string>::failure(
            fileProblem(relative, "is a link to a file outside the bundle (only files inside it are read)"));
    }
    auto size = std::filesystem::file_size(path, error);
    if (error) {
        return Result<std::string>::failure(
            fileProblem(relative, "cannot read file size: " + error.message()));
    }
    if (size > MaxBundleFileBytes) {
        return Result<std::string>::failure(fileProblem(relative,
            "file is too large (" + std::to_string(size) + " bytes; at most "
                + std::to_string(MaxBundleFileBytes) + ")"));
    }
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (!stream.good() && !stream.eof()) {
        return Result<std::string>::failure(fileProblem(relative, "cannot read file"));
    }
    std::string text = buffer.str();
    if (auto bad = findInvalidUtf8(text); bad != std::string::npos) {
        int line = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            line += text[i] == '\n' ? 1 : 0;
        }
        return Result<std::string>::failure(fileProblem(relative,
            "not valid UTF-8 (line " + std::to_string(line) + ", byte " + std::to_string(bad) + ")"));
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3); // a byte-order mark from Windows editors is harmless; JSON parsers reject it
    }
    return text;
}

bool bundleContainsFile(const std::filesystem::path& root, const std::string& relative)
{
    std::error_code error;
    return staysInside(relative) && std::filesystem::is_regular_file(root / relative, error)
        && resolvesInside(root, relative);
}

} // namespace mlaprep
