#include "content/BundleLoader.h"
#include "gui/common/Dialogs.h"
#include "gui/exam/ExamNavigator.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamReportView.h"
#include "gui/exam/ExamSessionView.h"
#include "gui/exam/ExamStartView.h"
#include "gui/interop/FileChooser.h"
#include "gui/MainWindow.h"
#include "gui/questions/QuestionView.h"
#include "gui/settings/SettingsDialog.h"
#include "LoopFixture.h"
#include "services/ExamService.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "srs/SchedulerConfig.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>
#include <set>

using namespace mlaprep;

namespace {

struct ExamFixture : test::LoopFixture {
    ExamFixture()
        : LoopFixture(test::ManualClock().now())
    {
    }
};

const Question& questionOf(const Bundle& bundle, const std::string& id)
{
    for (const Question* question : bundle.scoredItems()) {
        if (question->id == id) {
            return *question;
        }
    }
    throw std::runtime_error("no item " + id);
}

StartRequest shortMock()
{
    StartRequest request;
    request.seed = 23;
    request.questions = 4;
    request.domains = { "1", "2" };
    return request;
}

bool sidebarRowEnabled(gui::MainWindow& window, gui::MainWindow::Screen screen)
{
    auto* sidebar = window.findChild<QListWidget*>(QStringLiteral("sidebar"));
    return sidebar->item(static_cast<int>(screen))->flags().testFlag(Qt::ItemIsEnabled);
}

int indexIn(const std::vector<std::string>& order, const std::string& id)
{
    return static_cast<int>(std::find(order.begin(), order.end(), id) - order.begin());
}

// Answers the item on screen by keyboard only: letters for choices, Alt+Up for steps, arrow keys in
// each prompt's choice box. `wrong` answers a single-answer item with a distractor instead.
void answerByKeyboard(QWidget* window, gui::ExamPage* page, const Bundle& bundle, bool wrong)
{
    // A copy: every answer replaces the attempt the page holds.
    const AttemptItem item = page->attempt()->items[static_cast<std::size_t>(page->position())];
    const Question& question = questionOf(bundle, item.item.itemId);
    const auto& order = item.item.optionOrder;
    switch (question.type) {
    case QuestionType::Single: {
        std::string choice = question.answerIds.front();
        if (wrong) {
            choice = order.front() == choice ? order.back() : order.front();
        }
        QTest::keyClick(window, static_cast<Qt::Key>(Qt::Key_A + indexIn(order, choice)));
        break;
    }
    case QuestionType::Multi:
        for (const auto& key : question.answerIds) {
            QTest::keyClick(window, static_cast<Qt::Key>(Qt::Key_A + indexIn(order, key)));
        }
        break;
    case QuestionType::Ordering: {
        auto* list = page->sessionView()->findChild<QListWidget*>(QStringLiteral("orderingList"));
        REQUIRE(list != nullptr);
        // Selection sort by keyboard: bring each step up to its place with Alt+Up.
        for (int target = 0; target < static_cast<int>(question.answerIds.size()); ++target) {
            int row = target;
            while (list->item(row)->data(Qt::UserRole + 1).toString().toStdString()
                != question.answerIds[static_cast<std::size_t>(target)]) {
                ++row;
            }
            // Walk the current row there with the arrow keys: the list has the keyboard, as it does for a
            // learner once an ordering item opens (keys go to the focus widget, as the keyboard sends them).
            REQUIRE(list->hasFocus());
            while (list->currentRow() != row) {
                QTest::keyClick(
                    QApplication::focusWidget(), list->currentRow() < row ? Qt::Key_Down : Qt::Key_Up);
            }
            for (; row > target; --row) {
                QTest::keyClick(window, Qt::Key_Up, Qt::AltModifier);
            }
        }
        break;
    }
    case QuestionType::Matching: {
        const auto boxes = page->sessionView()->findChildren<QComboBox*>();
        REQUIRE(boxes.size() == static_cast<qsizetype>(question.prompts.size()));
        for (std::size_t p = 0; p < question.prompts.size(); ++p) {
            const std::string& key = question.answerPairs.at(question.prompts[p].id);
            // The first box has the keyboard when the item opens; Tab moves it to the next. A keyboard's
            // keys come through the event loop, and the boxes after the first are shown on its next pass
            // (a layout shows a widget added to a shown parent by a queued call): hidden, Tab skips them.
            if (p > 0) {
                QCoreApplication::processEvents();
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            }
            REQUIRE(boxes[static_cast<qsizetype>(p)]->hasFocus());
            for (int step = 0; step <= indexIn(order, key); ++step) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
            }
        }
        break;
    }
    case QuestionType::Case:
        break;
    }
}

} // namespace

