#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mlaprep::sync {

// A hybrid logical clock timestamp: physical milliseconds, a counter for events within (or behind) the
// same millisecond, and the device as the last tie-breaker, so every two events of all devices have
// one order that every device agrees on.
struct Hlc {
    std::int64_t ms = 0;
    std::uint32_t counter = 0;
    std::string device;

    auto operator<=>(const Hlc&) const = default;
    bool operator==(const Hlc&) const = default;
};

// "MS.COUNTER@DEVICE", the form segments and the CLI write.
std::string toString(const Hlc& hlc);
std::optional<Hlc> parseHlc(std::string_view text);

// The clock rules (Kulkarni et al., "Logical Physical Clocks"): a local event is stamped after every
// event this device has made or seen, even when the wall clock went back, so the order never runs
// backwards under clock skew; a device whose clock is behind catches up to what it receives.
class HybridClock {
public:
    HybridClock(std::string device, Hlc last = {});

    // The stamp for a local event happening at wall-clock `physicalMs`.
    Hlc send(std::int64_t physicalMs);
    // Takes in a received stamp, so later local stamps come after it.
    void receive(const Hlc& remote, std::int64_t physicalMs);

    const Hlc& last() const { return m_last; }

private:
    std::string m_device;
    Hlc m_last;
};

} // namespace mlaprep::sync
