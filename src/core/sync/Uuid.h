#pragma once

#include <random>
#include <string>
#include <string_view>

namespace mlaprep::sync {

// Random (version 4) UUIDs in their 36-character lowercase text form. Every id that two devices can
// create independently is one, so ids made offline on two machines never collide.
class UuidSource {
public:
    // Seeded from std::random_device: a fresh source per process.
    UuidSource();
    // For tests and simulations that need the same ids on every run.
    explicit UuidSource(std::uint64_t seed);

    std::string next();

private:
    std::mt19937_64 m_engine;
};

// Whether `text` is a UUID in the lowercase 8-4-4-4-12 hex form next() writes.
bool isUuid(std::string_view text);

} // namespace mlaprep::sync
