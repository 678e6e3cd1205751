#include "content/Bundle.h"
#include "content/BundleLoader.h"
#include "gui/MainWindow.h"
#include "gui/review/CardHeading.h"
#include "gui/review/ReviewPage.h"
#include "LoopFixture.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/SettingsEdit.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTextBrowser>

using namespace mlaprep;

namespace {

struct ReviewFixture : test::LoopFixture {
    ReviewFixture()
        : LoopFixture(test::ManualClock().now())
    {
    }

    std::vector<std::pair<std::string, int>> log()
    {
        std::vector<std::pair<std::string, int>> rows;
        auto statement = store->database().prepare("SELECT item_id, rating FROM review_log ORDER BY id");
        while (statement.step()) {
            rows.emplace_back(statement.columnText(0), static_cast<int>(statement.columnInt(1)));
        }
        return rows;
    }
};

void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : window;
    QTest::keyClick(target, key, modifiers);
}

// The main window on the Review screen (Ctrl+3), the page holding the focus, nothing answered yet.
struct OnReview {
    ReviewFixture app;
    gui::MainWindow window { app.controller };
    gui::ReviewPage* page = nullptr;

    OnReview()
    {
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        press(&window, Qt::Key_3, Qt::ControlModifier);
        REQUIRE(window.currentScreen() == gui::MainWindow::Screen::Review);
        page = window.findChild<gui::ReviewPage*>();
        REQUIRE(page != nullptr);
        REQUIRE(QTest::qWaitFor(
            [&] { return page->isAncestorOf(QApplication::focusWidget()) || page->hasFocus(); }));
    }
};

} // namespace

