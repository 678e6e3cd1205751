#include "exam/ExamReport.h"
#include "gui/common/Design.h"
#include "gui/exam/ExamReportView.h"
#include "LoopFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QUrl>

using namespace mlaprep;

namespace {

// Stands in for the desktop: keeps each file URL the app asks to open instead of starting a file manager.
class FileUrlCatcher : public QObject {
    Q_OBJECT
public:
    FileUrlCatcher() { QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "open"); }
    ~FileUrlCatcher() override { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }
    FileUrlCatcher(const FileUrlCatcher&) = delete;
    FileUrlCatcher& operator=(const FileUrlCatcher&) = delete;

    QList<QUrl> opened;

public slots:
    void open(const QUrl& url) { opened.push_back(url); }
};

AttemptItemRecord record(const std::string& id, const std::string& task, std::optional<Answer> answer,
    bool flagged, std::vector<std::string> order)
{
    AttemptItemRecord r;
    r.item.itemId = id;
    r.item.taskId = task;
    r.item.domainId = task.substr(0, 1);
    r.item.optionOrder = std::move(order);
    r.answer = answer;
    r.flagged = flagged;
    r.timeSpentMs = 17'000;
    if (answer) {
        r.history = { *answer };
    }
    return r;
}

Answer choices(std::vector<std::string> ids)
{
    Answer answer;
    answer.choices = std::move(ids);
    return answer;
}

// Four items: right, wrong and flagged, unanswered (17 s on screen), right.
ExamReport fourItemReport(const Bundle& bundle)
{
    ExamReport report = buildReport(bundle,
        {
            record("q-1.1-001", "1.1", choices({ "b" }), false, { "a", "b", "c", "d" }),
            record("q-1.1-002", "1.1", choices({ "a", "c" }), true, { "a", "b", "c", "d", "e" }),
            record("q-2.1-001", "2.1", std::nullopt, false, { "a", "b", "c" }),
            record("q-1.1-001", "1.1", choices({ "b" }), false, { "a", "b", "c", "d" }),
        });
    report.attemptId = 7;
    report.startedMs = 1'795'003'200'000;
    report.bundleVersion = "1.0.0";
    return report;
}

QString shown(gui::ExamReportView& view, int filter)
{
    view.filter()->setCurrentIndex(filter);
    return view.browser()->toPlainText();
}

} // namespace

TEST_CASE("the report filters its items: all, wrong, flagged, unanswered", "[gui][report]")
{
    test::LoopFixture app;
    gui::ExamReportView view(app.bundle());
    view.showReport(fourItemReport(app.bundle()), false);

    QComboBox* filter = view.filter();
    REQUIRE(filter->count() == 4);
    CHECK(filter->itemText(0) == QStringLiteral("All items (4)"));
    CHECK(filter->itemText(1) == QStringLiteral("Wrong (1)"));
    CHECK(filter->itemText(2) == QStringLiteral("Flagged (1)"));
    CHECK(filter->itemText(3) == QStringLiteral("Unanswered (1)"));

    const QString all = shown(view, 0);
    CHECK(all.contains(QStringLiteral("Attempt 7 · taken ")));
    CHECK(all.contains(QStringLiteral("bundle version 1.0.0")));
    CHECK(all.count(QStringLiteral("Your answer:")) == 4);

    const QString wrong = shown(view, 1);
    CHECK(wrong.contains(QStringLiteral("1 item of 4")));
    CHECK(wrong.contains(QStringLiteral("Which formats are columnar?")));
    CHECK_FALSE(wrong.contains(QStringLiteral("A team queries three of 200 columns")));
    CHECK(wrong.contains(QStringLiteral("2. ✗ wrong — task 1.1 · flagged")));

    const QString unanswered = shown(view, 3);
    CHECK(unanswered.contains(QStringLiteral("Order the steps to train a model.")));
    CHECK(unanswered.contains(QStringLiteral("✗ not answered")));
    // Being on screen for 17 s is not time spent answering.
    CHECK_FALSE(unanswered.contains(QStringLiteral("s on this item")));
    CHECK(shown(view, 0).contains(QStringLiteral("17 s on this item")));
}

TEST_CASE("each reported item shows every option's why, its lesson and its docs by title", "[gui][report]")
{
    test::LoopFixture app;
    gui::ExamReportView view(app.bundle());
    view.showReport(fourItemReport(app.bundle()), false);
    const QString wrong = shown(view, 1);
    CHECK(wrong.contains(QStringLiteral("Why each option:")));
    CHECK(wrong.contains(QStringLiteral("C. CSV [your pick] — CSV stores one row per line.")));
    CHECK(wrong.contains(QStringLiteral("A. Parquet [key, your pick] — Parquet stores data column by")));
    CHECK(wrong.contains(QStringLiteral("Lesson: Data formats")));
    CHECK(wrong.contains(QStringLiteral("AWS docs:\nWhatis (sagemaker docs)")));
    CHECK(wrong.contains(QStringLiteral("Report this")));

    QSignalSpy lessons(&view, &gui::ExamReportView::lessonRequested);
    QSignalSpy reports(&view, &gui::ExamReportView::errorReportRequested);
    CHECK(shown(view, 0).contains(QStringLiteral("Lesson: Data formats › Parquet and ORC")));
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("lesson:n-1.1#parquet-and-orc")));
    REQUIRE(lessons.count() == 1);
    CHECK(lessons.front().front().toString() == QStringLiteral("n-1.1#parquet-and-orc"));
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("report:q-1.1-002")));
    REQUIRE(reports.count() == 1);
    CHECK(reports.front().front().toString() == QStringLiteral("q-1.1-002"));
}

