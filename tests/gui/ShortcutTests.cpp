#include "gui/common/Shortcuts.h"
#include "gui/exam/ExamNavigator.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamSessionView.h"
#include "gui/help/ShortcutsDialog.h"
#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/questions/QuestionView.h"
#include "gui/search/ItemDialog.h"
#include "gui/search/SearchDialog.h"
#include "gui/settings/SettingsDialog.h"
#include "LoopFixture.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <map>
#include <set>

using namespace mlaprep;
using gui::ShortcutId;
using test::LoopFixture;

namespace {

// Every key sequence registered for each table id under `root` (QShortcuts and QActions alike).
std::map<int, QList<QKeySequence>> registeredShortcuts(const QObject* root)
{
    std::map<int, QList<QKeySequence>> found;
    for (const QObject* object : root->findChildren<QObject*>()) {
        const QVariant id = object->property(gui::ShortcutIdProperty);
        if (!id.isValid()) {
            continue;
        }
        if (const auto* shortcut = qobject_cast<const QShortcut*>(object)) {
            found[id.toInt()].append(shortcut->key());
        } else if (const auto* action = qobject_cast<const QAction*>(object)) {
            found[id.toInt()].append(action->shortcuts());
        }
    }
    return found;
}

StartRequest shortMock()
{
    StartRequest request;
    request.seed = 17;
    request.questions = 3;
    request.domains = { "1", "2" };
    return request;
}

} // namespace

TEST_CASE("every entry of the shortcut table is registered with its keys", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.openItem("question", "q-1.1-001");
    auto registered = registeredShortcuts(&window);
    for (const auto& entry : gui::shortcutTable()) {
        INFO("shortcut " << entry.description.toStdString());
        const auto& keys = registered[static_cast<int>(entry.id)];
        for (const QKeySequence& key : entry.keys) {
            CHECK(keys.contains(key));
        }
    }
}

TEST_CASE("F1 lists every entry of the shortcut table grouped by screen and filters them", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    REQUIRE(
        QTest::qWaitFor([&] { return window.shortcutsDialog() && window.shortcutsDialog()->isVisible(); }));
    gui::ShortcutsDialog* help = window.shortcutsDialog();
    CHECK(help->visibleEntries() == static_cast<int>(gui::shortcutTable().size()));
    std::set<QString> screens;
    for (const auto& entry : gui::shortcutTable()) {
        screens.insert(entry.screen);
        const auto rows
            = help->list()->findItems(entry.description, Qt::MatchExactly | Qt::MatchRecursive, 1);
        INFO("shortcut " << entry.description.toStdString());
        REQUIRE(rows.size() >= 1);
        CHECK(rows.front()->parent()->text(0) == entry.screen);
        CHECK(rows.front()->text(0) == gui::shortcutKeysText(entry.id));
    }
    CHECK(help->list()->topLevelItemCount() == static_cast<int>(screens.size()));

    QTest::keyClicks(help->filterEdit(), QStringLiteral("flag"));
    CHECK(help->visibleEntries() >= 1);
    CHECK(help->visibleEntries() < static_cast<int>(gui::shortcutTable().size()));
    help->filterEdit()->setText(QStringLiteral("ctrl+d"));
    CHECK(help->visibleEntries() == 2); // the note's and the question window's bookmark
}

TEST_CASE("Ctrl+F flags the item in a mock and Alt+N, Alt+P, Alt+R move through it", "[gui][shortcuts]")
{
    LoopFixture app; // with Search: Ctrl+F must not be shared with it
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    page->start(shortMock());
    REQUIRE(page->attempt() != nullptr);

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK(page->attempt()->items[0].flagged);
    CHECK(page->sessionView()->flagButton()->isChecked());
    CHECK(page->sessionView()->flagButton()->text() == QStringLiteral("⚑ Flagged"));
    CHECK_FALSE(window.searchDialog());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK_FALSE(page->attempt()->items[0].flagged);
    // The button's text changed twice: its key still works (a button shortcut would have been reset).
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK(page->attempt()->items[0].flagged);

    QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
    CHECK(page->position() == 1);
    QTest::keyClick(&window, Qt::Key_P, Qt::AltModifier);
    CHECK(page->position() == 0);
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    CHECK(page->navigator()->isVisible());
    // Off the item screen the flag key does nothing.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK(page->attempt()->items[0].flagged);
}

TEST_CASE("A chooses an option and Ctrl+Return checks it in practice", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    StartRequest request;
    request.mode = ExamMode::Practice;
    request.timed = false;
    request.questions = 1;
    request.domains = { "1" };
    request.types = { QuestionType::Single };
    window.examPage()->start(request);
    QTest::keyClick(&window, Qt::Key_A);
    CHECK(window.examPage()->attempt()->items[0].answer.has_value());
    QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
    CHECK(window.examPage()
              ->sessionView()
              ->findChild<QLabel*>(QStringLiteral("questionFeedback"))
              ->isVisible());
}

TEST_CASE("Ctrl+D bookmarks the open note and Ctrl+B lists it", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    REQUIRE(window.notesPage()->openNote("n-1.1"));
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    CHECK(app.bookmarks.isBookmarked("note", "n-1.1"));
    // The button now reads "Bookmarked"; the key still toggles.
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    CHECK_FALSE(app.bookmarks.isBookmarked("note", "n-1.1"));
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    CHECK(app.bookmarks.isBookmarked("note", "n-1.1"));

    QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier);
    QListWidget* list = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] { return (list = window.findChild<QListWidget*>(QStringLiteral("bookmarkList"))); }));
    CHECK(list->item(0)->data(Qt::UserRole + 1).toString() == QStringLiteral("n-1.1"));
}

TEST_CASE("Ctrl+D bookmarks the question in its window", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.openItem("question", "q-1.1-001");
    auto* dialog = window.findChild<gui::ItemDialog*>();
    REQUIRE(dialog != nullptr);
    REQUIRE(QTest::qWaitFor([&] { return QApplication::activeWindow() == dialog; }));
    QTest::keyClick(dialog, Qt::Key_D, Qt::ControlModifier);
    CHECK(app.bookmarks.isBookmarked("question", "q-1.1-001"));
}

TEST_CASE("Ctrl+comma opens Settings, Ctrl+K Search and Ctrl+T the notes tree", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    gui::SettingsDialog* settings = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (settings = window.findChild<gui::SettingsDialog*>()); }));
    CHECK(settings->isVisible());
    settings->reject();

    // Ctrl+F is the exam's flag only: elsewhere it opens nothing.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK_FALSE(window.searchDialog());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    REQUIRE(window.searchDialog() != nullptr);
    CHECK(window.searchDialog()->isVisible());
    window.searchDialog()->reject();

    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Notes);
    CHECK(QTest::qWaitFor([&] { return window.notesPage()->treeView()->hasFocus(); }));
}

TEST_CASE("tooltips show the keys from the shortcut table", "[gui][shortcuts]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    CHECK(window.examPage()->sessionView()->flagButton()->toolTip().endsWith(QStringLiteral("(Ctrl+F)")));
    CHECK(window.examPage()->sessionView()->nextButton()->toolTip().endsWith(QStringLiteral("(Alt+N)")));
    CHECK(window.notesPage()->bookmarkButton()->toolTip().endsWith(QStringLiteral("(Ctrl+D)")));
    auto* good = window.findChild<QPushButton*>(QStringLiteral("rateGoodButton"));
    REQUIRE(good != nullptr);
    CHECK(good->toolTip().endsWith(QStringLiteral("(3)")));
    auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
    CHECK(sidebar->item(4)->toolTip() == QStringLiteral("Stats (Ctrl+5)"));
}