TEST_CASE(
    "three items reviewed by keyboard are logged with their ratings, and Ctrl+Z takes one back", "[gui]")
{
    OnReview screen;
    ReviewFixture& app = screen.app;
    gui::MainWindow& window = screen.window;
    gui::ReviewPage* page = screen.page;

    auto* counts = page->findChild<QLabel*>(QStringLiteral("reviewCounts"));
    CHECK(counts->text().contains(QStringLiteral("New 8")));
    auto* good = page->findChild<QPushButton*>(QStringLiteral("rateGoodButton"));
    REQUIRE(good != nullptr);

    const std::vector<std::string> expected { "c-1.1-001", "q-1.1-001", "q-1.1-002" };
    for (const std::string& id : expected) {
        REQUIRE(page->session().current().has_value());
        CHECK(page->session().current()->itemId == id);
        CHECK_FALSE(good->isVisible());
        if (id != "c-1.1-001") {
            press(&window, Qt::Key_A); // a question is checked only once it has an answer
        }
        press(&window, Qt::Key_Space);
        REQUIRE(page->session().revealed());
        CHECK(good->isVisible());
        CHECK(good->text().startsWith(QStringLiteral("Good (3)\n")));
        press(&window, id == "q-1.1-001" ? Qt::Key_1 : Qt::Key_3);
    }
    const auto log = app.log();
    REQUIRE(log.size() == 3);
    CHECK(log[0] == std::pair<std::string, int> { "c-1.1-001", 3 });
    CHECK(log[1] == std::pair<std::string, int> { "q-1.1-001", 1 });
    CHECK(log[2] == std::pair<std::string, int> { "q-1.1-002", 3 });
    CHECK(counts->text().contains(QStringLiteral("New 5")));

    press(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(app.log().size() == 2);
    REQUIRE(page->session().current().has_value());
    CHECK(page->session().current()->itemId == "q-1.1-002");
}

namespace {

// The main window on the Review screen with the first item (the card c-1.1-001) rated Good, so that
// the question q-1.1-001 is on screen.
struct OnFirstQuestion : OnReview {
    OnFirstQuestion()
    {
        press(&window, Qt::Key_Space);
        press(&window, Qt::Key_3);
        REQUIRE(app.log().size() == 1);
        REQUIRE(page->session().current().has_value());
        REQUIRE(page->session().current()->itemId == "q-1.1-001");
    }

    QPushButton* button(const char* name) { return page->findChild<QPushButton*>(QString::fromLatin1(name)); }
};

} // namespace

TEST_CASE("Space then 3 on an unanswered question neither checks nor rates it", "[gui]")
{
    OnFirstQuestion screen;
    auto* hint = screen.page->findChild<QLabel*>(QStringLiteral("reviewHint"));
    REQUIRE(hint != nullptr);
    CHECK_FALSE(screen.button("revealButton")->isEnabled());
    // A new user's habit from cards: Space then a rating, again and again.
    for (int attempt = 0; attempt < 50; ++attempt) {
        press(&screen.window, Qt::Key_Space);
        press(&screen.window, Qt::Key_3);
        press(&screen.window, Qt::Key_Return);
    }
    CHECK(screen.app.log().size() == 1);
    REQUIRE(screen.page->session().current().has_value());
    CHECK(screen.page->session().current()->itemId == "q-1.1-001");
    CHECK_FALSE(screen.page->session().revealed());
    CHECK_FALSE(screen.button("rateGoodButton")->isVisible());
    CHECK(hint->text().contains(QStringLiteral("I don't know")));

    // Once an answer is chosen, Space checks it and 3 rates it.
    press(&screen.window, Qt::Key_B);
    CHECK(hint->text().isEmpty());
    CHECK(screen.button("revealButton")->isEnabled());
    press(&screen.window, Qt::Key_Space);
    CHECK(screen.page->session().revealed());
    press(&screen.window, Qt::Key_3);
    const auto log = screen.app.log();
    REQUIRE(log.size() == 2);
    CHECK(log[1] == std::pair<std::string, int> { "q-1.1-001", 3 });
}

TEST_CASE("I don't know rates Again, shows the explanation, and Space moves on", "[gui]")
{
    OnFirstQuestion screen;
    auto* feedback = screen.page->findChild<QLabel*>(QStringLiteral("questionFeedback"));
    REQUIRE(feedback != nullptr);
    CHECK_FALSE(feedback->isVisible());
    CHECK(screen.button("dontKnowButton")->isVisible());

    press(&screen.window, Qt::Key_0);
    auto log = screen.app.log();
    REQUIRE(log.size() == 2);
    CHECK(log[1] == std::pair<std::string, int> { "q-1.1-001", 1 });
    CHECK(screen.page->session().settled());
    CHECK(feedback->isVisible());
    CHECK(feedback->text().contains(QStringLiteral("Columnar formats let engines skip columns.")));
    CHECK_FALSE(screen.button("rateGoodButton")->isVisible());
    CHECK_FALSE(screen.button("dontKnowButton")->isVisible());

    // The rating is given: 1–4 add nothing, and 0 again does not rate twice.
    press(&screen.window, Qt::Key_3);
    press(&screen.window, Qt::Key_0);
    CHECK(screen.app.log().size() == 2);
    press(&screen.window, Qt::Key_Space);
    REQUIRE(screen.page->session().current().has_value());
    CHECK(screen.page->session().current()->itemId == "q-1.1-002");

    // The button does the same, and Ctrl+Z takes it back.
    screen.button("dontKnowButton")->click();
    log = screen.app.log();
    REQUIRE(log.size() == 3);
    CHECK(log[2] == std::pair<std::string, int> { "q-1.1-002", 1 });
    press(&screen.window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(screen.app.log().size() == 2);
    CHECK(screen.page->session().current()->itemId == "q-1.1-002");
    CHECK_FALSE(screen.page->session().settled());
    CHECK(screen.button("dontKnowButton")->isVisible());
}

TEST_CASE("I don't know on a card rates it Again and shows its back", "[gui]")
{
    OnReview screen;
    ReviewFixture& app = screen.app;
    gui::MainWindow& window = screen.window;
    gui::ReviewPage* page = screen.page;
    REQUIRE(page->session().current()->itemId == "c-1.1-001");
    auto* back = page->findChild<QTextBrowser*>(QStringLiteral("reviewCardView"));
    REQUIRE(back != nullptr);
    const QString front = back->toPlainText();
    CHECK(page->findChild<QLabel*>(QStringLiteral("reviewItemLabel"))->text()
        == QStringLiteral("Card · task 1.1 · new"));

    press(&window, Qt::Key_0);
    const auto log = app.log();
    REQUIRE(log.size() == 1);
    CHECK(log[0] == std::pair<std::string, int> { "c-1.1-001", 1 });
    CHECK(page->session().settled());
    CHECK(back->toPlainText().size() > front.size());
    press(&window, Qt::Key_Return);
    CHECK(page->session().current()->itemId == "q-1.1-001");
}

TEST_CASE("the review screen says all done when nothing is due", "[gui]")
{
    ReviewFixture app;
    REQUIRE(test::saveDailyLimits(app.study, 0, 0).ok());
    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Review);
    auto* title = window.findChild<QLabel*>(QStringLiteral("reviewEmptyTitle"));
    REQUIRE(title != nullptr);
    CHECK(title->isVisible());
    CHECK(title->text() == QStringLiteral("All done for today"));
}

TEST_CASE("a card without a task says whether it is orientation or the learner's own", "[gui]")
{
    Card orientation;
    orientation.file = "cards/orientation.json";
    CHECK(gui::cardHeading(orientation, QStringLiteral("new"))
        == QStringLiteral("Card · about the exam · new"));
    Card own;
    CHECK(gui::cardHeading(own, QStringLiteral("review")) == QStringLiteral("Card · your own deck · review"));
    own.task = "2.3";
    CHECK(gui::cardHeading(own, QStringLiteral("review")) == QStringLiteral("Card · task 2.3 · review"));
}

namespace {

std::optional<std::pair<int, std::int64_t>> heldRow(test::LoopFixture& app, const std::string& itemId)
{
    auto statement = app.store->database().prepare(
        "SELECT suspended, coalesce(buried_until_ms, 0) FROM item_holds WHERE item_id = ?1");
    statement.bind(1, itemId);
    if (!statement.step()) {
        return std::nullopt;
    }
    return std::make_pair(static_cast<int>(statement.columnInt(0)), statement.columnInt(1));
}

int phaseOf(test::LoopFixture& app, const std::string& itemId)
{
    auto statement = app.store->database().prepare("SELECT phase FROM item_states WHERE item_id = ?1");
    statement.bind(1, itemId);
    REQUIRE(statement.step());
    return static_cast<int>(statement.columnInt(0));
}

} // namespace

TEST_CASE("S suspends, - buries and Ctrl+Alt+N resets the item on screen; Ctrl+Z takes each back", "[gui]")
{
    OnReview screen;
    ReviewFixture& app = screen.app;
    gui::MainWindow& window = screen.window;
    gui::ReviewPage* page = screen.page;
    const auto current = [&] { return page->session().current() ? page->session().current()->itemId : ""; };
    // The card forgotten: back in a minute, in learning.
    press(&window, Qt::Key_Space);
    press(&window, Qt::Key_1);
    REQUIRE(current() == "q-1.1-001");

    // The Review menu offers the same actions, with their keys.
    auto* menu = window.findChild<QMenu*>(QStringLiteral("reviewMenu"));
    REQUIRE(menu != nullptr);
    QStringList texts;
    for (QAction* action : menu->actions()) {
        texts << action->text();
        CHECK(action->isEnabled());
    }
    CHECK(texts.contains(QStringLiteral("&Suspend")));
    auto* suspend = page->findChild<QAction*>(QStringLiteral("suspendAction"));
    REQUIRE(suspend != nullptr);
    CHECK(suspend->shortcut() == QKeySequence(Qt::Key_S));

    press(&window, Qt::Key_S);
    CHECK(current() == "q-1.1-002");
    CHECK(heldRow(app, "q-1.1-001") == std::make_pair(1, std::int64_t { 0 }));
    auto* counts = page->findChild<QLabel*>(QStringLiteral("reviewCounts"));
    CHECK(counts->text().contains(QStringLiteral("New 6")));
    press(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(current() == "q-1.1-001");
    CHECK_FALSE(heldRow(app, "q-1.1-001"));

    press(&window, Qt::Key_Minus);
    CHECK(current() == "q-1.1-002");
    const auto buried = heldRow(app, "q-1.1-001");
    REQUIRE(buried);
    CHECK(buried->first == 0);
    CHECK(buried->second > toEpochMilliseconds(app.clock.now()));
    press(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(current() == "q-1.1-001");
    CHECK_FALSE(heldRow(app, "q-1.1-001"));

    // A minute on, the card's step is due: suspending the question brings it on screen, to be reset.
    app.clock.advance(std::chrono::seconds(61));
    press(&window, Qt::Key_S);
    REQUIRE(current() == "c-1.1-001");
    REQUIRE(phaseOf(app, "c-1.1-001") == 1);
    press(&window, Qt::Key_N, Qt::ControlModifier | Qt::AltModifier);
    CHECK(phaseOf(app, "c-1.1-001") == 0);
    CHECK(app.log().size() == 1); // its history stays
    press(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(current() == "c-1.1-001");
    CHECK(phaseOf(app, "c-1.1-001") == 1);
    press(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(current() == "q-1.1-001");
    CHECK_FALSE(heldRow(app, "q-1.1-001"));
    CHECK(app.log().size() == 1);

    // Elsewhere in the app the Review menu's item actions are off.
    press(&window, Qt::Key_1, Qt::ControlModifier);
    CHECK_FALSE(suspend->isEnabled());
}
