#include "exam/ScaledScore.h"

#include <algorithm>
#include <cmath>

namespace mlaprep {

int scaledScoreEstimate(double rawFraction, const ExamSpec& exam)
{
    const double raw = std::clamp(rawFraction, 0.0, 1.0);
    const double scaled = raw <= PassingRawFraction
        ? exam.scaleMin + (exam.pass - exam.scaleMin) * (raw / PassingRawFraction)
        : exam.pass + (exam.scaleMax - exam.pass) * ((raw - PassingRawFraction) / (1.0 - PassingRawFraction));
    return static_cast<int>(std::lround(scaled));
}

bool meetsCompetencies(int correct, int total)
{
    return total > 0 && correct >= PassingRawFraction * total - 1e-9;
}

} // namespace mlaprep
