#include "services/ParameterFitService.h"

#include "services/SettingsService.h"
#include "services/StudyService.h"

namespace mlaprep {

Result<ParameterFitInput> ParameterFitService::input()
{
    auto histories = m_study.reviewHistories();
    if (!histories) {
        return Result<ParameterFitInput>::failure(histories.problems());
    }
    return ParameterFitInput { std::move(histories.value()), m_study.config().parameters };
}

Result<fsrs::OptimizerResult> ParameterFitService::fit(
    const ParameterFitInput& input, std::function<void(double)> progress, std::function<bool()> cancelled)
{
    fsrs::OptimizerOptions options;
    options.initial = input.current;
    options.progress = std::move(progress);
    options.cancelled = std::move(cancelled);
    auto fitted = fsrs::optimize(input.histories, options);
    if (!fitted) {
        Problems problems;
        for (const auto& problem : fitted.problems()) {
            problems.push_back(Problem {
                Severity::Error, "", "", problem.field, problem.message, 0, 0, ProblemKind::UserInput });
        }
        return Result<fsrs::OptimizerResult>::failure(std::move(problems));
    }
    return fitted.value();
}

Result<Changes> ParameterFitService::adopt(const fsrs::Parameters& fitted)
{
    return m_study.settings().change([&](Settings& settings) { settings.parameters = fitted; });
}

} // namespace mlaprep