TEST_CASE(
    "the PDF holds the whole report over several pages and the view says where it went", "[gui][report]")
{
    test::LoopFixture app;
    gui::ExamReportView view(app.bundle());
    view.showReport(fourItemReport(app.bundle()), false);
    view.filter()->setCurrentIndex(1); // the screen's filter does not cut the printed list

    // What is painted: the heading, the summary and every item with both answers, lesson and doc address.
    QTextDocument printed;
    printed.setHtml(view.printHtml());
    const QString text = printed.toPlainText();
    CHECK(text.contains(QStringLiteral("Attempt 7 · taken ")));
    CHECK(text.contains(QStringLiteral("bundle version 1.0.0")));
    CHECK(text.contains(QStringLiteral("Every item")));
    CHECK(text.count(QStringLiteral("A team queries three of 200 columns")) == 2);
    CHECK(text.contains(QStringLiteral("Which formats are columnar?")));
    CHECK(text.contains(QStringLiteral("Order the steps to train a model.")));
    CHECK(text.count(QStringLiteral("Correct answer:")) == 4);
    CHECK(text.contains(QStringLiteral("Lesson: Data formats › Parquet and ORC")));
    CHECK(text.contains(QStringLiteral("https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html")));

    test::TempDir out;
    QSignalSpy messages(&view, &gui::ExamReportView::message);
    const QString pdf = QString::fromStdString((out / "report.pdf").string());
    QString error;
    REQUIRE(view.exportPdf(pdf, error));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    // One page object per printed page (the page tree is "/Type /Pages").
    CHECK(bytes.count("/Type /Page\n") >= 2);
    CHECK(view.savedLabel()->isVisibleTo(&view));
    CHECK(view.savedLabel()->text().contains(pdf.toHtmlEscaped()));
    CHECK(view.savedLabel()->text().contains(QStringLiteral("Open folder")));
    REQUIRE(messages.count() == 1);
    CHECK(messages.front().front().toString() == QStringLiteral("Report saved to %1").arg(pdf));

    // "Open folder" opens the folder the PDF went to, as a link in the saved line is followed.
    FileUrlCatcher desktop;
    const QString link
        = view.savedLabel()->text().section(QStringLiteral("href=\""), 1).section(QLatin1Char('"'), 0, 0);
    REQUIRE_FALSE(link.isEmpty());
    emit view.savedLabel()->linkActivated(link);
    REQUIRE(desktop.opened.size() == 1);
    CHECK(desktop.opened.front() == QUrl::fromLocalFile(QString::fromStdString(out.path().string())));
}

TEST_CASE("the options a learner struck through are in the report and the PDF, the key among them named",
    "[gui][report]")
{
    test::LoopFixture app;
    gui::ExamReportView view(app.bundle());
    auto right = record("q-1.1-001", "1.1", choices({ "b" }), false, { "a", "b", "c", "d" });
    right.struck = { "d", "a" };
    // Struck B (a key) and picked A and C: wrong, and the report should say why.
    auto wrong = record("q-1.1-002", "1.1", choices({ "a", "c" }), false, { "a", "b", "c", "d", "e" });
    wrong.struck = { "b" };
    const auto plain = record("q-2.1-001", "2.1", std::nullopt, false, { "a", "b", "c" });
    view.showReport(buildReport(app.bundle(), { right, wrong, plain }), false);

    const QString screen = shown(view, 0);
    CHECK(screen.count(QStringLiteral("Ruled out:")) == 2);
    CHECK(screen.contains(QStringLiteral("Ruled out:\nA. CSV\nD. Plain text\n")));
    CHECK(screen.contains(QStringLiteral("Ruled out:\nB. ORC\nYou ruled out the key.")));
    CHECK(screen.count(QStringLiteral("You ruled out the key.")) == 1);
    CHECK(screen.contains(QStringLiteral("B. ORC [key, you ruled it out] — ")));
    CHECK(screen.contains(QStringLiteral("D. Plain text [you ruled it out] — ")));

    QTextDocument printed;
    printed.setHtml(view.printHtml());
    const QString paper = printed.toPlainText();
    CHECK(paper.contains(QStringLiteral("Ruled out:\nA. CSV\nD. Plain text\n")));
    CHECK(paper.contains(QStringLiteral("Ruled out:\nB. ORC\nYou ruled out the key.")));
}

TEST_CASE("picking a filter shows the item list, not the summary above it", "[gui][report]")
{
    test::LoopFixture app;
    gui::ExamReportView view(app.bundle());
    view.resize(800, 400);
    view.show();
    view.showReport(fourItemReport(app.bundle()), false);
    CHECK(view.browser()->verticalScrollBar()->value() == 0);
    view.filter()->setCurrentIndex(1);
    CHECK(view.browser()->verticalScrollBar()->value() > 0);
}

TEST_CASE("the report's domain table has a bar per domain in the domain's colour", "[gui][report]")
{
    test::LoopFixture app;
    const ExamReport report = fourItemReport(app.bundle());
    const QString html = gui::reportSummaryHtml(report, false, gui::design::colours(QPalette()));
    // Domain 1 went 2 of 3: two thirds of the 120 px bar in its colour; domain 2 went 0 of 1: no fill.
    CHECK(html.contains(
        QStringLiteral("<td width=\"80\" bgcolor=\"%1\"").arg(gui::design::domainColour(1).name())));
    CHECK_FALSE(html.contains(QStringLiteral("bgcolor=\"%1\"").arg(gui::design::domainColour(2).name())));
}

#include "ExamReportTests.moc"
