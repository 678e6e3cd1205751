#include "content/BundleLoader.h"
#include "gui/common/Dialogs.h"
#include "gui/interop/FileChooser.h"
#include "gui/interop/InteropMenu.h"
#include "gui/LoopFixture.h"
#include "gui/MainWindow.h"
#include "gui/reports/ReportErrorDialog.h"
#include "gui/review/ReviewPage.h"
#include "services/AnkiService.h"
#include "services/ErrorReportService.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

using namespace mlaprep;

namespace {

struct InteropFixture : test::LoopFixture {
    InteropFixture()
        : LoopFixture(test::ManualClock().now())
    {
    }
};

QAction* fileAction(gui::MainWindow& window, const char* name)
{
    return window.menuBar()->findChild<QAction*>(QString::fromLatin1(name));
}

} // namespace

TEST_CASE("the File menu offers the interop actions", "[gui][interop]")
{
    InteropFixture app;
    gui::MainWindow window(app.controller);
    for (const char* name : { "openBundleAction", "exportAnkiAction", "importAnkiAction",
             "importQuestionBankAction", "reportErrorAction", "errorReportsAction" }) {
        INFO(name);
        REQUIRE(fileAction(window, name));
    }
    CHECK(fileAction(window, "importAnkiAction")->isEnabled());
    CHECK_FALSE(fileAction(window, "openBundleAction")->isEnabled());
}

TEST_CASE("File, Export to Anki writes a package and Import from Anki reads it into the review queue",
    "[gui][interop]")
{
    InteropFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    const QString apkg = QString::fromStdString((app.dir / "out.apkg").string());
    gui::FileChooser::setNextFileNames({ apkg });
    fileAction(window, "exportAnkiAction")->trigger();
    CHECK(QFile::exists(apkg));
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Exported 2 cards")));

    const gui::ReviewPage* reviewBefore = window.reviewPage();
    const std::size_t cardsBefore = app.session.bundle().cards.size();
    gui::FileChooser::setNextFileNames({ apkg });
    fileAction(window, "importAnkiAction")->trigger();
    const auto imported = app.session.anki().userCards();
    REQUIRE(imported.ok());
    REQUIRE(imported->size() == 2);
    CHECK(window.statusBar()->currentMessage()
        == QStringLiteral("Imported 2 cards from out.apkg; 0 duplicates skipped, 0 rejected"));
    // A new snapshot holds the cards; the study queue and the window's screens are built over it.
    CHECK(app.session.bundle().cards.size() == cardsBefore + 2);
    CHECK(app.session.index().card(imported->front().itemId) != nullptr);
    CHECK(app.session.study().findItem(imported->front().itemId) != nullptr);
    CHECK(window.reviewPage() != reviewBefore);
}

TEST_CASE("importing a file with bad notes asks before importing what it can", "[gui][interop]")
{
    InteropFixture app;
    gui::MainWindow window(app.controller);
    const std::size_t cardsBefore = app.session.bundle().cards.size();
    const QString file
        = QString::fromStdString((test::testDataDir() / "interop" / "some-bad-notes.txt").string());
    gui::FileChooser::setNextFileNames({ file });
    gui::Dialogs::setNextAnswer(false);
    fileAction(window, "importAnkiAction")->trigger();
    CHECK(app.session.anki().userCards()->empty());
    CHECK(app.session.bundle().cards.size() == cardsBefore);

    gui::FileChooser::setNextFileNames({ file });
    gui::Dialogs::setNextAnswer(true);
    fileAction(window, "importAnkiAction")->trigger();
    CHECK(app.session.anki().userCards()->size() == 1);
    CHECK(app.session.bundle().cards.size() == cardsBefore + 1);
}

TEST_CASE("Report an error stores a report that Error reports lists and exports", "[gui][interop]")
{
    InteropFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    fileAction(window, "reportErrorAction")->trigger();
    gui::ReportErrorDialog* dialog = nullptr;
    REQUIRE(
        QTest::qWaitFor([&] { return (dialog = window.findChild<gui::ReportErrorDialog*>()) != nullptr; }));
    dialog->setItem(QStringLiteral("card"), QString::fromStdString(app.bundle().cards.front().id));
    dialog->reasonBox()->setCurrentIndex(1);
    dialog->commentEdit()->setPlainText(QStringLiteral("The answer is B"));
    dialog->accept();
    REQUIRE(app.session.reports().reports()->size() == 1);
    CHECK(app.session.reports().reports()->front().comment == "The answer is B");

    fileAction(window, "errorReportsAction")->trigger();
    gui::ErrorReportsDialog* list = nullptr;
    REQUIRE(
        QTest::qWaitFor([&] { return (list = window.findChild<gui::ErrorReportsDialog*>()) != nullptr; }));
    CHECK(list->table()->rowCount() == 1);
    const QString markdown = QString::fromStdString((app.dir / "reports.md").string());
    CHECK(list->exportTo(markdown).isEmpty());
    QFile file(markdown);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().contains("The answer is B"));
    list->close();
}
