// Anki's text export format as the importer reads it, and the HTML readers on every field it yields.

#include "interop/AnkiHtml.h"
#include "interop/AnkiText.h"
#include "interop/Hashing.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto file = mlaprep::interop::readAnkiText(bytes, {});
    if (file.ok()) {
        for (const auto& note : file->notes) {
            for (const auto& field : note.fields) {
                mlaprep::interop::stripHtmlKeepMedia(field);
                mlaprep::interop::looksLikeHtml(field);
                mlaprep::interop::ankiFieldChecksum(field);
                mlaprep::interop::renameImageSources(
                    field, [](const std::string& name) { return name + "x"; });
            }
        }
    }
    mlaprep::interop::stripHtmlKeepMedia(bytes);
    mlaprep::interop::relativeImageSources(bytes);
    return 0;
}
