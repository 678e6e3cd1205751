#include "fsrs/Parameters.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace mlaprep::fsrs {

namespace {

Problem parameterProblem(std::string field, std::string message)
{
    Problem problem;
    problem.severity = Severity::Error;
    problem.field = std::move(field);
    problem.message = std::move(message);
    return problem;
}

} // namespace

Result<Parameters> checkAndFillParameters(std::span<const double> weights)
{
    if (weights.size() != ParameterCount && weights.size() != Fsrs5ParameterCount) {
        return Result<Parameters>::failure(parameterProblem(
            "params", "expected 21 FSRS-6 or 19 FSRS-5 weights, got " + std::to_string(weights.size())));
    }

    Problems problems;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!std::isfinite(weights[i])) {
            problems.push_back(parameterProblem("params[" + std::to_string(i) + "]",
                "weight w" + std::to_string(i) + " is not a finite number"));
        }
    }
    if (!problems.empty()) {
        return Result<Parameters>::failure(std::move(problems));
    }

    Parameters parameters {};
    std::copy(weights.begin(), weights.end(), parameters.begin());
    if (weights.size() == Fsrs5ParameterCount) {
        parameters[19] = Fsrs5SameDayDamping;
        parameters[20] = Fsrs5Decay;
    } else if (!(parameters[20] > 0.0)) {
        return Result<Parameters>::failure(
            parameterProblem("params[20]", "decay weight w20 must be greater than 0"));
    }
    return parameters;
}

} // namespace mlaprep::fsrs
