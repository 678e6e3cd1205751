#include "exam/SimulatedAnswer.h"

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

} // namespace mlaprep