TEST_CASE(
    "a short exam is taken by keyboard through every item type, flagged, ended and reported", "[gui][exam]")
{
    ExamFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    gui::ExamPage* page = window.examPage();
    REQUIRE(page != nullptr);

    StartRequest
        request; // every item of domains 1-3 of the minimal bundle: single, multi, ordering, matching, case
    request.seed = 17;
    request.questions = 6;
    request.domains = { "1", "2", "3" };
    page->start(request);
    REQUIRE(page->attempt() != nullptr);
    REQUIRE(page->attempt()->items.size() == 6);
    CHECK(page->sessionView()->headerLabel()->text() == QStringLiteral("Question 1 of 6"));
    CHECK(page->sessionView()->timeLabel()->text().startsWith(QStringLiteral("Time left 0:12:00")));

    // A button's mnemonic "clicks" it after a short animation: wait for the effect, never a fixed time.
    QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->position() == 1; }));
    QTest::keyClick(&window, Qt::Key_P, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->position() == 0; }));
    std::set<QuestionType> typesSeen;
    bool sawCaseScenario = false;
    std::string wrongItem;
    for (int i = 0; i < 6; ++i) {
        REQUIRE(page->position() == i);
        const AttemptItem item = page->attempt()->items[static_cast<std::size_t>(i)];
        typesSeen.insert(item.item.type);
        if (!item.item.caseId.empty()) {
            sawCaseScenario
                |= page->sessionView()->findChild<QLabel*>(QStringLiteral("caseScenario"))->isVisible();
        }
        const bool answerWrong = wrongItem.empty() && item.item.type == QuestionType::Single;
        if (answerWrong) {
            wrongItem = item.item.itemId;
        }
        answerByKeyboard(&window, page, app.bundle(), answerWrong);
        REQUIRE(page->attempt()->items[static_cast<std::size_t>(i)].answer.has_value());
        if (i == 2) {
            QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
            REQUIRE(QTest::qWaitFor([&] { return page->attempt()->items[2].flagged; }));
        }
        if (i < 5) {
            QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
            REQUIRE(QTest::qWaitFor([&] { return page->position() == i + 1; }));
        }
    }
    CHECK(typesSeen
        == std::set<QuestionType> {
            QuestionType::Single, QuestionType::Multi, QuestionType::Ordering, QuestionType::Matching });
    CHECK(sawCaseScenario);

    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->navigator()->isVisible(); }));
    CHECK(page->navigator()->visibleTiles() == 6);
    page->navigator()->filter()->setCurrentIndex(2); // flagged only
    CHECK(page->navigator()->visibleTiles() == 1);

    gui::Dialogs::setNextAnswer(true);
    QTest::keyClick(&window, Qt::Key_E, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->isShowingReport(); }));
    const QString report = page->reportView()->browser()->toPlainText();
    CHECK(report.contains(QStringLiteral("Estimated scaled score")));
    CHECK(report.contains(QStringLiteral("5 of 6 scored items correct")));
    CHECK(report.contains(QStringLiteral("Meets Competencies")));

    auto history = app.exams.history();
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().scoredCorrect == 5);
    auto stored = app.exams.attempt(history->front().id);
    REQUIRE(stored.ok());
    CHECK(stored->flaggedCount() == 1);

    test::TempDir out;
    QString error;
    const QString pdf = QString::fromStdString((out / "report.pdf").string());
    REQUIRE(page->reportView()->exportPdf(pdf, error));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
}

