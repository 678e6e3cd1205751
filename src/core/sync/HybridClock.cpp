#include "sync/HybridClock.h"

#include <algorithm>
#include <charconv>

namespace mlaprep::sync {

std::string toString(const Hlc& hlc)
{
    return std::to_string(hlc.ms) + "." + std::to_string(hlc.counter) + "@" + hlc.device;
}

std::optional<Hlc> parseHlc(std::string_view text)
{
    const auto dot = text.find('.');
    const auto at = text.find('@');
    if (dot == std::string_view::npos || at == std::string_view::npos || at < dot || at + 1 == text.size()) {
        return std::nullopt;
    }
    Hlc hlc;
    const auto [msEnd, msError] = std::from_chars(text.data(), text.data() + dot, hlc.ms);
    const auto [counterEnd, counterError]
        = std::from_chars(text.data() + dot + 1, text.data() + at, hlc.counter);
    if (msError != std::errc {} || msEnd != text.data() + dot || counterError != std::errc {}
        || counterEnd != text.data() + at || dot == 0) {
        return std::nullopt;
    }
    hlc.device = std::string(text.substr(at + 1));
    return hlc;
}

HybridClock::HybridClock(std::string device, Hlc last)
    : m_device(std::move(device))
    , m_last(std::move(last))
{
    m_last.device = m_device;
}

Hlc HybridClock::send(std::int64_t physicalMs)
{
    if (physicalMs > m_last.ms) {
        m_last.ms = physicalMs;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    return m_last;
}

void HybridClock::receive(const Hlc& remote, std::int64_t physicalMs)
{
    const std::int64_t newest = std::max({ m_last.ms, remote.ms, physicalMs });
    if (newest == m_last.ms && newest == remote.ms) {
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    } else if (newest == m_last.ms) {
        ++m_last.counter;
    } else if (newest == remote.ms) {
        m_last.counter = remote.counter + 1;
    } else {
        m_last.counter = 0;
    }
    m_last.ms = newest;
}

} // namespace mlaprep::sync
