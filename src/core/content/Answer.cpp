#include "content/Answer.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace mlaprep {

namespace {

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream stream(text);
    while (std::getline(stream, part, separator)) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

} // namespace

Answer keyOf(const Question& question)
{
    Answer key;
    key.choices = question.answerIds;
    key.pairs = question.answerPairs;
    return key;
}

bool isCorrect(const Question& question, const Answer& answer)
{
    switch (question.type) {
    case QuestionType::Single:
    case QuestionType::Multi: {
        const std::set<std::string> chosen(answer.choices.begin(), answer.choices.end());
        const std::set<std::string> keys(question.answerIds.begin(), question.answerIds.end());
        return chosen.size() == answer.choices.size() && chosen == keys;
    }
    case QuestionType::Ordering:
        return answer.choices == question.answerIds;
    case QuestionType::Matching:
        return answer.pairs == question.answerPairs;
    case QuestionType::Case:
        break;
    }
    return false;
}

bool isComplete(const Question& question, const Answer& answer)
{
    switch (question.type) {
    case QuestionType::Single:
        return answer.choices.size() == 1;
    case QuestionType::Multi:
        return answer.choices.size() == question.answerIds.size();
    case QuestionType::Ordering:
        return answer.choices.size() == question.options.size();
    case QuestionType::Matching:
        return std::all_of(question.prompts.begin(), question.prompts.end(),
            [&](const Prompt& prompt) { return answer.pairs.count(prompt.id) > 0; });
    case QuestionType::Case:
        break;
    }
    return false;
}

std::string toText(const Answer& answer)
{
    std::string text;
    if (!answer.pairs.empty()) {
        for (const auto& [prompt, option] : answer.pairs) {
            text += (text.empty() ? "" : ";") + prompt + "=" + option;
        }
        return text;
    }
    for (const auto& choice : answer.choices) {
        text += (text.empty() ? "" : ",") + choice;
    }
    return text;
}

Answer answerFromText(const std::string& text)
{
    Answer answer;
    if (text.find('=') != std::string::npos) {
        for (const auto& pair : split(text, ';')) {
            const auto equals = pair.find('=');
            if (equals != std::string::npos) {
                answer.pairs[pair.substr(0, equals)] = pair.substr(equals + 1);
            }
        }
    } else {
        answer.choices = split(text, ',');
    }
    return answer;
}

} // namespace mlaprep
