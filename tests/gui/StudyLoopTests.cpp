#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/review/ReviewPage.h"
#include "gui/search/ItemDialog.h"
#include "gui/search/SearchDialog.h"
#include "gui/today/DomainBar.h"
#include "gui/today/TodayPage.h"
#include "LoopFixture.h"
#include "sim/HistorySimulation.h"
#include "support/SettingsEdit.h"

#include <catch2/catch.hpp>

#include <functional>

#include <QAbstractItemModel>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace mlaprep;

using test::LoopFixture;
using test::Noon;

TEST_CASE("Today opens first with the queue, no readiness yet and unseen domains", "[gui]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Today);
    gui::TodayPage* today = window.todayPage();
    REQUIRE(today != nullptr);
    CHECK(today->content().queueLine.contains(QStringLiteral("new")));
    CHECK_FALSE(today->content().readinessKnown);
    CHECK(today->content().readinessRange.startsWith(QStringLiteral("Not enough data yet")));
    REQUIRE(today->domainBars().size() == 4);
    CHECK(today->content().domains[0].unseen);
    CHECK(today->content().weakestTaskId == "1.1");
    CHECK(today->startButton()->isEnabled());

    // Start review goes to the Review screen.
    QTest::mouseClick(today->startButton(), Qt::LeftButton);
    CHECK(QTest::qWaitFor([&] { return window.currentScreen() == gui::MainWindow::Screen::Review; }));

    // Study opens the weakest task's note.
    window.showScreen(gui::MainWindow::Screen::Today);
    QTest::mouseClick(today->studyButton(), Qt::LeftButton);
    CHECK(QTest::qWaitFor([&] { return window.currentScreen() == gui::MainWindow::Screen::Notes; }));
    CHECK(window.notesPage()->currentNoteId() == "n-1.1");
}

TEST_CASE("Today shows readiness, mastery bars and the plan after weeks of study", "[gui]")
{
    LoopFixture app;
    SimulationOptions options;
    options.end = Noon;
    REQUIRE(simulateHistory(app.store, app.bundle(), options).ok());
    Settings settings = app.study.settings().settings().value();
    settings.examDate = CalendarDate { 2026, 12, 20 };
    settings.minutesPerDay = 45;
    gui::MainWindow window(app.controller);
    window.show();
    gui::TodayPage* today = window.todayPage();
    REQUIRE(today->setPlanSettings(settings));
    CHECK(today->content().readinessKnown);
    CHECK(today->content().readinessScore.toInt() >= 100);
    // Why: what it rests on and the domain with the most to gain.
    CHECK(today->content().readinessBasis.startsWith(QStringLiteral("Rests on ")));
    CHECK(today->content().readinessBasis.contains(QStringLiteral("Most to gain: domain ")));
    CHECK(today->content().examLine.contains(QStringLiteral("days to your exam")));
    CHECK(today->content().planLine.startsWith(QStringLiteral("Today's plan")));
    // The exam-day forecast: one label, with a figure per domain.
    const QString outlook = today->outlookLabel()->text();
    CHECK(outlook.startsWith(QStringLiteral("Predicted recall on exam day: ")));
    CHECK(outlook.contains(QStringLiteral("if you keep the plan (today's pace: ")));
    CHECK(outlook.contains(QStringLiteral("domain 1 ")));
    CHECK(outlook.contains(QStringLiteral("domain 3 ")));
    CHECK_FALSE(today->outlookLabel()->isHidden());
    CHECK_FALSE(today->content().domains[0].unseen);
    CHECK(today->domainBars()[0]->fill() > 0.0);
    // The heaviest domain's bar is the longest track.
    CHECK(today->domainBars()[0]->weight() == Approx(1.0));
    CHECK(today->domainBars()[2]->weight() < 1.0);
}

TEST_CASE("Today offers to raise a new-item limit too low to cover every task before the exam", "[gui]")
{
    LoopFixture app;
    REQUIRE(test::saveDailyLimits(app.study, 0, 200).ok());
    gui::MainWindow window(app.controller);
    window.show();
    gui::TodayPage* today = window.todayPage();
    Settings settings = app.study.settings().settings().value();
    settings.examDate = CalendarDate { 2026, 12, 20 };
    REQUIRE(today->setPlanSettings(settings));
    CHECK_FALSE(today->content().onTrack);
    REQUIRE(today->content().raiseNewPerDayTo > 0);
    CHECK(today->content().trackLine.contains(QStringLiteral("<a href=\"raise\">")));
    const int needed = today->content().raiseNewPerDayTo;
    REQUIRE(today->raiseNewLimit());
    CHECK(app.study.config().newPerDay == needed);
    CHECK(today->content().raiseNewPerDayTo == 0);
}

