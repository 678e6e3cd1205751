#include "sync/Uuid.h"

#include <array>

namespace mlaprep::sync {

namespace {

constexpr std::array<std::size_t, 4> DashPositions { 8, 13, 18, 23 };
constexpr std::size_t UuidLength = 36;

bool isDashPosition(std::size_t position)
{
    for (const std::size_t dash : DashPositions) {
        if (dash == position) {
            return true;
        }
    }
    return false;
}

} // namespace

UuidSource::UuidSource()
    : m_engine((static_cast<std::uint64_t>(std::random_device {}()) << 32) ^ std::random_device {}())
{
}

UuidSource::UuidSource(std::uint64_t seed)
    : m_engine(seed)
{
}

std::string UuidSource::next()
{
    std::array<std::uint8_t, 16> bytes {};
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        std::uint64_t word = m_engine();
        for (std::size_t j = 0; j < 8; ++j) {
            bytes[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
        }
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    static constexpr char Hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(UuidLength);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            text.push_back('-');
        }
        text.push_back(Hex[bytes[i] >> 4]);
        text.push_back(Hex[bytes[i] & 0x0f]);
    }
    return text;
}

bool isUuid(std::string_view text)
{
    if (text.size() != UuidLength) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool ok = isDashPosition(i) ? c == '-' : ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace mlaprep::sync
