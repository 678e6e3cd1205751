#include "gui/exam/ReportHtml.h"

#include "content/Bundle.h"
#include "content/BundleIndex.h"
#include "content/MarkdownHtml.h"
#include "exam/ScaledScore.h"
#include "gui/common/Design.h"
#include "gui/common/Plural.h"
#include "gui/common/QtConvert.h"
#include "gui/common/TextStart.h"
#include "gui/common/WeakTaskHtml.h"

#include <QDateTime>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <set>

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

QString coloured(const QColor& colour, const QString& html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), html);
}

// "Model monitor (sagemaker docs)" for https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor.html:
// what the page is about, then whose documentation, instead of the bare address.
QString docTitle(const std::string& address)
{
    const QUrl url(toQString(address));
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString page = segments.isEmpty() ? url.host() : segments.last();
    page.remove(QRegularExpression(QStringLiteral("\\.html?$")));
    page.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!page.isEmpty()) {
        page[0] = page[0].toUpper();
    }
    const bool awsDocs = url.host() == QStringLiteral("docs.aws.amazon.com") && segments.size() > 1;
    return QObject::tr("%1 (%2)").arg(
        page, awsDocs ? QObject::tr("%1 docs").arg(segments.first()) : url.host());
}

// A bar of the share right in the domain's own colour (docs/design.md) on a faint track: the report's
// per-domain chart, on screen and on paper alike.
QString domainBarHtml(int domainNumber, const AreaResult& domain, const design::Colours& colours)
{
    constexpr int BarWidth = 120;
    // The report's style sheet pads and rims every table cell; a bar's cells are neither.
    constexpr auto BarCellStyle = "border: none; padding: 0px; font-size: 6px;";
    const int filled
        = domain.total > 0 ? static_cast<int>(std::lround(BarWidth * domain.percent() / 100.0)) : 0;
    QString cells;
    if (filled > 0) {
        cells += QStringLiteral("<td width=\"%1\" bgcolor=\"%2\" style=\"%3\">&nbsp;</td>")
                     .arg(filled)
                     .arg(design::domainColour(domainNumber).name(), QLatin1String(BarCellStyle));
    }
    if (filled < BarWidth) {
        // The track: the control rim, faint, so an empty bar still reads as a bar.
        QColor track = colours.rim;
        track.setAlphaF(0.3);
        cells += QStringLiteral("<td width=\"%1\" bgcolor=\"%2\" style=\"%3\">&nbsp;</td>")
                     .arg(BarWidth - filled)
                     .arg(track.name(QColor::HexArgb), QLatin1String(BarCellStyle));
    }
    return QStringLiteral(
        "<td><table width=\"%1\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin: 0px;\">"
        "<tr>%2</tr></table></td>")
        .arg(BarWidth)
        .arg(cells);
}

// The options the learner struck through, in display order, on screen and on paper: ruling out the key
// is a lesson of its own.
QString struckHtml(const Question& question, const ItemResult& result, const design::Colours& colours)
{
    QStringList labels;
    bool keyStruck = false;
    const Answer key = keyOf(question);
    for (const auto& id : result.item.optionOrder) {
        if (result.struck.count(id) == 0) {
            continue;
        }
        labels << QStringLiteral("<s>%1</s>").arg(optionLabel(question, result.item.optionOrder, id));
        keyStruck = keyStruck || std::find(key.choices.begin(), key.choices.end(), id) != key.choices.end();
    }
    if (labels.isEmpty()) {
        return {};
    }
    return QObject::tr("<p><b>Ruled out:</b><br>%1%2</p>")
        .arg(labels.join(QStringLiteral("<br>")),
            keyStruck
                ? QStringLiteral("<br>") + coloured(colours.wrong, QObject::tr("You ruled out the key."))
                : QString());
}