TEST_CASE("Ctrl+K searches as you type and Enter opens the note section", "[gui]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return window.searchDialog() && window.searchDialog()->isVisible(); }));
    gui::SearchDialog* search = window.searchDialog();
    QTest::keyClicks(search->queryEdit(), QStringLiteral("parq"));
    REQUIRE(QTest::qWaitFor([&] { return !search->results().empty(); }));
    CHECK(search->results().front().kind == SearchKind::Note);
    CHECK(search->resultList()->count() == static_cast<int>(search->results().size()));
    QTest::keyClick(search->queryEdit(), Qt::Key_Return);
    CHECK(QTest::qWaitFor([&] { return window.currentScreen() == gui::MainWindow::Screen::Notes; }));
    CHECK(window.notesPage()->currentNoteId() == "n-1.1");
    CHECK_FALSE(search->isVisible());
}

TEST_CASE("a searched card opens read-only with its note link and a bookmark toggle", "[gui]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    window.openItem("card", "c-1.1-001");
    auto* dialog = window.findChild<gui::ItemDialog*>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->cardLabel()->text().contains(QStringLiteral("Parquet")));
    auto* bookmark = dialog->findChild<QPushButton*>(QStringLiteral("itemBookmark"));
    REQUIRE(bookmark != nullptr);
    QTest::mouseClick(bookmark, Qt::LeftButton);
    CHECK(app.bookmarks.isBookmarked("card", "c-1.1-001"));
    dialog->close();

    window.openItem("question", "q-1.1-001");
    CHECK(QTest::qWaitFor([&] { return window.findChildren<gui::ItemDialog*>().size() == 1; }));
}

TEST_CASE("a note lists the items that cite it with their state and bookmarks with Ctrl+D", "[gui]")
{
    LoopFixture app;
    REQUIRE(app.study.answer("c-1.1-001", fsrs::Rating::Good, std::chrono::seconds(5)).ok());
    gui::MainWindow window(app.controller);
    window.show();
    gui::NotesPage* notes = window.notesPage();
    REQUIRE(notes->openNote("n-1.1"));
    QListWidget* cited = notes->citedByView();
    REQUIRE(cited->count() >= 1);
    bool foundCard = false;
    for (int i = 0; i < cited->count(); ++i) {
        if (cited->item(i)->data(Qt::UserRole + 1).toString() == QStringLiteral("c-1.1-001")) {
            foundCard = true;
            CHECK(cited->item(i)->text().contains(QStringLiteral("✓")));
        }
    }
    CHECK(foundCard);
    notes->toggleBookmark();
    CHECK(app.bookmarks.isBookmarked("note", "n-1.1"));
    CHECK(notes->bookmarkButton()->text().contains(QStringLiteral("Bookmarked")));
}

TEST_CASE("an answer in Review marks Today stale and Today repaints once when shown", "[gui][changes]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const QString before = window.todayPage()->content().queueLine;
    QSignalSpy announced(&app.controller, &gui::AppController::changed);

    window.showScreen(gui::MainWindow::Screen::Review);
    gui::ReviewPage* review = window.reviewPage();
    review->setFocus();
    QTest::keyClick(review, Qt::Key_Space);
    QTest::keyClick(review, Qt::Key_3);
    REQUIRE(announced.count() >= 1);
    const auto changes = announced.last().at(0).value<Changes>();
    CHECK(changes.studyQueue);
    // Today is not on screen, so it has not been read again yet.
    CHECK(window.todayPage()->content().queueLine == before);

    window.showScreen(gui::MainWindow::Screen::Today);
    CHECK(window.todayPage()->content().queueLine != before);
}

TEST_CASE(
    "the Notes tree counts a task's first answers instead of a percentage, and a fresh card is not mastered",
    "[gui]")
{
    LoopFixture app;
    REQUIRE(app.study.answer("q-1.1-001", fsrs::Rating::Again, std::chrono::seconds(5)).ok());
    REQUIRE(app.study.answer("c-1.1-001", fsrs::Rating::Good, std::chrono::seconds(5)).ok());
    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Notes);
    const QAbstractItemModel* model = window.notesPage()->treeView()->model();
    QString task;
    std::function<void(const QModelIndex&)> find = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            const QString text = index.data().toString();
            if (text.contains(QStringLiteral("cards mastered")) && text.startsWith(QStringLiteral("1.1"))) {
                task = text;
            }
            find(index);
        }
    };
    REQUIRE(QTest::qWaitFor([&] {
        find(QModelIndex());
        return !task.isEmpty();
    }));
    INFO(task.toStdString());
    CHECK(task.contains(QStringLiteral("0 of 1 right")));
    CHECK(task.contains(QStringLiteral("0/")));
    CHECK_FALSE(task.contains(QStringLiteral("%")));
}
