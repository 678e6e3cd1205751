#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/questions/QuestionView.h"
#include "gui/search/ItemDialog.h"
#include "LoopFixture.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace mlaprep;
using test::LoopFixture;

namespace {

gui::ItemDialog* openFromCitedBy(gui::MainWindow& window, const QString& itemId)
{
    gui::NotesPage* notes = window.notesPage();
    notes->openNote("n-1.1");
    QListWidget* cited = notes->citedByView();
    for (int i = 0; i < cited->count(); ++i) {
        if (cited->item(i)->data(Qt::UserRole + 1).toString() == itemId) {
            emit cited->itemActivated(cited->item(i));
            return window.findChild<gui::ItemDialog*>();
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("the question window from Cited by shows every option unanswered and can be attempted", "[gui]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    gui::ItemDialog* dialog = openFromCitedBy(window, QStringLiteral("q-1.1-001"));
    REQUIRE(dialog != nullptr);
    REQUIRE(QTest::qWaitFor([&] { return QApplication::activeWindow() == dialog; }));
    gui::QuestionView* view = dialog->questionView();

    const auto options = view->findChildren<QRadioButton*>();
    REQUIRE(options.size() == 4);
    for (QRadioButton* option : options) {
        CHECK(option->isVisible());
        CHECK(option->isEnabled());
        CHECK_FALSE(option->isChecked());
    }
    CHECK_FALSE(view->currentAnswer().has_value());
    auto* feedback = view->findChild<QLabel*>(QStringLiteral("questionFeedback"));
    CHECK_FALSE(feedback->isVisible());
    // Every option is on screen, not in a strip to scroll through.
    CHECK(view->height() > 300);
    const QRadioButton* last = options.back();
    CHECK(last->mapTo(view, QPoint(0, last->height())).y() <= view->height());

    const Question& question = *view->question();
    const std::string key = question.answerIds.front();
    int keyIndex = 0;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        keyIndex = question.options[i].id == key ? static_cast<int>(i) : keyIndex;
    }
    QTest::keyClick(dialog, static_cast<Qt::Key>(Qt::Key_A + keyIndex));
    REQUIRE(view->currentAnswer().has_value());
    QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(feedback->isVisible());
    CHECK(feedback->text().contains(QStringLiteral("Correct.")));
    for (const Option& option : question.options) {
        INFO("option " << option.id);
        bool whyShown = false;
        for (QLabel* label : view->findChildren<QLabel*>()) {
            whyShown
                |= label->isVisible() && label->text().contains(QString::fromStdString(option.why).left(20));
        }
        CHECK(whyShown);
    }
    for (QRadioButton* option : options) {
        CHECK_FALSE(option->isEnabled());
    }

    // Try again: a fresh, open attempt.
    QTest::mouseClick(dialog->checkButton(), Qt::LeftButton);
    CHECK_FALSE(view->currentAnswer().has_value());
    CHECK_FALSE(feedback->isVisible());
    CHECK(view->findChildren<QRadioButton*>().front()->isEnabled());
}
