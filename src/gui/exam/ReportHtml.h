#pragma once

#include "exam/ExamReport.h"

#include <QString>

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

// The score report as HTML for a QTextDocument. The summary (estimate, pass line, domains, task
// statements, our extra figures) fits on one or two printed pages and is what the PDF holds; the items
// part lists every item with the learner's answer, the key and the lesson, for the screen.
QString reportSummaryHtml(const ExamReport& report, bool practice);
QString reportItemsHtml(const Bundle& bundle, const ExamReport& report);

} // namespace mlaprep::gui