// Each option in the attempt's order with whether it was the key, the learner's pick or ruled out, and its
// why.
QString optionWhysHtml(const Question& question, const std::vector<std::string>& order,
    const std::optional<Answer>& answer, const std::set<std::string>& struck, const design::Colours& colours)
{
    const Answer key = keyOf(question);
    const auto contains = [](const Answer& in, const std::string& id) {
        return std::find(in.choices.begin(), in.choices.end(), id) != in.choices.end()
            || std::any_of(
                in.pairs.begin(), in.pairs.end(), [&](const auto& pair) { return pair.second == id; });
    };
    QString html = QObject::tr("<p><b>Why each option:</b></p><ul>");
    for (const auto& id : order) {
        const Option* option = question.findOption(id);
        if (!option) {
            continue;
        }
        QStringList marks;
        if (question.type != QuestionType::Ordering && contains(key, id)) {
            marks << coloured(colours.correct, QObject::tr("key"));
        }
        if (question.type != QuestionType::Ordering && answer && contains(*answer, id)) {
            marks << QObject::tr("your pick");
        }
        if (struck.count(id) != 0) {
            marks << QObject::tr("you ruled it out");
        }
        html
            += QStringLiteral("<li>%1%2 — %3</li>")
                   .arg(optionLabel(question, order, id),
                       marks.isEmpty() ? QString()
                                       : QStringLiteral(" <b>[%1]</b>").arg(marks.join(QStringLiteral(", "))),
                       toQString(markdownToHtml(option->why))
                           .remove(QStringLiteral("<p>"))
                           .remove(QStringLiteral("</p>")));
    }
    return html + QStringLiteral("</ul>");
}

// The lesson (opens the note at its section on screen) and the AWS documentation pages of an item.
QString lessonAndDocsHtml(const BundleIndex& index, const IndexedQuestion& found, ReportMedium medium)
{
    QString html;
    const std::string& reference
        = found.question->note.empty() && found.caseParent ? found.caseParent->note : found.question->note;
    if (const NoteAnchor anchor = index.anchor(reference); anchor.note) {
        const QString title = toQString(anchor.note->title).toHtmlEscaped()
            + (anchor.heading ? QStringLiteral(" › ") + toQString(anchor.heading->text).toHtmlEscaped()
                              : QString());
        html += medium == ReportMedium::Screen
            ? QObject::tr("<p><b>Lesson:</b> <a href=\"%1:%2\">%3</a></p>")
                  .arg(QLatin1String(LessonLinkScheme), toQString(reference).toHtmlEscaped(), title)
            : QObject::tr("<p><b>Lesson:</b> %1</p>").arg(title);
    }
    const auto& refs
        = found.question->refs.empty() && found.caseParent ? found.caseParent->refs : found.question->refs;
    QStringList docs;
    for (const auto& ref : refs) {
        const QString address = toQString(ref).toHtmlEscaped();
        docs << (medium == ReportMedium::Screen
                ? QStringLiteral("<a href=\"%1\">%2</a>").arg(address, docTitle(ref).toHtmlEscaped())
                : QStringLiteral("%1<br><span style=\"font-size:small\">%2</span>")
                      .arg(docTitle(ref).toHtmlEscaped(), address));
    }
    if (!docs.isEmpty()) {
        html += QObject::tr("<p><b>AWS docs:</b><br>%1</p>").arg(docs.join(QStringLiteral("<br>")));
    }
    return html;
}

} // namespace

bool inFilter(const ItemResult& result, ReportFilter filter)
{
    switch (filter) {
    case ReportFilter::All:
        return true;
    case ReportFilter::Wrong:
        return result.answer && !result.correct;
    case ReportFilter::Flagged:
        return result.flagged;
    case ReportFilter::Unanswered:
        return !result.answer;
    }
    return true;
}

int countInFilter(const ExamReport& report, ReportFilter filter)
{
    return static_cast<int>(std::count_if(report.items.begin(), report.items.end(),
        [filter](const ItemResult& result) { return inFilter(result, filter); }));
}

