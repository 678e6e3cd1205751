#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace mlaprep {

// A small deterministic generator (SplitMix64) and shuffle of our own: std::shuffle's algorithm is
// left to the library, and "the same seed gives the same exam" must hold across toolchains.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound) without modulo bias.
    std::uint64_t below(std::uint64_t bound)
    {
        if (bound <= 1) {
            return 0;
        }
        const std::uint64_t limit = ~std::uint64_t { 0 } - (~std::uint64_t { 0 } % bound);
        std::uint64_t value = next();
        while (value >= limit) {
            value = next();
        }
        return value % bound;
    }

    template <typename T> void shuffle(std::vector<T>& values)
    {
        for (std::size_t i = values.size(); i > 1; --i) {
            std::swap(values[i - 1], values[static_cast<std::size_t>(below(i))]);
        }
    }

private:
    std::uint64_t m_state;
};

// FNV-1a, to derive per-item seeds from an exam seed and an item id.
inline std::uint64_t hashCombine(std::uint64_t seed, std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ull ^ seed;
    for (unsigned char c : text) {
        hash = (hash ^ c) * 0x100000001b3ull;
    }
    return hash;
}

} // namespace mlaprep
