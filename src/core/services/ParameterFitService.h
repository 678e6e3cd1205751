#pragma once

#include "common/Result.h"
#include "fsrs/Optimizer.h"
#include "services/Changes.h"

#include <functional>
#include <vector>

namespace mlaprep {

class StudyService;

// What a fit starts from, read from the store: every item's answers and the parameters in force.
struct ParameterFitInput {
    std::vector<fsrs::ReviewHistory> histories;
    fsrs::Parameters current {};
};

// Fits the FSRS parameters to the learner's own answers. A fit takes seconds, so it is three calls: the
// input is read on the store's thread, the fit itself is pure and may run on a worker thread (reporting
// progress, stopping when cancelled), and the parameters the learner accepts are saved as a setting.
class ParameterFitService {
public:
    explicit ParameterFitService(StudyService& study)
        : m_study(study)
    {
    }

    Result<ParameterFitInput> input();
    // Needs no store and touches no service state. `progress` gets the fraction done (0..1) from the
    // thread that runs the fit; `cancelled` is polled between batches and stops with the best so far.
    static Result<fsrs::OptimizerResult> fit(const ParameterFitInput& input,
        std::function<void(double)> progress = {}, std::function<bool()> cancelled = {});
    Result<Changes> adopt(const fsrs::Parameters& fitted);

private:
    StudyService& m_study;
};

} // namespace mlaprep