QString reportSummaryHtml(const ExamReport& report, bool practice, const design::Colours& colours)
{
    QString html;
    html += QStringLiteral("<h1>%1</h1>")
                .arg(practice ? QObject::tr("Practice session report") : QObject::tr("Score report"));
    html += QObject::tr("<p>Attempt %1 · taken %2%4 · bundle version %3</p>")
                .arg(report.attemptId)
                .arg(QDateTime::fromMSecsSinceEpoch(report.startedMs)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    report.bundleVersion.empty() ? QObject::tr("unknown") : escaped(report.bundleVersion),
                    report.device.empty() ? QString() : QObject::tr(" on %1").arg(escaped(report.device)));
    if (practice) {
        // A drill is not a blueprint mock: a scaled score and a verdict would read as an exam result.
        html += QObject::tr("<p style=\"font-size:x-large\"><b>%1 of %2 correct (%3)</b></p>")
                    .arg(report.scoredCorrect)
                    .arg(report.scoredTotal)
                    .arg(percent(report.scoredCorrect, report.scoredTotal));
        html += QObject::tr("<p><i>A practice session gets no scaled score: only a full blueprint mock does. "
                            "Its answers count toward the readiness forecast on Today.</i></p>");
    } else {
        const QString verdict = report.passed ? coloured(colours.correct, QObject::tr("PASS"))
                                              : coloured(colours.wrong, QObject::tr("FAIL"));
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
        "<th>%</th><th>Share right</th><th>Performance</th></tr>");
    for (std::size_t i = 0; i < report.domains.size(); ++i) {
        const AreaResult& domain = report.domains[i];
        const bool meets = meetsCompetencies(domain.correct, domain.total);
        html += QStringLiteral("<tr><td>%1 %2</td><td>%3 %</td><td>%4/%5</td><td>%6</td>")
                    .arg(escaped(domain.id), escaped(domain.title))
                    .arg(std::lround(domain.weight * 100))
                    .arg(domain.correct)
                    .arg(domain.total)
                    .arg(percent(domain.correct, domain.total));
        html += domainBarHtml(static_cast<int>(i) + 1, domain, colours);
        html += QStringLiteral("<td>%1</td></tr>")
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
    html += QObject::tr("<li>Missed %1; each is listed below with its lesson, and goes back into your "
                        "review queue.</li>")
                .arg(countOf(missed, QObject::tr("scored item"), QObject::tr("scored items")));
    html += QStringLiteral("</ul>");
    return html;
}

QString reportItemsHtml(const Bundle& bundle, const ExamReport& report, ReportFilter filter,
    ReportMedium medium, const design::Colours& colours)
{
    const BundleIndex index(bundle);
    const int listed = countInFilter(report, filter);
    // The anchor lets the screen jump past the summary to the list when the learner picks a filter.
    QString html = QStringLiteral("<a name=\"%1\"></a>").arg(QLatin1String(ItemsAnchor));
    html += filter == ReportFilter::All ? QObject::tr("<h2>Every item</h2>")
                                        : QObject::tr("<h2>%1 of %2</h2>")
                                              .arg(countOf(listed, QObject::tr("item"), QObject::tr("items")))
                                              .arg(report.items.size());
    if (listed == 0) {
        html += QObject::tr("<p>No item of this attempt is in this list.</p>");
    }
    for (std::size_t i = 0; i < report.items.size(); ++i) {
        const ItemResult& result = report.items[i];
        if (!inFilter(result, filter)) {
            continue;
        }
        const IndexedQuestion found = index.scoredItem(result.item.itemId);
        if (!found.question) {
            html += QObject::tr("<p><b>%1.</b> %2 is no longer in this bundle.</p>")
                        .arg(i + 1)
                        .arg(escaped(result.item.itemId));
            continue;
        }
        const Question& question = *found.question;
        const QString mark = result.correct ? coloured(colours.correct, QObject::tr("✓ right"))
            : result.answer                 ? coloured(colours.wrong, QObject::tr("✗ wrong"))
                                            : coloured(colours.wrong, QObject::tr("✗ not answered"));
        html += QStringLiteral("<h3>%1. %2 — task %3%4%5</h3>")
                    .arg(i + 1)
                    .arg(mark, escaped(question.task), result.flagged ? QObject::tr(" · flagged") : QString(),
                        result.item.scored ? QString() : QObject::tr(" · unscored"));
        html += medium == ReportMedium::Screen
            ? toQString(markdownToHtml(question.stem))
            : QStringLiteral("<p>%1</p>").arg(plainStart(question.stem, 220).toHtmlEscaped());
        html += QObject::tr("<p><b>Your answer:</b><br>%1</p>")
                    .arg(result.answer ? describeAnswer(question, result.item.optionOrder, *result.answer)
                                       : QObject::tr("–"));
        html += QObject::tr("<p><b>Correct answer:</b><br>%1</p>")
                    .arg(describeAnswer(question, result.item.optionOrder, keyOf(question)));
        html += struckHtml(question, result, colours);
        if (medium == ReportMedium::Screen) {
            html += optionWhysHtml(question, result.item.optionOrder, result.answer, result.struck, colours);
            html += toQString(markdownToHtml(question.explanation));
        }
        html += lessonAndDocsHtml(index, found, medium);
        // Time on an unanswered item is only the time it was on screen: it says nothing about the item.
        QStringList meta;
        if (result.answer) {
            meta << QObject::tr("%1 s on this item").arg(result.timeSpentMs / 1000);
        }
        meta << escaped(question.id);
        if (medium == ReportMedium::Screen) {
            meta << QObject::tr("<a href=\"%1:%2\">Report this</a>")
                        .arg(QLatin1String(ReportLinkScheme), escaped(question.id));
        }
        html += QStringLiteral("<p><i>%1</i></p>").arg(meta.join(QStringLiteral(" · ")));
    }
    return html;
}

} // namespace mlaprep::gui
