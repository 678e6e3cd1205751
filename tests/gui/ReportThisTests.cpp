#include "gui/common/TextStart.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamReportView.h"
#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/reports/ReportErrorDialog.h"
#include "gui/review/ReviewPage.h"
#include "gui/search/ItemDialog.h"
#include "LoopFixture.h"
#include "services/ErrorReportService.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>

using namespace mlaprep;
using test::LoopFixture;

namespace {

// The Report an error dialog the window opened, once it is there.
gui::ReportErrorDialog* openedReportDialog(gui::MainWindow& window)
{
    gui::ReportErrorDialog* dialog = nullptr;
    REQUIRE(
        QTest::qWaitFor([&] { return (dialog = window.findChild<gui::ReportErrorDialog*>()) != nullptr; }));
    return dialog;
}

} // namespace

TEST_CASE("Report this on a question window, a review card and a report item fills in the item",
    "[gui][reporterror]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    SECTION("the question window")
    {
        window.openItem("question", "q-1.1-002");
        auto* itemDialog = window.findChild<gui::ItemDialog*>();
        REQUIRE(itemDialog != nullptr);
        itemDialog->findChild<QPushButton*>(QStringLiteral("itemReportError"))->click();
        gui::ReportErrorDialog* dialog = openedReportDialog(window);
        CHECK(dialog->kindBox()->currentData().toString() == QStringLiteral("question"));
        CHECK(dialog->itemEdit()->text() == QStringLiteral("q-1.1-002"));
    }
    SECTION("the card on the Review screen")
    {
        window.showScreen(gui::MainWindow::Screen::Review);
        const auto item = window.findChild<gui::ReviewPage*>()->reportableItem();
        REQUIRE(item.has_value());
        window.findChild<QToolButton*>(QStringLiteral("reviewReportError"))->click();
        gui::ReportErrorDialog* dialog = openedReportDialog(window);
        CHECK(dialog->kindBox()->currentData().toString() == item->first);
        CHECK(dialog->itemEdit()->text() == item->second);
        CHECK_FALSE(item->second.isEmpty());
    }
    SECTION("an item of the exam report")
    {
        emit window.examPage()->reportView()->browser()->anchorClicked(
            QUrl(QStringLiteral("report:q-2.1-001")));
        gui::ReportErrorDialog* dialog = openedReportDialog(window);
        CHECK(dialog->kindBox()->currentData().toString() == QStringLiteral("question"));
        CHECK(dialog->itemEdit()->text() == QStringLiteral("q-2.1-001"));
    }
}

TEST_CASE("a typed id that is not in the bundle is refused with a message and nothing is stored",
    "[gui][reporterror]")
{
    LoopFixture app;
    gui::ReportErrorDialog dialog(app.bundle(), app.session.reports());
    dialog.show();
    dialog.setItem(QStringLiteral("question"), QStringLiteral("q-9.9-9999"));
    dialog.accept();
    CHECK(dialog.isVisible());
    bool shown = false;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        shown |= label->isVisible()
            && label->text().contains(QStringLiteral("this bundle has no question q-9.9-9999"));
    }
    CHECK(shown);
    CHECK(app.session.reports().reports()->empty());

    // An imported card the store does not have is refused the same way.
    dialog.setItem(QStringLiteral("user-card"), QStringLiteral("u-1"));
    dialog.accept();
    CHECK(dialog.isVisible());
    shown = false;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        shown
            |= label->isVisible() && label->text().contains(QStringLiteral("you have imported no card u-1"));
    }
    CHECK(shown);
    CHECK(app.session.reports().reports()->empty());

    dialog.setItem(QStringLiteral("question"), QStringLiteral("q-1.1-001"));
    dialog.accept();
    CHECK_FALSE(dialog.isVisible());
    CHECK(app.session.reports().reports()->size() == 1);
}

TEST_CASE(
    "Cited by and the outline never cut a word: whole words, the full text as a tooltip", "[gui][notes]")
{
    CHECK(gui::plainStart("A **team** queries `three` of 200 columns", 20)
        == QStringLiteral("A team queries three …"));
    CHECK(gui::plainStart("Short", 20) == QStringLiteral("Short"));
    CHECK(gui::plainStart("Averyveryverylongwordwithoutspaces", 10) == QStringLiteral("Averyveryv …"));

    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.showScreen(gui::MainWindow::Screen::Notes);
    window.notesPage()->openNote("n-1.1");
    auto* citedBy = window.notesPage()->findChild<QListWidget*>(QStringLiteral("noteCitedBy"));
    auto* outline = window.notesPage()->findChild<QListWidget*>(QStringLiteral("noteOutline"));
    REQUIRE(citedBy->count() > 0);
    for (int row = 0; row < citedBy->count(); ++row) {
        // "[state] Question: start of the stem …": a whole-word start of the tooltip's full text.
        const QString shown = citedBy->item(row)->text().section(QStringLiteral(": "), 1);
        const QString whole = citedBy->item(row)->toolTip().section(QLatin1Char('\n'), 0, 0);
        const QString start = shown.endsWith(QStringLiteral(" …")) ? shown.chopped(2) : shown;
        INFO(shown.toStdString());
        CHECK(whole.startsWith(start));
        CHECK((start == whole || whole.at(start.size()) == QLatin1Char(' ')));
    }
    CHECK(citedBy->wordWrap());
    CHECK(outline->wordWrap());
    REQUIRE(outline->count() > 0);
    for (int row = 0; row < outline->count(); ++row) {
        CHECK(outline->item(row)->text().trimmed() == outline->item(row)->toolTip());
    }
}
