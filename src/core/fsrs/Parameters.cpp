#include "fsrs/Parameters.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace mlaprep::fsrs {

namespace {

InputProblem parameterProblem(std::string field, std::string message)
{
    return InputProblem { std::move(field), std::move(message) };
}

} // namespace

Checked<Parameters> checkAndFillParameters(std::span<const double> weights)
{
    if (weights.size() != ParameterCount && weights.size() != Fsrs5ParameterCount) {
        return Checked<Parameters>::failure(parameterProblem(
            "params", "expected 21 FSRS-6 or 19 FSRS-5 weights, got " + std::to_string(weights.size())));
    }

    InputProblems problems;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!std::isfinite(weights[i])) {
            problems.push_back(parameterProblem("params[" + std::to_string(i) + "]",
                "weight w" + std::to_string(i) + " is not a finite number"));
        }
    }
    if (!problems.empty()) {
        return Checked<Parameters>::failure(std::move(problems));
    }

    Parameters parameters {};
    std::copy(weights.begin(), weights.end(), parameters.begin());
    if (weights.size() == Fsrs5ParameterCount) {
        parameters[19] = Fsrs5SameDayDamping;
        parameters[20] = Fsrs5Decay;
    } else if (!(parameters[20] > 0.0)) {
        return Checked<Parameters>::failure(
            parameterProblem("params[20]", "decay weight w20 must be greater than 0"));
    }
    return parameters;
}

} // namespace mlaprep::fsrs