namespace {

// The shipped content over a fresh store: the only bundle with enough items for a blueprint mock.
struct ShippedFixture {
    test::TempDir dir;
    test::ManualClock clock { test::Noon };
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    AppSession session { loadBundle(MLAPREP_CONTENT_DIR, test::ManualClock()), store, clock,
        srs::SchedulerConfig::defaultsForTesting() };
    gui::AppController controller { session };
};

} // namespace

TEST_CASE("a whole mock by keyboard alone: start, answer, strike, flag, grid, submit, filter the report, PDF",
    "[gui][exam][keyboard]")
{
    ShippedFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    gui::ExamPage* page = window.examPage();
    QTest::keyClick(&window, Qt::Key_M, Qt::AltModifier); // Start mock exam
    REQUIRE(QTest::qWaitFor([&] { return page->attempt() != nullptr; }));
    const int total = static_cast<int>(page->attempt()->items.size());
    REQUIRE(total == 65);

    std::set<QuestionType> typesSeen;
    std::string wrongItem;
    for (int i = 0; i < total; ++i) {
        REQUIRE(page->position() == i);
        const AttemptItem item = page->attempt()->items[static_cast<std::size_t>(i)];
        typesSeen.insert(item.item.type);
        const bool answerWrong = wrongItem.empty() && item.item.type == QuestionType::Single;
        if (answerWrong) {
            wrongItem = item.item.itemId;
            QTest::keyClick(&window, Qt::Key_B, Qt::ShiftModifier); // rule option B out first
            REQUIRE(page->attempt()->items[static_cast<std::size_t>(i)].struck.size() == 1);
        }
        answerByKeyboard(&window, page, app.session.bundle(), answerWrong);
        REQUIRE(page->attempt()->items[static_cast<std::size_t>(i)].answer.has_value());
        if (i == 10 || i == 20) {
            QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
            REQUIRE(page->attempt()->items[static_cast<std::size_t>(i)].flagged);
        }
        if (i + 1 < total) {
            QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
            REQUIRE(QTest::qWaitFor([&] { return page->position() == i + 1; }));
        }
    }
    CHECK(typesSeen.count(QuestionType::Single) == 1);
    CHECK(typesSeen.count(QuestionType::Multi) == 1);

    // The grid: Tab to a tile and Space goes to its item; Alt+R comes back to the grid.
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->navigator()->isVisible(); }));
    CHECK(page->navigator()->progress()->value() == total);
    QToolButton* tenth = page->navigator()->tile(10);
    REQUIRE(tenth != nullptr);
    for (int tabs = 0; tabs < 200 && QApplication::focusWidget() != tenth; ++tabs) {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Tab);
    }
    REQUIRE(QApplication::focusWidget() == tenth);
    QTest::keyClick(tenth, Qt::Key_Space);
    REQUIRE(QTest::qWaitFor([&] { return page->position() == 10 && page->sessionView()->isVisible(); }));
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->navigator()->isVisible(); }));

    gui::Dialogs::setNextAnswer(true); // the "End the exam now?" question, answered Yes
    QTest::keyClick(&window, Qt::Key_E, Qt::AltModifier);
    REQUIRE(QTest::qWaitFor([&] { return page->isShowingReport(); }));
    gui::ExamReportView* report = page->reportView();
    CHECK(report->browser()->toPlainText().contains(QStringLiteral("Estimated scaled score")));

    // Alt+S focuses the filter; Down shows the wrong answers: the one answered wrong on purpose.
    QTest::keyClick(&window, Qt::Key_S, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget() == report->filter());
    QTest::keyClick(report->filter(), Qt::Key_Down);
    CHECK(report->filter()->currentIndex() == 1);
    const QString wrong = report->browser()->toPlainText();
    CHECK(wrong.contains(QStringLiteral("1 item of 65")));
    CHECK(wrong.contains(QString::fromStdString(wrongItem)));

    test::TempDir out;
    const QString pdf = QString::fromStdString((out / "mock.pdf").string());
    gui::FileChooser::setNextFileNames({ pdf });
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier); // Export PDF
    REQUIRE(QTest::qWaitFor([&] { return report->savedLabel()->isVisible(); }));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.count("/Type /Page\n") >= 10); // 65 items with their answers, lessons and docs
}

