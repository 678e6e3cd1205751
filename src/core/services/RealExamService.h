#pragma once

#include "common/CalendarDate.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "content/ExamSpec.h"
#include "services/Changes.h"
#include "analytics/RealExamResult.h"

#include <memory>
#include <optional>
#include <vector>

namespace mlaprep {

class ProgressService;
class Store;

// What the learner says of a real exam: the scaled score (pass or fail follows from it), or only pass or
// fail when that is all they know.
struct RealExamScore {
    std::optional<int> scaled;
    std::optional<bool> passed;
};

// The learner's real exam results, each kept with the readiness forecast of the day before, so the
// forecast can be checked against what happened (docs/readiness.md, "Real results").
class RealExamService {
public:
    RealExamService(
        std::shared_ptr<Store> store, ProgressService& progress, const Clock& clock, ExamSpec exam);

    // The exam date whose result Today asks for: the stored exam date once it is today or past, while no
    // result of that date is recorded.
    Result<std::optional<CalendarDate>> awaitingResult();
    // Records the result of the exam on `examDate` (today or earlier) with the forecast from the history
    // up to the start of that day (UTC), in one transaction. A date already recorded is corrected and
    // keeps the forecast it had. Changes::exams.
    Result<Changes> record(CalendarDate examDate, const RealExamScore& score);
    // Oldest exam first.
    Result<std::vector<RealExamResultRow>> results();

private:
    std::shared_ptr<Store> m_store;
    ProgressService& m_progress;
    const Clock& m_clock;
    ExamSpec m_exam;
};

} // namespace mlaprep
