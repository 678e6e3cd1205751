#include "interop/Hashing.h"

#include "interop/AnkiHtml.h"

#include <cstdio>

namespace mlaprep::interop {

namespace {

constexpr std::uint32_t rotateLeft(std::uint32_t value, int bits)
{
    return (value << bits) | (value >> (32 - bits));
}

constexpr std::string_view Base91
    = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

} // namespace

std::array<std::uint8_t, 20> sha1(std::string_view data)
{
    std::uint32_t h[5] = { 0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u };
    std::string message(data);
    const std::uint64_t bitLength = static_cast<std::uint64_t>(data.size()) * 8u;
    message.push_back(static_cast<char>(0x80));
    while (message.size() % 64 != 56) {
        message.push_back('\0');
    }
    for (int i = 7; i >= 0; --i) {
        message.push_back(static_cast<char>((bitLength >> (i * 8)) & 0xFFu));
    }
    for (std::size_t chunk = 0; chunk < message.size(); chunk += 64) {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i) {
            const auto byte = [&](int k) {
                return static_cast<std::uint32_t>(static_cast<unsigned char>(message[chunk + static_cast<std::size_t>(i * 4 + k)]));
            };
            w[i] = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
        }
        for (int i = 16; i < 80; ++i) {
            w[i] = rotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f = 0;
            std::uint32_t k = 0;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999u;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1u;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDCu;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6u;
            }
            const std::uint32_t temp = rotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
    std::array<std::uint8_t, 20> digest {};
    for (int i = 0; i < 5; ++i) {
        for (int k = 0; k < 4; ++k) {
            digest[static_cast<std::size_t>(i * 4 + k)] = static_cast<std::uint8_t>((h[i] >> (24 - k * 8)) & 0xFFu);
        }
    }
    return digest;
}

std::string sha1Hex(std::string_view data)
{
    std::string hex;
    char buffer[3];
    for (const std::uint8_t byte : sha1(data)) {
        std::snprintf(buffer, sizeof buffer, "%02x", byte);
        hex += buffer;
    }
    return hex;
}

std::uint32_t ankiFieldChecksum(std::string_view firstField)
{
    const auto digest = sha1(stripHtmlKeepMedia(firstField));
    return (static_cast<std::uint32_t>(digest[0]) << 24) | (static_cast<std::uint32_t>(digest[1]) << 16)
        | (static_cast<std::uint32_t>(digest[2]) << 8) | static_cast<std::uint32_t>(digest[3]);
}

std::string ankiGuid(std::string_view key)
{
    const auto digest = sha1(key);
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) {
        value = (value << 8) | digest[static_cast<std::size_t>(i)];
    }
    std::string reversed;
    while (value > 0) {
        reversed.push_back(Base91[value % Base91.size()]);
        value /= Base91.size();
    }
    return std::string(reversed.rbegin(), reversed.rend());
}

} // namespace mlaprep::interop
