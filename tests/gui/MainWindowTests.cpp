#include "content/BundleLoader.h"
#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/ProblemsDialog.h"
#include "LoopFixture.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QListWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextTable>
#include <QTreeView>
#include <QTreeWidget>

using namespace mlaprep;

namespace {

struct AppFixture : test::LoopFixture {
    AppFixture()
        : LoopFixture(test::ManualClock().now())
    {
    }
};

bool documentHasTableCell(QTextDocument* document, const QString& text)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        if (auto* table = cursor.currentTable()) {
            for (int row = 0; row < table->rows(); ++row) {
                for (int column = 0; column < table->columns(); ++column) {
                    QTextTableCell cell = table->cellAt(row, column);
                    QTextCursor first = cell.firstCursorPosition();
                    first.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
                    if (first.selectedText() == text) {
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

} // namespace

TEST_CASE("the main window opens with the bundle title on the Today screen", "[gui]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Minimal test bundle")));
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Today);
    auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
    REQUIRE(sidebar != nullptr);
    CHECK(sidebar->count() == 5);
    CHECK(sidebar->item(2)->text() == QStringLiteral("Review"));
}

TEST_CASE("selecting a note renders its heading, a table cell and its outline", "[gui]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Notes);
    gui::NotesPage* page = window.notesPage();

    // Select through the tree, as a user would.
    page->openNote("n-2.1");
    QTreeView* tree = page->treeView();
    QModelIndex domain = tree->model()->index(0, 0);
    QModelIndex task = tree->model()->index(0, 0, domain);
    QModelIndex note = tree->model()->index(0, 0, task);
    tree->setCurrentIndex(note);
    REQUIRE(page->currentNoteId() == "n-1.1");

    QTextDocument* document = page->noteView()->document();
    CHECK(document->toPlainText().contains(QStringLiteral("Parquet and ORC")));
    CHECK(documentHasTableCell(document, QStringLiteral("columnar")));
    CHECK(document->toPlainText().contains(QStringLiteral("df.to_parquet")));

    CHECK(window.currentItem() == std::pair { QStringLiteral("note"), QStringLiteral("n-1.1") });

    QListWidget* outline = page->outlineView();
    REQUIRE(outline->count() == 3);
    CHECK(outline->item(1)->text().trimmed() == QStringLiteral("Parquet and ORC"));
}

TEST_CASE("opening notes records visits and the next start reopens the last one", "[gui]")
{
    AppFixture app;
    {
        gui::MainWindow window(app.controller);
        app.clock.advance(std::chrono::minutes(5));
        window.notesPage()->openNote("n-3.1");
    }
    auto visits = app.notes.visits();
    REQUIRE(visits.ok());
    CHECK(visits->count("n-3.1") == 1);
    gui::MainWindow again(app.controller);
    CHECK(again.notesPage()->currentNoteId() == "n-3.1");
}

TEST_CASE("Ctrl+number switches screens from the keyboard", "[gui]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Exam);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Notes);
}

TEST_CASE("the problems dialog lists file, item and field of each problem", "[gui]")
{
    test::BundleFixture fixture("option-without-why");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE(loaded.hasErrors());
    gui::ProblemsDialog dialog(QStringLiteral("bundle"), loaded.problems);
    REQUIRE(dialog.list()->topLevelItemCount() == 1);
    QTreeWidgetItem* row = dialog.list()->topLevelItem(0);
    CHECK(row->text(1) == QStringLiteral("questions/1.1.json"));
    CHECK(row->text(2) == QStringLiteral("q-1.1-001"));
    CHECK(row->text(3) == QStringLiteral("options[b].why"));
}
