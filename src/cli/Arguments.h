#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mlaprep::cli {

// The command line after the subcommand: positional arguments, options with values (repeatable) and
// flags. Unknown options are a usage error (exit 2), so a typo never silently changes behaviour.
class Arguments {
public:
    static std::optional<Arguments> parse(const std::vector<std::string>& words,
        const std::set<std::string>& valueOptions, const std::set<std::string>& flagOptions,
        std::string& error);

    const std::vector<std::string>& positional() const { return m_positional; }
    std::optional<std::string> value(const std::string& option) const;
    std::vector<std::string> values(const std::string& option) const;
    bool flag(const std::string& option) const { return m_flags.count(option) > 0; }

private:
    std::vector<std::string> m_positional;
    std::multimap<std::string, std::string> m_values;
    std::set<std::string> m_flags;
};

} // namespace mlaprep::cli
