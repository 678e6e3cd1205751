#include "gui/common/Design.h"
#include "gui/common/ReadingZoom.h"
#include "gui/exam/ExamNavigator.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamSessionView.h"
#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/questions/OptionRow.h"
#include "gui/questions/QuestionView.h"
#include "LoopFixture.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace mlaprep;
using test::LoopFixture;

namespace {

constexpr long long Minute = 60'000;

// Four items of domains 1 and 2: the single and multi items come first with this seed.
StartRequest fourItemMock()
{
    StartRequest request;
    request.seed = 17;
    request.questions = 4;
    request.domains = { "1", "2" };
    return request;
}

// The option rows of the item on screen, in display order.
std::vector<gui::OptionRow*> optionRows(gui::ExamPage* page)
{
    std::vector<gui::OptionRow*> rows;
    for (auto* row : page->sessionView()->questionView()->findChildren<gui::OptionRow*>()) {
        rows.push_back(row);
    }
    return rows;
}

// Goes to the first item with options to strike (single or multi).
int goToChoiceItem(gui::ExamPage* page)
{
    const auto& items = page->attempt()->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].item.type == QuestionType::Single || items[i].item.type == QuestionType::Multi) {
            page->goTo(static_cast<int>(i));
            return static_cast<int>(i);
        }
    }
    FAIL("no single or multi item in the mock");
    return -1;
}

} // namespace

TEST_CASE(
    "the exam warns at 15 and at 5 minutes left in a line that takes no focus", "[gui][exam][timewarning]")
{
    gui::ExamSessionView view;
    view.show();
    view.nextButton()->setFocus();
    QWidget* focused = QApplication::focusWidget();
    QLabel* warning = view.timeWarningLabel();

    view.beginAttempt(false, false);
    view.setTimeLeft(16 * Minute);
    CHECK_FALSE(warning->isVisible());
    view.setTimeLeft(15 * Minute + 1000);
    CHECK_FALSE(warning->isVisible());
    view.setTimeLeft(15 * Minute - 1000);
    REQUIRE(warning->isVisible());
    CHECK(warning->text().contains(QStringLiteral("15 minutes left")));
    view.setTimeLeft(6 * Minute);
    CHECK(warning->text().contains(QStringLiteral("15 minutes left")));
    view.setTimeLeft(5 * Minute - 1000);
    CHECK(warning->text().contains(QStringLiteral("5 minutes left")));
    CHECK_FALSE(warning->text().contains(QStringLiteral("15 minutes")));
    // Not a dialog: nothing modal opened and the focus stayed where the learner had it.
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(QApplication::focusWidget() == focused);
    CHECK(warning->focusPolicy() == Qt::NoFocus);

    SECTION("an attempt that comes back below a mark is warned at once, with the minutes it has")
    {
        view.beginAttempt(false, true);
        CHECK_FALSE(warning->isVisible());
        view.setTimeLeft(12 * Minute - 30'000);
        REQUIRE(warning->isVisible());
        CHECK(warning->text().contains(QStringLiteral("12 minutes left.")));
        CHECK(warning->text().contains(QStringLiteral("flagged items")));
        view.setTimeLeft(11 * Minute);
        CHECK(warning->text().contains(QStringLiteral("12 minutes left.")));

        view.beginAttempt(false, true);
        view.setTimeLeft(4 * Minute);
        REQUIRE(warning->isVisible());
        CHECK(warning->text().contains(QStringLiteral("4 minutes left.")));
        CHECK(warning->text().contains(QStringLiteral("submitted with the answers")));
    }

    SECTION("a new attempt starts without a warning, also a drill shorter than the marks")
    {
        view.beginAttempt(false, false);
        view.setTimeLeft(130 * Minute);
        CHECK_FALSE(warning->isVisible());
        view.beginAttempt(true, false);
        view.setTimeLeft(10 * Minute);
        CHECK_FALSE(warning->isVisible());
        view.setTimeLeft(5 * Minute - 1000);
        CHECK(warning->isVisible());
    }
}

TEST_CASE(
    "Shift+letter and a right-click strike an option through, kept with the attempt", "[gui][exam][strike]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    page->start(fourItemMock());
    REQUIRE(page->attempt() != nullptr);
    const int position = goToChoiceItem(page);
    const auto& order = page->attempt()->items[static_cast<std::size_t>(position)].item.optionOrder;
    const std::string second = order[1];
    const std::string first = order[0];

    QTest::keyClick(&window, Qt::Key_B, Qt::ShiftModifier);
    CHECK(optionRows(page)[1]->isStruck());
    CHECK(page->attempt()->items[static_cast<std::size_t>(position)].struck
        == std::set<std::string> { second });
    // Striking is not choosing: the answer is untouched.
    CHECK_FALSE(page->attempt()->items[static_cast<std::size_t>(position)].answer.has_value());

    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, QPoint(4, 4), QPoint(4, 4));
    QApplication::sendEvent(optionRows(page)[0], &rightClick);
    CHECK(optionRows(page)[0]->isStruck());
    CHECK(page->attempt()->items[static_cast<std::size_t>(position)].struck
        == std::set<std::string> { first, second });

    QTest::keyClick(&window, Qt::Key_B, Qt::ShiftModifier);
    CHECK_FALSE(optionRows(page)[1]->isStruck());

    // Stored with the attempt: the store has it, and the item shows it again when gone back to.
    auto stored = app.exams.attempt(page->attempt()->id);
    REQUIRE(stored.ok());
    CHECK(stored->items[static_cast<std::size_t>(position)].struck == std::set<std::string> { first });
    page->goTo(position == 0 ? 1 : 0);
    page->goTo(position);
    CHECK(optionRows(page)[0]->isStruck());
    CHECK_FALSE(optionRows(page)[1]->isStruck());
}

