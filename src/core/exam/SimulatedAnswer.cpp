#include "exam/SimulatedAnswer.h"

#include <algorithm>

namespace mlaprep {

Answer simulatedAnswer(const Question& question, const std::vector<std::string>& optionOrder)
{
    Answer answer;
    switch (question.type) {
    case QuestionType::Single:
    case QuestionType::Multi: {
        const std::size_t wanted = question.type == QuestionType::Single ? 1 : question.answerIds.size();
        for (std::size_t i = 0; i < wanted && i < optionOrder.size(); ++i) {
            answer.choices.push_back(optionOrder[i]);
        }
        break;
    }
    case QuestionType::Ordering:
        answer.choices = optionOrder;
        break;
    case QuestionType::Matching:
        for (const auto& prompt : question.prompts) {
            if (!optionOrder.empty()) {
                answer.pairs[prompt.id] = optionOrder.front();
            }
        }
        break;
    case QuestionType::Case:
        break;
    }
    return answer;
}

Answer wrongAnswer(const Question& question, const std::vector<std::string>& optionOrder)
{
    Answer answer = simulatedAnswer(question, optionOrder);
    if (!isCorrect(question, answer)) {
        return answer;
    }
    answer = keyOf(question);
    if (answer.pairs.size() > 1) {
        std::swap(answer.pairs.begin()->second, std::next(answer.pairs.begin())->second);
    } else if (answer.pairs.size() == 1) {
        for (const auto& option : question.options) {
            if (option.id != answer.pairs.begin()->second) {
                answer.pairs.begin()->second = option.id;
                break;
            }
        }
    } else if (question.type == QuestionType::Ordering && answer.choices.size() > 1) {
        std::swap(answer.choices[0], answer.choices[1]);
    } else if (!answer.choices.empty()) {
        for (const auto& option : question.options) {
            if (std::find(answer.choices.begin(), answer.choices.end(), option.id) == answer.choices.end()) {
                answer.choices.front() = option.id;
                break;
            }
        }
    }
    return answer;
}

} // namespace mlaprep
