#include "Arguments.h"

namespace mlaprep::cli {

std::optional<Arguments> Arguments::parse(const std::vector<std::string>& words,
    const std::set<std::string>& valueOptions, const std::set<std::string>& flagOptions, std::string& error)
{
    Arguments arguments;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (word.rfind("--", 0) != 0 || word == "--") {
            arguments.m_positional.push_back(word);
            continue;
        }
        std::optional<std::string> inlineValue;
        if (auto equals = word.find('='); equals != std::string::npos) {
            inlineValue = word.substr(equals + 1);
            word = word.substr(0, equals);
        }
        if (flagOptions.count(word) && !inlineValue) {
            arguments.m_flags.insert(word);
        } else if (valueOptions.count(word)) {
            if (!inlineValue && i + 1 >= words.size()) {
                error = word + " needs a value";
                return std::nullopt;
            }
            arguments.m_values.emplace(word, inlineValue ? *inlineValue : words[++i]);
        } else {
            error = "unknown option " + word;
            return std::nullopt;
        }
    }
    return arguments;
}

std::optional<std::string> Arguments::value(const std::string& option) const
{
    auto it = m_values.find(option);
    if (it == m_values.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<std::string> Arguments::values(const std::string& option) const
{
    std::vector<std::string> result;
    auto [begin, end] = m_values.equal_range(option);
    for (auto it = begin; it != end; ++it) {
        result.push_back(it->second);
    }
    return result;
}

} // namespace mlaprep::cli
