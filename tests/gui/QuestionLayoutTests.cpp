#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/questions/QuestionView.h"
#include "LoopFixture.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace mlaprep;
using test::LoopFixture;

namespace {

const Question& questionOf(const Bundle& bundle, const std::string& id)
{
    for (const Question* question : bundle.scoredItems()) {
        if (question->id == id) {
            return *question;
        }
    }
    throw std::runtime_error("no item " + id);
}

} // namespace

TEST_CASE("ordering steps show their numbers and a drag handle, renumbered after a move", "[gui][questions]")
{
    LoopFixture app;
    gui::QuestionView view;
    view.resize(800, 600);
    view.show();
    view.showQuestion(questionOf(app.bundle(), "q-2.1-001"), {}, std::nullopt);
    auto* list = view.findChild<QListWidget*>(QStringLiteral("orderingList"));
    REQUIRE(list != nullptr);
    REQUIRE(list->count() >= 3);
    const auto numbersInOrder = [&] {
        for (int i = 0; i < list->count(); ++i) {
            if (!list->item(i)->text().startsWith(QStringLiteral("%1.  ").arg(i + 1))
                || list->item(i)->icon().isNull()) {
                return false;
            }
        }
        return true;
    };
    CHECK(numbersInOrder());
    const QString firstId = list->item(0)->data(Qt::UserRole + 1).toString();
    list->setCurrentRow(0);
    view.moveCurrentStep(1);
    CHECK(list->item(1)->data(Qt::UserRole + 1).toString() == firstId);
    CHECK(numbersInOrder());
}

TEST_CASE("matching prompts get the wider column beside their choice boxes", "[gui][questions]")
{
    LoopFixture app;
    gui::QuestionView view;
    view.resize(1000, 700);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.showQuestion(questionOf(app.bundle(), "q-2.1-002"), {}, std::nullopt);
    QApplication::processEvents();
    const auto prompts = view.findChildren<QLabel*>(QStringLiteral("matchingPrompt"));
    const auto boxes = view.findChildren<QComboBox*>();
    REQUIRE_FALSE(prompts.isEmpty());
    REQUIRE(boxes.size() == prompts.size());
    for (qsizetype i = 0; i < prompts.size(); ++i) {
        CHECK(prompts[i]->width() > boxes[i]->width());
        CHECK(prompts[i]->width() >= 300);
    }
}

TEST_CASE("a long code line wraps inside its block instead of widening the note", "[gui][notes]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showScreen(gui::MainWindow::Screen::Notes);
    gui::NotesPage* notes = window.notesPage();
    REQUIRE(notes->openNote("n-1.1"));
    QTextBrowser* view = notes->noteView();
    QTextDocument* document = view->document();
    REQUIRE(document->toPlainText().contains(QStringLiteral("df.to_parquet")));
    // Qt lays <pre> out as non-breakable lines; none may be left, or one long line widens the note.
    bool codeFound = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        codeFound |= block.text().contains(QStringLiteral("df.to_parquet"));
        CHECK_FALSE(block.blockFormat().nonBreakableLines());
    }
    CHECK(codeFound);
}
