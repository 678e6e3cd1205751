#include "analytics/StudyPlan.h"

#include <algorithm>

namespace mlaprep::analytics {

namespace {

constexpr int FinalWeek = 7;

// `total` spread over `slots` as evenly as possible, the earlier slots taking the remainder.
int share(int total, int slots, int index)
{
    if (slots <= 0) {
        return 0;
    }
    return total / slots + (index < total % slots ? 1 : 0);
}

} // namespace

const PlanDay* StudyPlan::nextMock() const
{
    const auto found = std::find_if(days.begin(), days.end(), [](const PlanDay& day) { return day.mock; });
    return found == days.end() ? nullptr : &*found;
}

StudyPlan buildStudyPlan(const PlanInputs& inputs)
{
    StudyPlan plan;
    plan.examSet = true;
    const std::int64_t left = inputs.examDay - inputs.today;
    if (left <= 0) {
        plan.examPassed = left < 0;
        return plan;
    }
    plan.daysLeft = static_cast<int>(left);
    for (std::int64_t d = inputs.today; d < inputs.examDay; ++d) {
        plan.days.push_back(PlanDay { d });
    }
    const auto daysBeforeExam = [&](const PlanDay& day) { return inputs.examDay - day.day; };

    // Mocks: two in the final week (6 and 2 days before), then weekly going back from the first.
    for (auto& day : plan.days) {
        const std::int64_t before = daysBeforeExam(day);
        day.mock = before == 2 || (before >= 6 && (before - 6) % 7 == 0);
    }
    // A plan of a day or two has no room for a mock besides studying.
    if (plan.daysLeft < 3) {
        for (auto& day : plan.days) {
            day.mock = false;
        }
    }

    // New material on the study days before the final week (all study days when the exam is close).
    std::vector<PlanDay*> learning;
    std::vector<PlanDay*> finalWeek;
    for (auto& day : plan.days) {
        if (day.mock) {
            continue;
        }
        (daysBeforeExam(day) > FinalWeek ? learning : finalWeek).push_back(&day);
    }
    if (learning.empty()) {
        learning = finalWeek;
    }
    const int learningDays = static_cast<int>(learning.size());
    for (int i = 0; i < learningDays; ++i) {
        learning[static_cast<std::size_t>(i)]->newCards = share(inputs.unseenCards, learningDays, i);
        learning[static_cast<std::size_t>(i)]->newQuestions = share(inputs.unseenQuestions, learningDays, i);
    }
    // Last looks in the final week (or on whatever study days there are).
    std::vector<PlanDay*> looking = finalWeek.empty() ? learning : finalWeek;
    const int lookingDays = static_cast<int>(looking.size());
    for (int i = 0; i < lookingDays; ++i) {
        looking[static_cast<std::size_t>(i)]->lastLook = share(inputs.lastLookItems, lookingDays, i);
    }

    // Time: each new item brings its follow-up reviews; today also has what FSRS already scheduled.
    for (auto& day : plan.days) {
        day.minutes = day.newCards * inputs.newCardMinutes + day.newQuestions * inputs.newQuestionMinutes
            + day.lastLook * inputs.reviewMinutes + (day.mock ? inputs.mockMinutes : 0.0);
        if (day.day == inputs.today) {
            day.minutes += inputs.dueToday * inputs.reviewMinutes;
        }
        if (!day.mock) {
            plan.minutesNeeded = std::max(plan.minutesNeeded, day.minutes);
        }
    }
    plan.onTrack = plan.minutesNeeded <= inputs.minutesPerDay + 1e-9;
    return plan;
}

} // namespace mlaprep::analytics
