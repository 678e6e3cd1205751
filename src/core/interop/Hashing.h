#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mlaprep::interop {

// SHA-1 of `data` (FIPS 180-4). Anki keys a note's duplicate check on it; nothing here is about security.
std::array<std::uint8_t, 20> sha1(std::string_view data);
std::string sha1Hex(std::string_view data);

// Anki's note checksum (`notes.csum`): the first 8 hex digits of the SHA-1 of the first field with its
// HTML stripped (media file names kept), read as an integer.
std::uint32_t ankiFieldChecksum(std::string_view firstField);

// A stable Anki note guid for `key`: the first 8 bytes of its SHA-1 written in Anki's base-91 alphabet (as
// genanki and Anki's own guid64 spell guids). The same key always gives the same guid, so a re-export
// updates the learner's existing notes instead of duplicating them.
std::string ankiGuid(std::string_view key);

} // namespace mlaprep::interop
