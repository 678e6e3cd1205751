#include "srs/SettingText.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace mlaprep::srs {

std::string numberText(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> numberFromText(std::string_view text)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string parametersText(const fsrs::Parameters& parameters)
{
    std::string text;
    for (const double weight : parameters) {
        text += (text.empty() ? "" : ",") + numberText(weight);
    }
    return text;
}

std::optional<fsrs::Parameters> parametersFromText(std::string_view text)
{
    std::vector<double> weights;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto value = numberFromText(text.substr(start, comma - start));
        if (!value) {
            return std::nullopt;
        }
        weights.push_back(*value);
        start = comma + 1;
    }
    auto checked = fsrs::checkAndFillParameters(weights);
    return checked ? std::optional(checked.value()) : std::nullopt;
}

} // namespace mlaprep::srs
