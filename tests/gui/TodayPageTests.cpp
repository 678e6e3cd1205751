#include "gui/common/Design.h"
#include "gui/MainWindow.h"
#include "gui/stats/StatsPage.h"
#include "gui/today/DomainBar.h"
#include "gui/today/PlanDialog.h"
#include "gui/today/RealResultBox.h"
#include "gui/today/TodayContent.h"
#include "gui/today/TodayPage.h"
#include "LoopFixture.h"
#include "services/RealExamService.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace mlaprep;
using test::LoopFixture;

TEST_CASE("Today leads with one primary next action: the exam date, then the due reviews", "[gui][today]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    gui::TodayPage* today = window.todayPage();
    CHECK(today->content().nextAction == gui::NextAction::SetExamDate);
    QPushButton* next = today->nextActionButton();
    CHECK(next->isVisible());
    CHECK(next->text() == QStringLiteral("Set your exam date"));
    CHECK(next->property("primary").toBool());
    CHECK(next->hasFocus());
    // Only one primary button on the page.
    int primaries = 0;
    for (const QPushButton* button : today->findChildren<QPushButton*>()) {
        primaries += button->property("primary").toBool() ? 1 : 0;
    }
    CHECK(primaries == 1);

    gui::PlanDialog* dialog = nullptr;
    QObject::connect(today, &gui::TodayPage::planDialogOpened, today,
        [&](QDialog* opened) { dialog = qobject_cast<gui::PlanDialog*>(opened); });
    QTest::keyClick(next, Qt::Key_Space);
    REQUIRE(dialog != nullptr);
    dialog->dateEdit()->setDate(QDate(2026, 12, 20));
    dialog->accept();
    REQUIRE(app.study.settings().settings()->examDate == CalendarDate { 2026, 12, 20 });
    // With a date set, the new items of the minimal bundle come next.
    CHECK(today->content().nextAction == gui::NextAction::StartReviews);
    CHECK(next->text().startsWith(QStringLiteral("Learn ")));
    QTest::mouseClick(next, Qt::LeftButton);
    CHECK(window.currentScreen() == gui::MainWindow::Screen::Review);
}

TEST_CASE("the exam-date field takes a typed year and refuses a past date on OK", "[gui][today]")
{
    gui::PlanDialog dialog(Settings {}, QDate(2026, 12, 1));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    QDateEdit* date = dialog.dateEdit();
    date->setFocus();
    date->setCurrentSection(QDateTimeEdit::YearSection);
    date->setSelectedSection(QDateTimeEdit::YearSection);
    QTest::keyClicks(date, QStringLiteral("2031"));
    CHECK(date->date().year() == 2031);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.settings().examDate->year == 2031);

    gui::PlanDialog past(Settings {}, QDate(2026, 12, 1));
    past.dateEdit()->setDate(QDate(2026, 11, 30));
    past.accept();
    CHECK(past.result() != QDialog::Accepted);
    CHECK(past.errorLabel()->text().contains(QStringLiteral("has passed")));
}

TEST_CASE("the plan never promises more new items than the daily limit serves", "[gui][today]")
{
    LoopFixture app;
    srs::QueueCounts counts;
    counts.newLeft = 20;
    srs::StudyPlan plan;
    plan.examSet = true;
    plan.days.push_back(srs::PlanDay { 0, 30, 16, 0, false, 55.0 });
    Settings settings;
    settings.examDate = CalendarDate { 2026, 12, 20 };
    const auto content
        = gui::buildTodayContent(app.bundle(), counts, std::nullopt, settings, plan, 0, std::nullopt, 1);
    CHECK(content.planLine.contains(QStringLiteral("meet 20 new items")));
    CHECK_FALSE(content.planLine.contains(QStringLiteral("46")));
    CHECK(content.newLimitLine.contains(QStringLiteral("46")));
    CHECK(content.nextActionLabel == QStringLiteral("Learn 20 new items"));
}

