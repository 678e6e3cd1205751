#include "gui/settings/RetentionChart.h"
#include "gui/settings/SettingsDialog.h"
#include "LoopFixture.h"
#include "services/SettingsService.h"
#include "services/StudyService.h"
#include "srs/StudyItem.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>

using namespace mlaprep;

TEST_CASE("settings save the exam date, retention and limits in one call", "[gui][settings]")
{
    test::LoopFixture app;
    const gui::AppServices services = app.controller.services();

    gui::SettingsDialog dialog(app.bundle(), services);
    CHECK(dialog.retention()->value() == Approx(0.9));
    CHECK_FALSE(dialog.examDateSet()->isChecked());
    dialog.examDateSet()->setChecked(true);
    dialog.examDate()->setDate(QDate(2027, 3, 15));
    dialog.retention()->setValue(0.85);
    dialog.newPerDay()->setValue(35);
    REQUIRE(dialog.save());
    CHECK(dialog.saved().settings);
    CHECK(dialog.saved().studyQueue);

    CHECK(app.study.config().desiredRetention == Approx(0.85));
    CHECK(app.study.config().newPerDay == 35);
    auto settings = app.study.settings().settings();
    REQUIRE(settings.ok());
    REQUIRE(settings->examDate.has_value());
    CHECK(settings->examDate->toText() == "2027-03-15");

    // A fresh service over the same file sees what was saved.
    StudyService reopened(app.store, srs::studyItemsOf(app.bundle()), app.clock);
    CHECK(reopened.config().desiredRetention == Approx(0.85));
    gui::SettingsDialog again(app.bundle(), services);
    CHECK(again.examDateSet()->isChecked());
    CHECK(again.newPerDay()->value() == 35);
}

TEST_CASE("settings fields take the settings' ranges and a past exam date is refused with its range",
    "[gui][settings]")
{
    test::LoopFixture app;
    const gui::AppServices services = app.controller.services();

    gui::SettingsDialog dialog(app.bundle(), services);
    CHECK(dialog.retention()->minimum() == Approx(DesiredRetentionRange.min));
    CHECK(dialog.retention()->maximum() == Approx(DesiredRetentionRange.max));
    CHECK(dialog.newPerDay()->maximum() == static_cast<int>(NewPerDayRange.max));
    dialog.examDateSet()->setChecked(true);
    dialog.examDate()->setDate(QDate(2020, 1, 1));
    dialog.retention()->setValue(0.8);
    CHECK_FALSE(dialog.save());
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("settingsError"));
    REQUIRE(error != nullptr);
    CHECK(error->text().contains(QStringLiteral("2020-01-01 has passed: choose a day from today")));
    // Nothing was saved: the retention waits with the date.
    CHECK(app.study.config().desiredRetention == Approx(0.9));
}

TEST_CASE("settings chart minutes a day against exam-day recall per retention, simulated off the GUI thread",
    "[gui][settings]")
{
    test::LoopFixture app;
    const gui::AppServices services = app.controller.services();

    gui::SettingsDialog dialog(app.bundle(), services);
    gui::RetentionChart* chart = dialog.retentionChart();
    REQUIRE(chart != nullptr);
    // The dialog is usable at once: the simulation runs in a worker thread.
    CHECK_FALSE(chart->finished());
    CHECK(dialog.retention()->isEnabled());
    QSignalSpy computed(chart, &gui::RetentionChart::computed);
    REQUIRE((chart->finished() || computed.wait(60'000)));
    const auto& points = chart->points();
    REQUIRE(points.size() == gui::RetentionChart::Retentions.size() * gui::RetentionChart::Minutes.size());
    CHECK(
        chart->view()->chart()->series().size() == static_cast<int>(gui::RetentionChart::Retentions.size()));
    // Ten minutes a day are enough to see the minimal bundle's eight items, so every point has recall.
    for (const auto& point : points) {
        CHECK(point.examDayRecall > 0.0);
        CHECK(point.examDayRecall <= 1.0);
    }
}

TEST_CASE("closing settings while the chart is simulating cancels the run", "[gui][settings]")
{
    test::LoopFixture app;
    const gui::AppServices services = app.controller.services();
    {
        gui::SettingsDialog dialog(app.bundle(), services);
        REQUIRE(dialog.retentionChart() != nullptr);
    }
    // Destroyed mid-run without a crash or a late delivery.
    QCoreApplication::processEvents();
    SUCCEED();
}