TEST_CASE("an exam left open is offered for resumption with its answers", "[gui][exam]")
{
    ExamFixture app;
    StartRequest request;
    request.seed = 5;
    request.questions = 4;
    request.domains = { "1", "2" };
    auto started = app.exams.start(request);
    REQUIRE(started.ok());
    const std::string first = started->attempt().items.front().item.itemId;
    REQUIRE(app.exams.answer(started.value(), first, keyOf(questionOf(app.bundle(), first))).ok());

    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    CHECK_FALSE(page->startView()->findChild<QPushButton*>(QStringLiteral("startMockButton"))->isEnabled());
    page->resume();
    REQUIRE(page->attempt() != nullptr);
    CHECK(page->attempt()->id == started->id());
    CHECK(page->attempt()->items.front().answer.has_value());
    CHECK(page->sessionView()->questionView()->currentAnswer() == page->attempt()->items.front().answer);
}

TEST_CASE("practice mode shows every option's why after checking an answer", "[gui][exam]")
{
    ExamFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    StartRequest request;
    request.mode = ExamMode::Practice;
    request.timed = false;
    request.seed = 1;
    request.questions = 1;
    request.domains = { "1" };
    request.types = { QuestionType::Single };
    page->start(request);
    REQUIRE(page->attempt() != nullptr);
    CHECK_FALSE(page->sessionView()->timeLabel()->isVisible());
    QTest::keyClick(&window, Qt::Key_A);
    QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
    auto* feedback = page->sessionView()->findChild<QLabel*>(QStringLiteral("questionFeedback"));
    REQUIRE(QTest::qWaitFor([&] { return feedback->isVisible(); }));
    CHECK(feedback->text().contains(QStringLiteral("References")));
    CHECK(feedback->text().contains(QStringLiteral("Columnar formats let engines skip columns")));
}

TEST_CASE("a running mock closes Notes, Search and Review until it is paused", "[gui][exam][exam-mode]")
{
    test::LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    page->start(shortMock());
    REQUIRE(page->isInExamMode());

    CHECK_FALSE(sidebarRowEnabled(window, gui::MainWindow::Screen::Notes));
    CHECK_FALSE(sidebarRowEnabled(window, gui::MainWindow::Screen::Review));
    CHECK(sidebarRowEnabled(window, gui::MainWindow::Screen::Stats));
    const QStringList sealed { QStringLiteral("openBundleAction"), QStringLiteral("exportAnkiAction"),
        QStringLiteral("importAnkiAction"), QStringLiteral("importQuestionBankAction"),
        QStringLiteral("restoreAction"), QStringLiteral("settingsAction") };
    for (const QString& name : sealed) {
        INFO(name.toStdString());
        auto* action = window.findChild<QAction*>(name);
        REQUIRE(action);
        CHECK_FALSE(action->isEnabled());
    }
    CHECK(window.findChild<QAction*>(QStringLiteral("reportErrorAction"))->isEnabled());
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    CHECK_FALSE(window.findChild<gui::SettingsDialog*>());
    for (const Qt::Key key : { Qt::Key_2, Qt::Key_3, Qt::Key_T }) {
        QTest::keyClick(&window, key, Qt::ControlModifier);
        CHECK(window.currentScreen() == gui::MainWindow::Screen::Exam);
    }
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    CHECK_FALSE(window.searchDialog());
    window.showScreen(gui::MainWindow::Screen::Notes);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Exam);
    window.openItem("note", "n-1.1");
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Exam);
    CHECK(page->sessionView()->bannerLabel()->isVisible());
    CHECK(page->sessionView()->bannerLabel()->text().contains(QStringLiteral("Pause")));
    CHECK(page->sessionView()->pauseButton()->isVisible());
    CHECK(page->sessionView()->abandonButton()->isVisible());
    CHECK(page->sessionView()->endButton()->isVisible());

    // Leaving Exam for Today or Stats keeps the mock running and the seal on.
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Today);
    CHECK_FALSE(sidebarRowEnabled(window, gui::MainWindow::Screen::Notes));
    window.showScreen(gui::MainWindow::Screen::Exam);

    page->sessionView()->pauseButton()->click();
    CHECK_FALSE(page->isInExamMode());
    CHECK(page->attempt() == nullptr);
    CHECK(sidebarRowEnabled(window, gui::MainWindow::Screen::Notes));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Notes);
    for (const QString& name : sealed) {
        INFO(name.toStdString());
        CHECK(window.findChild<QAction*>(name)->isEnabled() == (name != QStringLiteral("openBundleAction")));
    }
    auto open = app.exams.openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    CHECK(open.value()->isPaused());
}

