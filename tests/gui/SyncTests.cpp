#include "gui/common/QtConvert.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamReportView.h"
#include "gui/exam/ExamStartView.h"
#include "gui/interop/FileChooser.h"
#include "gui/MainWindow.h"
#include "gui/review/ReviewPage.h"
#include "gui/settings/SettingsDialog.h"
#include "gui/settings/SyncSettingsBox.h"
#include "gui/sync/SyncRunner.h"
#include "gui/today/TodayPage.h"
#include "LoopFixture.h"
#include "services/SettingsService.h"
#include "services/SyncService.h"
#include "store/EventRepository.h"

#include <catch2/catch.hpp>

#include <fstream>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

// Runs one sync of `app` (and any it queued) to its end.
void syncAndWait(test::LoopFixture& app)
{
    gui::SyncRunner& runner = app.controller.sync();
    QSignalSpy synced(&runner, &gui::SyncRunner::synced);
    runner.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return !synced.isEmpty() && !runner.running(); }, 20'000));
    CHECK(synced.last().at(0).toBool());
}

QString syncStatusOf(gui::MainWindow& window)
{
    auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("syncStatus"));
    REQUIRE(label != nullptr);
    return label->isVisible() ? label->text() : QString();
}

} // namespace

TEST_CASE(
    "an answer on one machine reaches the other through the sync folder, off the GUI thread", "[gui][sync]")
{
    test::TempDir folder;
    test::LoopFixture a;
    test::LoopFixture b;
    gui::MainWindow windowA(a.controller);
    gui::MainWindow windowB(b.controller);
    windowA.show();
    windowB.show();
    REQUIRE(QTest::qWaitForWindowExposed(&windowB));
    CHECK(syncStatusOf(windowB).isEmpty()); // no folder yet: nothing to say

    // A chooses the folder in Settings (the chooser answered without a dialog), which syncs at once.
    {
        gui::SettingsDialog settings(a.bundle(), a.controller.services());
        auto* box = settings.findChild<gui::SyncSettingsBox*>();
        REQUIRE(box != nullptr);
        QSignalSpy synced(&a.controller.sync(), &gui::SyncRunner::synced);
        gui::FileChooser::setNextFileNames({ gui::toQString(folder.path().string()) });
        box->chooseFolder();
        REQUIRE(QTest::qWaitFor([&] { return !synced.isEmpty() && !a.controller.sync().running(); }, 20'000));
        CHECK(box->statusLine()->text().startsWith(QStringLiteral("Synced just now · 1 device")));
        REQUIRE(box->devices()->rowCount() == 1);
        box->devices()->item(0, gui::SyncSettingsBox::NameColumn)->setText(QStringLiteral("work-laptop"));
        REQUIRE(QTest::qWaitFor([&] {
            return box->devices()->item(0, gui::SyncSettingsBox::NameColumn)->text()
                == QStringLiteral("work-laptop");
        }));
    }

    // A answers on its Review screen; its sync writes the answer to the folder.
    windowA.showScreen(gui::MainWindow::Screen::Review);
    windowA.reviewPage()->reveal();
    windowA.reviewPage()->rate(fsrs::Rating::Good);
    syncAndWait(a);

    // B joins: its Today repaints from the merge's Changes, and its status bar says where it came from.
    REQUIRE(b.session.sync().setFolder(folder.path()).ok());
    const QString queueBefore = windowB.todayPage()->content().queueLine;
    syncAndWait(b);
    CHECK(windowB.todayPage()->content().queueLine != queueBefore);
    auto history = b.session.sync().devices();
    REQUIRE(history.ok());
    CHECK(history->size() == 2);
    const QString status = syncStatusOf(windowB);
    CHECK(status.startsWith(QStringLiteral("Synced just now · 2 devices · last from work-laptop")));

    // And back: B's answer reaches A, whose Review screen is repainted with it.
    windowB.showScreen(gui::MainWindow::Screen::Review);
    windowB.reviewPage()->reveal();
    windowB.reviewPage()->rate(fsrs::Rating::Easy);
    syncAndWait(b);
    syncAndWait(a);
    auto counted = a.study.counts();
    auto countedOnB = b.study.counts();
    REQUIRE(counted.ok());
    REQUIRE(countedOnB.ok());
    CHECK(counted->newLeft == countedOnB->newLeft);
    CHECK(counted->learningLeft == countedOnB->learningLeft);
    CHECK(QApplication::activeModalWidget() == nullptr);
}

TEST_CASE(
    "a retention changed on another machine is what the running review queue schedules with", "[gui][sync]")
{
    test::TempDir folder;
    test::LoopFixture a;
    test::LoopFixture b;
    REQUIRE(a.session.sync().setFolder(folder.path()).ok());
    REQUIRE(b.session.sync().setFolder(folder.path()).ok());
    REQUIRE(a.study.counts().ok());
    REQUIRE(b.study.settings().change([](Settings& settings) { settings.desiredRetention = 0.95; }).ok());
    syncAndWait(b);
    syncAndWait(a);
    CHECK(a.study.config().desiredRetention == Approx(0.95));
}

TEST_CASE("the exam history shows another machine's attempt in progress on it, then its report",
    "[gui][sync][exam]")
{
    test::TempDir folder;
    test::LoopFixture a;
    test::LoopFixture b;
    REQUIRE(a.session.sync().setFolder(folder.path()).ok());
    REQUIRE(b.session.sync().setFolder(folder.path()).ok());
    REQUIRE(a.session.sync().renameDevice(deviceIdBeside(a.store->path()), "work-laptop").ok());
    StartRequest request;
    request.mode = ExamMode::Practice;
    request.questions = 4;
    request.domains = { "1", "2" };
    auto started = a.exams.start(request);
    REQUIRE(started.ok());
    ExamSession session = std::move(started.value());
    syncAndWait(a);

    gui::MainWindow window(b.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Exam);
    QTreeWidget* history = window.examPage()->startView()->historyList();
    REQUIRE(history->topLevelItemCount() == 1);
    CHECK(history->topLevelItem(0)->text(0).startsWith(QStringLiteral("No attempts yet")));
    // The merge repaints the history on screen: a row B can see but not open, and nothing to resume.
    syncAndWait(b);
    REQUIRE(history->topLevelItemCount() == 1);
    QTreeWidgetItem* running = history->topLevelItem(0);
    CHECK(running->text(gui::ExamStartView::ResultColumn) == QStringLiteral("In progress on work-laptop"));
    CHECK(running->text(gui::ExamStartView::DeviceColumn) == QStringLiteral("work-laptop"));
    CHECK_FALSE(running->flags().testFlag(Qt::ItemIsSelectable));
    QSignalSpy reports(window.examPage()->startView(), &gui::ExamStartView::reportRequested);
    emit history->itemActivated(running, 0);
    CHECK(reports.isEmpty());
    CHECK(window.examPage()->startView()->startPracticeButton()->isEnabled());

    REQUIRE(a.exams.submit(session).ok());
    syncAndWait(a);
    syncAndWait(b);
    REQUIRE(history->topLevelItemCount() == 1);
    QTreeWidgetItem* finished = history->topLevelItem(0);
    CHECK(finished->text(gui::ExamStartView::DeviceColumn) == QStringLiteral("work-laptop"));
    CHECK(finished->text(gui::ExamStartView::KindColumn) == QStringLiteral("Practice (4 items)"));
    emit history->itemActivated(finished, 0);
    REQUIRE(window.examPage()->isShowingReport());
    CHECK(
        window.examPage()->reportView()->browser()->toPlainText().contains(QStringLiteral("on work-laptop")));
}

TEST_CASE(
    "a deck imported on one machine joins the other's Review once its Exam screen is left", "[gui][sync]")
{
    test::TempDir folder;
    test::LoopFixture a;
    test::LoopFixture b;
    gui::MainWindow windowB(b.controller);
    windowB.show();
    REQUIRE(QTest::qWaitForWindowExposed(&windowB));
    {
        std::ofstream(a.dir / "notes.txt") << "Which format is columnar?\tParquet\n";
    }
    AnkiImportRequest request;
    request.file = a.dir / "notes.txt";
    const auto imported = a.controller.importAnki(request);
    REQUIRE(imported.ok());
    REQUIRE(imported->added.size() == 1);
    const std::string card = imported->added.front().itemId;
    REQUIRE(a.session.sync().setFolder(folder.path()).ok());
    syncAndWait(a);

    // B is on the Exam screen when the card arrives: the session has it, the screens wait.
    windowB.showScreen(gui::MainWindow::Screen::Exam);
    const gui::ReviewPage* before = windowB.reviewPage();
    REQUIRE(b.session.sync().setFolder(folder.path()).ok());
    syncAndWait(b);
    CHECK(b.session.index().card(card) != nullptr);
    CHECK(b.session.study().findItem(card) != nullptr);
    CHECK(windowB.reviewPage() == before);
    windowB.showScreen(gui::MainWindow::Screen::Review);
    CHECK(windowB.reviewPage() != before);
}
