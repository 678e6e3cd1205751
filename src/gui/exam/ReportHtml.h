#pragma once

#include "exam/ExamReport.h"

#include <QString>

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui::design {
struct Colours;
}

namespace mlaprep::gui {

// Which of an attempt's items the report lists.
enum class ReportFilter { All, Wrong, Flagged, Unanswered };
// Wrong means answered and not right; an unanswered item is only in Unanswered (and All).
bool inFilter(const ItemResult& result, ReportFilter filter);
int countInFilter(const ExamReport& report, ReportFilter filter);

// Links in the items part that are the app's own, not content: a lesson opens the note at its section,
// "report" opens Report an error with the item's id filled in.
inline constexpr auto LessonLinkScheme = "lesson";
inline constexpr auto ReportLinkScheme = "report";
// Where the items part starts.
inline constexpr auto ItemsAnchor = "items";

// A screen has live links and every option's why; a printed page spells the doc links out and keeps each
// item short (the stem's start, both answers, the lesson, the docs).
enum class ReportMedium { Screen, Print };

// The score report as HTML for a QTextDocument: the heading (attempt, date, bundle version), the estimate,
// pass line, domains, task statements and our extra figures.
QString reportSummaryHtml(const ExamReport& report, bool practice, const design::Colours& colours);
// Every item the filter keeps, in attempt order, each with its number in the attempt.
QString reportItemsHtml(const Bundle& bundle, const ExamReport& report, ReportFilter filter,
    ReportMedium medium, const design::Colours& colours);

} // namespace mlaprep::gui
