#include "content/BundleLoader.h"
#include "gui/common/Design.h"
#include "gui/common/Theme.h"
#include "gui/MainWindow.h"
#include "gui/stats/StatsPage.h"
#include "LoopFixture.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "sim/HistorySimulation.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/StudyFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QAbstractAxis>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QTest>

using namespace mlaprep;

namespace {

const Instant Noon = test::StudyNoon;

using StatsApp = test::LoopFixture;

} // namespace

TEST_CASE("Stats shows the empty state on a fresh store", "[gui][stats]")
{
    StatsApp app;
    gui::MainWindow window(app.controller);
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
    REQUIRE(simulateHistory(app.store, app.bundle(), options).ok());
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.showScreen(gui::MainWindow::Screen::Stats);
    gui::StatsPage* page = window.statsPage();
    REQUIRE(page != nullptr);
    CHECK_FALSE(page->showsEmptyState());
    CHECK(page->summaryText().startsWith(QStringLiteral("Answers: ")));
    // Accuracy: one line per domain; answers per day and the due forecast: bars; retention: achieved and
    // desired; exam scores: mocks, practice and the pass line.
    CHECK(page->seriesCount(0) == static_cast<int>(app.bundle().domains.size()));
    CHECK(page->seriesCount(1) == 1);
    CHECK(page->seriesCount(2) == 1);
    CHECK(page->seriesCount(3) == 2);
    CHECK(page->seriesCount(4) == 3);
    for (int chart = 0; chart < gui::StatsPage::ChartCount; ++chart) {
        INFO("chart " << chart);
        CHECK(page->pointCount(chart) > 0);
    }
}

TEST_CASE("Stats has one full domain legend, axis titles, flat cards and a time range", "[gui][stats]")
{
    StatsApp app;
    SimulationOptions options;
    options.end = Noon;
    options.days = 60;
    REQUIRE(simulateHistory(app.store, app.bundle(), options).ok());
    gui::MainWindow window(app.controller);
    window.show();
    window.showScreen(gui::MainWindow::Screen::Stats);
    gui::StatsPage* page = window.statsPage();
    REQUIRE_FALSE(page->showsEmptyState());

    const auto entries = page->domainLegend()->findChildren<QLabel*>();
    REQUIRE(entries.size() == static_cast<qsizetype>(app.bundle().domains.size()));
    for (std::size_t i = 0; i < app.bundle().domains.size(); ++i) {
        CHECK(entries[static_cast<qsizetype>(i)]->text().contains(
            QString::fromStdString(app.bundle().domains[i].title).toHtmlEscaped()));
    }
    for (int index = 0; index < gui::StatsPage::ChartCount; ++index) {
        INFO("chart " << index);
        QChart* chart = page->chart(index);
        CHECK(chart->backgroundBrush().style() == Qt::SolidPattern);
        CHECK(chart->backgroundBrush().color() == page->palette().color(QPalette::Base));
        for (QAbstractAxis* axis : chart->axes()) {
            CHECK_FALSE(axis->titleText().isEmpty());
        }
    }

    // One colour per domain, the same in the dark theme.
    const auto domainColours = [&] {
        std::vector<QColor> colours;
        for (QAbstractSeries* series : page->chart(0)->series()) {
            colours.push_back(qobject_cast<QLineSeries*>(series)->pen().color());
        }
        return colours;
    };
    const auto light = domainColours();
    for (std::size_t i = 0; i < light.size(); ++i) {
        CHECK(light[i] == gui::design::domainColour(static_cast<int>(i) + 1));
    }
    page->setPalette(gui::darkPalette());
    CHECK(domainColours() == light);
    CHECK(page->chart(0)->backgroundBrush().color() == gui::darkPalette().color(QPalette::Base));

    page->rangeBox()->setCurrentIndex(2); // all
    const int all = page->pointCount(0);
    page->rangeBox()->setCurrentIndex(0); // 30 days
    const int month = page->pointCount(0);
    CHECK(month > 0);
    CHECK(month < all);
}