TEST_CASE("behind the plan, Today offers a button to change the minutes or the date", "[gui][today]")
{
    LoopFixture app; // every item unseen, the exam the day after tomorrow
    gui::MainWindow window(app.controller);
    window.show();
    gui::TodayPage* today = window.todayPage();
    Settings settings = app.study.settings().settings().value();
    settings.examDate = CalendarDate { 2026, 11, 20 }; // two days to meet every unseen item
    settings.minutesPerDay = 5;
    REQUIRE(today->setPlanSettings(settings));
    INFO(today->content().trackLine.toStdString());
    REQUIRE_FALSE(today->content().onTrack);
    CHECK(today->behindButton()->isVisible());
    gui::PlanDialog* dialog = nullptr;
    QObject::connect(today, &gui::TodayPage::planDialogOpened, today,
        [&](QDialog* opened) { dialog = qobject_cast<gui::PlanDialog*>(opened); });
    QTest::mouseClick(today->behindButton(), Qt::LeftButton);
    CHECK(dialog != nullptr);
}

TEST_CASE("each domain bar has its domain's colour whatever its mastery", "[gui][today]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    const auto& bars = window.todayPage()->domainBars();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        CHECK(bars[i]->colour() == gui::design::domainColour(static_cast<int>(i) + 1));
    }
}

TEST_CASE(
    "from the exam day on, Today asks for the real result once and records it", "[gui][today][real-exam]")
{
    LoopFixture app;
    REQUIRE(app.study.settings()
                .change([](Settings& wanted) {
                    wanted.examDate = CalendarDate { 2026, 11, 20 };
                })
                .ok());
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    gui::TodayPage* today = window.todayPage();
    gui::RealResultBox* box = today->realResultBox();
    CHECK_FALSE(box->isVisible()); // two days before the exam

    app.clock.advance(std::chrono::hours(24 * 2));
    today->refresh();
    REQUIRE(box->isVisible());
    CHECK(box->examDate() == CalendarDate { 2026, 11, 20 });
    CHECK(box->scoreField()->text() == QStringLiteral("—"));
    CHECK_FALSE(box->saveScoreButton()->isEnabled()); // no score typed yet
    box->scoreField()->setValue(654);
    CHECK(box->saveScoreButton()->isEnabled());
    QTest::mouseClick(box->saveScoreButton(), Qt::LeftButton);
    const auto results = app.session.realExams().results();
    REQUIRE(results.ok());
    REQUIRE(results->size() == 1);
    CHECK(results->front().scaled == 654);
    CHECK_FALSE(results->front().passed);
    CHECK_FALSE(box->isVisible());
    // Stats shows it beside the forecast of the day before (a thin history: below its range).
    window.statsPage()->refresh();
    const QString stats = window.statsPage()->realExamsText();
    CHECK(stats.contains(QStringLiteral("654, not passed")));
    CHECK(stats.contains(
        QStringLiteral("the day before, the forecast was %1").arg(results->front().forecast.estimate)));
    CHECK(stats.contains(QStringLiteral("on too little data")));

    // "Not sat yet" moves the date instead.
    REQUIRE(app.study.settings()
                .change([](Settings& wanted) {
                    wanted.examDate = CalendarDate { 2026, 11, 21 };
                })
                .ok());
    app.clock.advance(std::chrono::hours(24));
    today->refresh();
    REQUIRE(box->isVisible());
    gui::PlanDialog* dialog = nullptr;
    QObject::connect(today, &gui::TodayPage::planDialogOpened, today,
        [&](QDialog* opened) { dialog = qobject_cast<gui::PlanDialog*>(opened); });
    QTest::mouseClick(box->notSatButton(), Qt::LeftButton);
    REQUIRE(dialog != nullptr);
    dialog->dateEdit()->setDate(QDate(2026, 12, 5));
    dialog->accept();
    CHECK_FALSE(box->isVisible());
    CHECK(app.session.realExams().results()->size() == 1);
}
