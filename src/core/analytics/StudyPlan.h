#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mlaprep::analytics {

// What the plan is computed from; days are study-day numbers (srs::studyDay), the exam on examDay.
struct PlanInputs {
    std::int64_t today = 0;
    std::int64_t examDay = 0;
    int minutesPerDay = 40;
    int unseenCards = 0;
    int unseenQuestions = 0;
    // Reviews and learning steps due today, already scheduled by FSRS.
    int dueToday = 0;
    // Items whose next review falls after the exam: each gets one last look before it.
    int lastLookItems = 0;
    // Minutes of study per item (first sight and its follow-ups), per review and per full mock.
    double newCardMinutes = 1.0;
    double newQuestionMinutes = 2.5;
    double reviewMinutes = 0.5;
    double mockMinutes = 150.0;
};

struct PlanDay {
    std::int64_t day = 0;
    int newCards = 0;
    int newQuestions = 0;
    int lastLook = 0;
    bool mock = false;
    double minutes = 0.0; // estimated, reviews included
};

// The exam-date plan (docs/readiness.md, "Plan"): unseen cards and questions spread evenly over the days
// before the final week, full mocks weekly and twice in the final week, and every item that would next
// be due after the exam seen once more in the final week. Recomputed from the store every day, so a
// missed day spreads over the days left.
struct StudyPlan {
    bool examSet = false;
    bool examPassed = false;
    int daysLeft = 0; // study days before the exam day
    std::vector<PlanDay> days; // today first, up to the day before the exam
    double minutesNeeded = 0.0; // the busiest day without a mock
    bool onTrack = true; // minutesNeeded fits minutesPerDay
    const PlanDay* today() const { return days.empty() ? nullptr : &days.front(); }
    // The next day with a mock, if any.
    const PlanDay* nextMock() const;
};

StudyPlan buildStudyPlan(const PlanInputs& inputs);

} // namespace mlaprep::analytics
