#include "content/Question.h"

#include <algorithm>
#include <array>
#include <utility>

namespace mlaprep {

namespace {

constexpr std::array<std::pair<QuestionType, const char*>, 5> TypeNames { {
    { QuestionType::Single, "single" },
    { QuestionType::Multi, "multi" },
    { QuestionType::Ordering, "ordering" },
    { QuestionType::Matching, "matching" },
    { QuestionType::Case, "case" },
} };

} // namespace

std::optional<QuestionType> questionTypeFromString(const std::string& text)
{
    for (const auto& [type, name] : TypeNames) {
        if (text == name) {
            return type;
        }
    }
    return std::nullopt;
}

const char* toString(QuestionType type)
{
    for (const auto& [candidate, name] : TypeNames) {
        if (candidate == type) {
            return name;
        }
    }
    return "?";
}

const Option* Question::findOption(const std::string& optionId) const
{
    auto it = std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.id == optionId; });
    return it == options.end() ? nullptr : &*it;
}

} // namespace mlaprep
