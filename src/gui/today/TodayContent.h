#pragma once

#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/SettingsService.h"
#include "srs/ExamDayPolicy.h"
#include "srs/QueuePolicy.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

struct DomainBarContent {
    QString label; // "1 · Data Preparation for ML"
    QString detail; // "64 % · 28 % of the exam" or "unseen · 28 % of the exam"
    double weight = 0.0; // the bar's length relative to the heaviest domain (0–1)
    double fill = 0.0; // mastery (0–1) of that length
    bool unseen = true;
};

// The one thing Today offers first, as its primary button.
enum class NextAction {
    SetExamDate, // no exam date: the plan needs one
    StartReviews, // reviews (or new items) are waiting
    FirstMock, // nothing due and no mock taken yet
    StudyWeakest, // nothing due, mocks taken: read the weakest task's note
    None,
};

// Every text and state the Today screen shows, decided here so the page only displays (house rule 11).
struct TodayContent {
    QString examLine; // "12 days to your exam (Sat 12 Dec 2026)" or "No exam date set"
    QString queueLine; // "Due today: 34 reviews · 5 learning · 20 new"
    bool queueEmpty = true;
    QString readinessScore; // "742" or "—"
    QString readinessRange; // "80 % range 690–790 · pass likely (64 %)" or the reason
    bool readinessKnown = false;
    // What the forecast rests on and what pulls it down most, in a sentence; empty without enough data.
    QString readinessBasis;
    std::vector<DomainBarContent> domains;
    QString weakestTitle; // "3.2 Choose deployment infrastructure"
    QString weakestDetail; // "mastery 41 % · 12 of 80 items seen" or "unseen"
    std::string weakestTaskId;
    QString planLine; // today's share of the plan
    QString trackLine; // "On track" / "Behind: …" (rich text: may hold the link that raises the limit)
    bool onTrack = true;
    // The new-item limit the plan needs when the learner's is too low to cover every task (else 0);
    // the track line links to raising it.
    int raiseNewPerDayTo = 0;
    // "Predicted recall on exam day: 84 % if you keep the plan (today's pace: 78 %)" and per domain.
    QString outlookLine;
    QString newLimitLine; // set when the daily new limit holds back today's share of the plan
    NextAction nextAction = NextAction::None;
    QString nextActionLabel; // "Start the 34 due reviews"
    QString nextActionDetail; // one line saying why this comes first
};

TodayContent buildTodayContent(const Bundle& bundle, const std::optional<srs::QueueCounts>& counts,
    const std::optional<ProgressSummary>& progress, const std::optional<Settings>& settings,
    const std::optional<srs::StudyPlan>& plan, std::int64_t today,
    const std::optional<ExamOutlook>& outlook = std::nullopt, std::optional<int> mocksTaken = std::nullopt);

} // namespace mlaprep::gui
