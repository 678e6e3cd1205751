#include "content/BundleLoader.h"
#include "MainWindow.h"
#include "review/ReviewPage.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

using namespace mlaprep;

namespace {

struct ReviewFixture {
    test::TempDir dir;
    test::ManualClock clock;
    LoadedBundle loaded = loadBundle(test::minimalBundleDir());
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    NoteService notes { store, clock };
    StudyService study { store, srs::studyItemsOf(loaded.bundle), clock,
        srs::SchedulerConfig::defaultsForTesting() };

    gui::AppServices services()
    {
        gui::AppServices services;
        services.notes = &notes;
        services.study = &study;
        return services;
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

} // namespace

TEST_CASE(
    "three items reviewed by keyboard are logged with their ratings, and Ctrl+Z takes one back", "[gui]")
{
    ReviewFixture app;
    gui::MainWindow window(app.loaded.bundle, app.loaded.problems, app.services());
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    press(&window, Qt::Key_3, Qt::ControlModifier);
    REQUIRE(window.currentScreen() == gui::MainWindow::Screen::Review);
    auto* page = window.findChild<gui::ReviewPage*>();
    REQUIRE(page != nullptr);
    REQUIRE(
        QTest::qWaitFor([&] { return page->isAncestorOf(QApplication::focusWidget()) || page->hasFocus(); }));

    auto* counts = page->findChild<QLabel*>(QStringLiteral("reviewCounts"));
    CHECK(counts->text().contains(QStringLiteral("New 8")));
    auto* good = page->findChild<QPushButton*>(QStringLiteral("rateGoodButton"));
    REQUIRE(good != nullptr);

    const std::vector<std::string> expected { "c-1.1-001", "q-1.1-001", "q-1.1-002" };
    for (const std::string& id : expected) {
        REQUIRE(page->session().current().has_value());
        CHECK(page->session().current()->itemId == id);
        CHECK_FALSE(good->isVisible());
        press(&window, Qt::Key_Space);
        REQUIRE(page->session().revealed());
        CHECK(good->isVisible());
        CHECK(good->text().startsWith(QStringLiteral("Good\n")));
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

TEST_CASE("the review screen says all done when nothing is due", "[gui]")
{
    ReviewFixture app;
    REQUIRE(app.study.setDailyLimits(0, 0).ok());
    gui::MainWindow window(app.loaded.bundle, app.loaded.problems, app.services());
    window.show();
    window.showScreen(gui::MainWindow::Screen::Review);
    auto* title = window.findChild<QLabel*>(QStringLiteral("reviewEmptyTitle"));
    REQUIRE(title != nullptr);
    CHECK(title->isVisible());
    CHECK(title->text() == QStringLiteral("All done for today"));
}
