#include "gui/exam/ReportHtml.h"

#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "exam/ScaledScore.h"
#include "gui/common/QtConvert.h"
#include "gui/common/WeakTaskHtml.h"

#include <QObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace mlaprep::gui {

namespace {

QString percent(int correct, int total)
{
    return total > 0 ? QStringLiteral("%1 %").arg(std::lround(100.0 * correct / total)) : QStringLiteral("–");
}

QString minutesText(long long ms)
{
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

QString escaped(const std::string& text)
{
    return toQString(text).toHtmlEscaped();
}

// "B. text" for an option, lettered by its place in the attempt's display order.
QString optionLabel(const Question& question, const std::vector<std::string>& order, const std::string& id)
{
    const auto at = std::find(order.begin(), order.end(), id);
    const QString letter = at == order.end()
        ? QStringLiteral("?")
        : QString(QChar(u'A' + static_cast<char16_t>(at - order.begin())));
    const Option* option = question.findOption(id);
    return letter + QStringLiteral(". ") + (option ? escaped(option->text) : escaped(id));
}

QString describeAnswer(const Question& question, const std::vector<std::string>& order, const Answer& answer)
{
    QStringList parts;
    if (question.type == QuestionType::Matching) {
        for (const auto& prompt : question.prompts) {
            auto chosen = answer.pairs.find(prompt.id);
            parts << escaped(prompt.text) + QStringLiteral(" → ")
                    + (chosen == answer.pairs.end() ? QStringLiteral("–")
                                                    : optionLabel(question, order, chosen->second));
        }
        return parts.join(QStringLiteral("<br>"));
    }
    for (const auto& id : answer.choices) {
        parts << optionLabel(question, order, id);
    }
    return parts.join(
        question.type == QuestionType::Ordering ? QStringLiteral(" → ") : QStringLiteral("<br>"));
}

} // namespace

QString reportSummaryHtml(const ExamReport& report, bool practice)
{
    QString html;
    html += QStringLiteral("<h1>%1</h1>")
                .arg(practice ? QObject::tr("Practice session report") : QObject::tr("Score report"));
    if (practice) {
        // A drill is not a blueprint mock: a scaled score and a verdict would read as an exam result.
        html += QObject::tr("<p style=\"font-size:x-large\"><b>%1 of %2 correct (%3)</b></p>")
                    .arg(report.scoredCorrect)
                    .arg(report.scoredTotal)
                    .arg(percent(report.scoredCorrect, report.scoredTotal));
        html += QObject::tr("<p><i>A practice session gets no scaled score: only a full blueprint mock does. "
                            "Its answers count toward the readiness forecast on Today.</i></p>");
    } else {
        const QString verdict = report.passed ? QObject::tr("<span style=\"color:#2e9d4f\">PASS</span>")
                                              : QObject::tr("<span style=\"color:#d0453a\">FAIL</span>");
        html += QObject::tr("<p style=\"font-size:x-large\"><b>Estimated scaled score: %1</b> &nbsp; %2</p>")
                    .arg(report.scaledScore)
                    .arg(verdict);
        html += QObject::tr(
            "<p><i>An estimate: %1 of %2 scored items correct (%3), mapped to AWS's %4–%5 scale with "
            "the pass mark of %6 placed at %7 % correct. AWS does not publish its mapping.</i></p>")
                    .arg(report.scoredCorrect)
                    .arg(report.scoredTotal)
                    .arg(percent(report.scoredCorrect, report.scoredTotal))
                    .arg(report.exam.scaleMin)
                    .arg(report.exam.scaleMax)
                    .arg(report.exam.pass)
                    .arg(std::lround(PassingRawFraction * 100));
    }

    html += QObject::tr(
        "<h2>Performance by domain</h2><table><tr><th>Domain</th><th>Weight</th><th>Correct</th>"
        "<th>%</th><th>Performance</th></tr>");
    for (const auto& domain : report.domains) {
        const bool meets = meetsCompetencies(domain.correct, domain.total);
        html += QStringLiteral("<tr><td>%1 %2</td><td>%3 %</td><td>%4/%5</td><td>%6</td><td>%7</td></tr>")
                    .arg(escaped(domain.id), escaped(domain.title))
                    .arg(std::lround(domain.weight * 100))
                    .arg(domain.correct)
                    .arg(domain.total)
                    .arg(percent(domain.correct, domain.total))
                    .arg(domain.total == 0 ? QObject::tr("Not tested")
                            : meets        ? QObject::tr("Meets Competencies")
                                           : QObject::tr("<b>Needs Improvement</b>"));
    }
    html += QStringLiteral("</table>");

    html += QObject::tr(
        "<h2>By task statement</h2><table><tr><th>Task statement</th><th>Correct</th><th>%</th></tr>");
    for (const auto& task : report.tasks) {
        if (task.total == 0) {
            continue;
        }
        html += QStringLiteral("<tr><td>%1 %2</td><td>%3/%4</td><td>%5</td></tr>")
                    .arg(escaped(task.id), escaped(task.title))
                    .arg(task.correct)
                    .arg(task.total)
                    .arg(percent(task.correct, task.total));
    }
    html += QStringLiteral("</table>");
    if (report.weakestTask) {
        html += weakTaskBulletsHtml(*report.weakestTask);
    }

    const int items = static_cast<int>(report.items.size());
    html += QObject::tr("<h2>More than the real report</h2><ul>");
    html += QObject::tr("<li>Answered %1 of %2; time used %3, %4 per item on average.</li>")
                .arg(report.answered)
                .arg(items)
                .arg(minutesText(report.totalTimeMs))
                .arg(minutesText(items > 0 ? report.totalTimeMs / items : 0));
    html += QObject::tr("<li>Changed answers: %1 wrong → right, %2 right → wrong.</li>")
                .arg(report.wrongToRight)
                .arg(report.rightToWrong);
    html += QObject::tr("<li>Flagged items: %1 correct (%2); unflagged: %3 correct (%4).</li>")
                .arg(QStringLiteral("%1/%2").arg(report.flaggedCorrect).arg(report.flaggedTotal))
                .arg(percent(report.flaggedCorrect, report.flaggedTotal))
                .arg(QStringLiteral("%1/%2").arg(report.unflaggedCorrect).arg(report.unflaggedTotal))
                .arg(percent(report.unflaggedCorrect, report.unflaggedTotal));
    if (report.unscoredCount > 0) {
        QStringList positions;
        for (std::size_t i = 0; i < report.items.size(); ++i) {
            if (!report.items[i].item.scored) {
                positions << QString::number(i + 1);
            }
        }
        html += QObject::tr("<li>Unscored items (as on the real exam, they counted for nothing): %1.</li>")
                    .arg(positions.join(QStringLiteral(", ")));
    }
    const auto missed = std::count_if(report.items.begin(), report.items.end(),
        [](const ItemResult& r) { return r.item.scored && !r.correct; });
    html += QObject::tr(
        "<li>Missed %1 scored item(s); each is listed below with its lesson, and goes back into "
        "your review queue.</li>")
                .arg(missed);
    html += QStringLiteral("</ul>");
    return html;
}

QString reportItemsHtml(const Bundle& bundle, const ExamReport& report)
{
    std::map<std::string, const Question*> byId;
    for (const Question* question : bundle.scoredItems()) {
        byId[question->id] = question;
    }
    QString html = QObject::tr("<h2>Every item</h2>");
    for (std::size_t i = 0; i < report.items.size(); ++i) {
        const ItemResult& result = report.items[i];
        auto found = byId.find(result.item.itemId);
        if (found == byId.end()) {
            html += QObject::tr("<p><b>%1.</b> %2 is no longer in this bundle.</p>")
                        .arg(i + 1)
                        .arg(escaped(result.item.itemId));
            continue;
        }
        const Question& question = *found->second;
        const QString mark = result.correct
            ? QStringLiteral("<span style=\"color:#2e9d4f\">✓ correct</span>")
            : QStringLiteral("<span style=\"color:#d0453a\">✗ %1</span>")
                  .arg(result.answer ? QObject::tr("wrong") : QObject::tr("not answered"));
        html += QStringLiteral("<h3>%1. %2 — task %3%4%5</h3>")
                    .arg(i + 1)
                    .arg(mark, escaped(question.task), result.flagged ? QObject::tr(" · flagged") : QString(),
                        result.item.scored ? QString() : QObject::tr(" · unscored"));
        html += toQString(markdownToHtml(question.stem));
        html += QObject::tr("<p><b>Your answer:</b><br>%1</p>")
                    .arg(result.answer ? describeAnswer(question, result.item.optionOrder, *result.answer)
                                       : QObject::tr("–"));
        html += QObject::tr("<p><b>Correct answer:</b><br>%1</p>")
                    .arg(describeAnswer(question, result.item.optionOrder, keyOf(question)));
        html += toQString(markdownToHtml(question.explanation));
        html += QObject::tr("<p><i>%1 s on this item · %2</i></p>")
                    .arg(result.timeSpentMs / 1000)
                    .arg(escaped(question.id));
    }
    return html;
}

} // namespace mlaprep::gui