TEST_CASE("practice is not sealed: Notes stay open while a practice session runs", "[gui][exam][exam-mode]")
{
    test::LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Exam);
    StartRequest request = shortMock();
    request.mode = ExamMode::Practice;
    window.examPage()->start(request);
    REQUIRE(window.examPage()->attempt() != nullptr);
    CHECK_FALSE(window.examPage()->isInExamMode());
    CHECK(sidebarRowEnabled(window, gui::MainWindow::Screen::Notes));
    window.showScreen(gui::MainWindow::Screen::Notes);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Notes);
    // Closing the window pauses a practice session without asking.
    CHECK(window.close());
    auto open = app.exams.openSession();
    REQUIRE(open.ok());
    REQUIRE(open.value().has_value());
    CHECK(open.value()->isPaused());
}

TEST_CASE("quitting during a mock asks: Cancel keeps it running, Pause and quit pauses it",
    "[gui][exam][exam-mode]")
{
    test::LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    page->start(shortMock());
    REQUIRE(page->isInExamMode());

    gui::Dialogs::setNextChoice(-1);
    CHECK_FALSE(window.close());
    CHECK(window.isVisible());
    CHECK(page->isInExamMode());

    SECTION("Pause and quit")
    {
        gui::Dialogs::setNextChoice(0);
        CHECK(window.close());
        auto open = app.exams.openSession();
        REQUIRE(open.ok());
        REQUIRE(open.value().has_value());
        CHECK(open.value()->isPaused());
    }
    SECTION("Abandon and quit")
    {
        gui::Dialogs::setNextChoice(1);
        CHECK(window.close());
        auto open = app.exams.openSession();
        REQUIRE(open.ok());
        CHECK_FALSE(open.value().has_value());
        auto history = app.exams.history();
        REQUIRE(history.ok());
        REQUIRE(history->size() == 1);
        CHECK(history->front().finishReason == FinishReason::Abandoned);
    }
}

TEST_CASE("an unfinished mock found at start is offered to resume or abandon", "[gui][exam][exam-mode]")
{
    test::LoopFixture app;
    auto started = app.exams.start(shortMock());
    REQUIRE(started.ok());
    app.clock.advance(std::chrono::minutes(3));

    SECTION("Resume takes it up in exam mode")
    {
        gui::Dialogs::setNextChoice(0);
        gui::MainWindow window(app.controller);
        window.show();
        REQUIRE(QTest::qWaitFor([&] { return window.examPage()->attempt() != nullptr; }));
        CHECK(window.examPage()->attempt()->id == started->id());
        CHECK(window.examPage()->isInExamMode());
        CHECK(window.currentScreen() == gui::MainWindow::Screen::Exam);
        CHECK_FALSE(sidebarRowEnabled(window, gui::MainWindow::Screen::Notes));
        CHECK(window.examPage()->sessionView()->timeLabel()->text().startsWith(
            QStringLiteral("Time left 0:05:00")));
    }
    SECTION("Abandon keeps it in history, labelled abandoned")
    {
        gui::Dialogs::setNextChoice(1);
        gui::MainWindow window(app.controller);
        window.show();
        REQUIRE(QTest::qWaitFor([&] {
            auto history = app.exams.history();
            return history.ok() && history->size() == 1;
        }));
        CHECK(window.examPage()->attempt() == nullptr);
        CHECK_FALSE(window.examPage()->isInExamMode());
        window.showScreen(gui::MainWindow::Screen::Exam);
        QTreeWidget* history = window.examPage()->startView()->historyList();
        REQUIRE(history->topLevelItemCount() == 1);
        CHECK(history->topLevelItem(0)->text(4) == QStringLiteral("Abandoned"));
        CHECK(window.examPage()->startView()->startMockButton()->isEnabled());
    }
}