TEST_CASE("Ctrl+plus, Ctrl+minus and Ctrl+0 size the question and the note text, remembered on the device",
    "[gui][zoom]")
{
    gui::ReadingZoom::instance().reset();
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    window.examPage()->start(fourItemMock());
    gui::QuestionView* question = window.examPage()->sessionView()->questionView();
    auto* note = window.notesPage()->findChild<QTextBrowser*>(QStringLiteral("noteView"));
    REQUIRE(note != nullptr);
    const qreal normal = question->font().pointSizeF();
    REQUIRE(note->font().pointSizeF() == Approx(normal));

    QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
    CHECK(gui::ReadingZoom::instance().percent() == 120);
    CHECK(question->font().pointSizeF() == Approx(normal * 1.2));
    CHECK(note->font().pointSizeF() == Approx(normal * 1.2));
    // The option texts follow their question.
    CHECK(question->findChild<QLabel*>(QStringLiteral("questionStem"))->font().pointSizeF()
        == Approx(normal * 1.2));
    CHECK(QSettings().value(QStringLiteral("view/readingZoomPercent")).toInt() == 120);

    QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier);
    CHECK(question->font().pointSizeF() == Approx(normal * 1.1));
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    CHECK(question->font().pointSizeF() == Approx(normal));
    CHECK(QSettings().value(QStringLiteral("view/readingZoomPercent")).toInt() == 100);
}

TEST_CASE("the exam grid shows progress and colours each tile by its state", "[gui][exam][navigator]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showScreen(gui::MainWindow::Screen::Exam);
    gui::ExamPage* page = window.examPage();
    page->start(fourItemMock());
    const int position = goToChoiceItem(page);
    QTest::keyClick(&window, Qt::Key_A);
    REQUIRE(page->attempt()->items[static_cast<std::size_t>(position)].answer.has_value());
    const int flagged = position == 0 ? 1 : 0;
    page->goTo(flagged);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    REQUIRE(page->attempt()->items[static_cast<std::size_t>(flagged)].flagged);
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    REQUIRE(page->navigator()->isVisible());

    QProgressBar* progress = page->navigator()->progress();
    CHECK(progress->maximum() == 4);
    CHECK(progress->value() == 1);
    CHECK(progress->text() == QStringLiteral("1 of 4 answered"));

    const gui::design::Colours& colours = gui::design::colours(page->palette());
    QToolButton* answered = page->navigator()->tile(position);
    QToolButton* current = page->navigator()->tile(flagged); // flagged and the one the learner came from
    QToolButton* plain = page->navigator()->tile(3);
    REQUIRE(answered != nullptr);
    REQUIRE(current != nullptr);
    REQUIRE(plain != nullptr);
    QColor tint = colours.accent;
    tint.setAlpha(64);
    CHECK(answered->styleSheet().contains(tint.name(QColor::HexArgb)));
    CHECK(answered->toolTip() == QStringLiteral("Answered"));
    CHECK(current->toolTip() == QStringLiteral("Not answered, flagged, the item you came from"));
    CHECK(current->styleSheet().contains(QStringLiteral("3px solid")));
    CHECK(current->text().contains(QStringLiteral("⚑")));
    CHECK(plain->toolTip() == QStringLiteral("Not answered"));
    CHECK(plain->styleSheet().contains(QStringLiteral("1px solid %1").arg(colours.rim.name())));
}
