#include "content/BundleLoader.h"
#include "MainWindow.h"
#include "services/HistorySimulation.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "stats/StatsPage.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/StudyFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QTest>

using namespace mlaprep;

namespace {

const Instant Noon = test::StudyNoon;

struct StatsApp : test::StudyFixture {
    StatsService stats { store, loaded.bundle, clock, study.config() };

    gui::AppServices services()
    {
        gui::AppServices services;
        services.study = &study;
        services.stats = &stats;
        return services;
    }
};

} // namespace

TEST_CASE("Stats shows the empty state on a fresh store", "[gui][stats]")
{
    StatsApp app;
    gui::MainWindow window(app.loaded.bundle, app.loaded.problems, app.services());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showScreen(gui::MainWindow::Screen::Stats);
    gui::StatsPage* page = window.statsPage();
    REQUIRE(page != nullptr);
    CHECK(page->isVisible());
    CHECK(page->showsEmptyState());
    CHECK(page->emptyText().startsWith(QStringLiteral("No study history yet")));
}

TEST_CASE("Stats draws five charts with series after weeks of study", "[gui][stats]")
{
    StatsApp app;
    SimulationOptions options;
    options.end = Noon;
    REQUIRE(simulateHistory(app.store, app.loaded.bundle, options).ok());
    gui::MainWindow window(app.loaded.bundle, app.loaded.problems, app.services());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showScreen(gui::MainWindow::Screen::Stats);
    gui::StatsPage* page = window.statsPage();
    REQUIRE(page != nullptr);
    CHECK_FALSE(page->showsEmptyState());
    CHECK(page->summaryText().startsWith(QStringLiteral("Answers: ")));
    // Accuracy: one line per domain; answers per day and the due forecast: bars; retention: achieved and
    // desired; exam scores: mocks, practice and the pass line.
    CHECK(page->seriesCount(0) == static_cast<int>(app.loaded.bundle.domains.size()));
    CHECK(page->seriesCount(1) == 1);
    CHECK(page->seriesCount(2) == 1);
    CHECK(page->seriesCount(3) == 2);
    CHECK(page->seriesCount(4) == 3);
    for (int chart = 0; chart < gui::StatsPage::ChartCount; ++chart) {
        INFO("chart " << chart);
        CHECK(page->pointCount(chart) > 0);
    }
}
