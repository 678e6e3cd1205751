#include "interop/ZipArchive.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <system_error>

namespace mlaprep::interop {

namespace {

constexpr zip_uint64_t MinSizeForRatioCheck = 8 * 1024 * 1024;
constexpr zip_uint64_t MaxCompressionRatio = 200;

Problem zipProblem(const std::filesystem::path& path, const std::string& message)
{
    return Problem { Severity::Error, path.string(), "", "", message };
}

std::string openError(int code)
{
    switch (code) {
    case ZIP_ER_NOZIP:
    case ZIP_ER_INCONS:
        return "not a zip archive, or a truncated or damaged one";
    case ZIP_ER_NOENT:
        return "there is no file here";
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
        return "the file could not be read";
    case ZIP_ER_MEMORY:
        return "out of memory while reading the archive";
    default: {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        std::string text = zip_error_strerror(&error);
        zip_error_fini(&error);
        return text;
    }
    }
}

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

Result<Archive> openForReading(const std::filesystem::path& path)
{
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive) {
        return Result<Archive>::failure(zipProblem(path, openError(code)));
    }
    return Archive(archive);
}

} // namespace

Result<std::vector<std::string>> listZip(const std::filesystem::path& path)
{
    auto archive = openForReading(path);
    if (!archive) {
        return Result<std::vector<std::string>>::failure(archive.problems());
    }
    std::vector<std::string> names;
    const zip_int64_t count = zip_get_num_entries(archive.value().get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        if (const char* name = zip_get_name(archive.value().get(), static_cast<zip_uint64_t>(i), 0)) {
            names.emplace_back(name);
        }
    }
    return names;
}

Result<ZipContents> readZip(
    const std::filesystem::path& path, const std::vector<std::string>& wanted, std::uint64_t maxEntryBytes)
{
    auto opened = openForReading(path);
    if (!opened) {
        return Result<ZipContents>::failure(opened.problems());
    }
    zip_t* archive = opened.value().get();
    ZipContents contents;
    zip_uint64_t total = 0;
    for (const auto& name : wanted) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive, name.c_str(), 0, &stat) != 0) {
            continue;
        }
        if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > maxEntryBytes) {
            return Result<ZipContents>::failure(zipProblem(path, name + " is larger than "
                    + std::to_string(maxEntryBytes / (1024 * 1024)) + " MiB; refusing to read it"));
        }
        // DEFLATE shrinks real data (text, SQLite pages) by well under this; more is a zip bomb, refused
        // before a byte is extracted.
        const bool compressedKnown = (stat.valid & ZIP_STAT_COMP_SIZE) != 0;
        if (stat.size > MinSizeForRatioCheck
            && (!compressedKnown || stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > MaxCompressionRatio)) {
            return Result<ZipContents>::failure(zipProblem(path, name + " would expand from "
                    + std::to_string(stat.comp_size) + " to " + std::to_string(stat.size)
                    + " bytes, more than real data does (a zip bomb?); refusing to read it"));
        }
        total += stat.size;
        if (total > maxEntryBytes) {
            return Result<ZipContents>::failure(zipProblem(path, "the entries together are larger than "
                    + std::to_string(maxEntryBytes / (1024 * 1024)) + " MiB; refusing to read them"));
        }
        zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
        if (!file) {
            return Result<ZipContents>::failure(zipProblem(path, name + " could not be opened in the archive"));
        }
        std::string data(static_cast<std::size_t>(stat.size), '\0');
        const zip_int64_t read = data.empty() ? 0 : zip_fread(file, data.data(), stat.size);
        zip_fclose(file);
        if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
            return Result<ZipContents>::failure(
                zipProblem(path, name + " is truncated or damaged in the archive"));
        }
        contents.entries.emplace(name, std::move(data));
    }
    return contents;
}

Result<bool> writeZip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries)
{
    std::filesystem::path temporary = path;
    temporary += ".part";
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    int code = 0;
    zip_t* archive = zip_open(temporary.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        return Result<bool>::failure(zipProblem(path, "cannot create the file: " + openError(code)));
    }
    for (const auto& entry : entries) {
        zip_source_t* source = entry.file.empty()
            ? zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0)
            : zip_source_file(archive, entry.file.c_str(), 0, -1);
        if (!source) {
            const std::string message = zip_strerror(archive);
            zip_discard(archive);
            std::filesystem::remove(temporary, ignored);
            return Result<bool>::failure(zipProblem(path, "cannot add " + entry.name + ": " + message));
        }
        const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            const std::string message = zip_strerror(archive);
            zip_discard(archive);
            std::filesystem::remove(temporary, ignored);
            return Result<bool>::failure(zipProblem(path, "cannot add " + entry.name + ": " + message));
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(archive) != 0) {
        const std::string message = zip_strerror(archive);
        zip_discard(archive);
        std::filesystem::remove(temporary, ignored);
        return Result<bool>::failure(zipProblem(path, "cannot write the file: " + message));
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, ignored);
        return Result<bool>::failure(zipProblem(path, "cannot write the file: " + error.message()));
    }
    return true;
}

} // namespace mlaprep::interop
