#include "gui/common/SidebarDelegate.h"
#include "gui/common/Theme.h"
#include "gui/exam/ExamPage.h"
#include "gui/MainWindow.h"
#include "LoopFixture.h"
#include "services/StudyService.h"

#include <catch2/catch.hpp>

#include <QListWidget>
#include <QPixmap>
#include <QTest>

using namespace mlaprep;
using test::LoopFixture;

namespace {

QListWidgetItem* row(gui::MainWindow& window, gui::MainWindow::Screen screen)
{
    return window.findChild<QListWidget*>(QStringLiteral("sidebar"))->item(static_cast<int>(screen));
}

QString pill(gui::MainWindow& window, gui::MainWindow::Screen screen)
{
    return row(window, screen)->data(gui::SidebarDelegate::PillTextRole).toString();
}

} // namespace

TEST_CASE("every sidebar row has its own icon, tinted from the palette", "[gui][sidebar]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    QStringList masks;
    for (int screen = 0; screen < 5; ++screen) {
        const QString mask = row(window, static_cast<gui::MainWindow::Screen>(screen))
                                 ->data(gui::SidebarDelegate::IconMaskRole)
                                 .toString();
        INFO(mask.toStdString());
        CHECK_FALSE(QPixmap(mask).isNull());
        masks << mask;
    }
    masks.removeDuplicates();
    CHECK(masks.size() == 5);

    for (const QPalette& palette : { QPalette(Qt::black, Qt::white), gui::darkPalette() }) {
        const QColor text = palette.color(QPalette::Text);
        const QImage tinted = gui::tintedMask(masks.front(), text, QSize(24, 24))
                                  .toImage()
                                  .convertToFormat(QImage::Format_ARGB32);
        int inked = 0;
        for (int y = 0; y < tinted.height(); ++y) {
            for (int x = 0; x < tinted.width(); ++x) {
                const QColor pixel = tinted.pixelColor(x, y);
                if (pixel.alpha() == 255) {
                    ++inked;
                    CHECK(pixel.rgb() == text.rgb());
                }
            }
        }
        CHECK(inked > 20);
    }
}

TEST_CASE(
    "Review shows its due count in a pill and the Exam row the time left while a mock runs", "[gui][sidebar]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    const auto counts = app.study.counts();
    REQUIRE(counts.ok());
    REQUIRE(counts->total() > 0);
    CHECK(pill(window, gui::MainWindow::Screen::Review) == QString::number(counts->total()));
    CHECK(pill(window, gui::MainWindow::Screen::Exam).isEmpty());

    StartRequest mock;
    mock.seed = 17;
    mock.questions = 4;
    mock.domains = { "1", "2" };
    window.showScreen(gui::MainWindow::Screen::Exam);
    window.examPage()->start(mock);
    REQUIRE(window.examPage()->isInExamMode());
    CHECK(pill(window, gui::MainWindow::Screen::Exam) == QStringLiteral("0:08 left"));
    app.clock.advance(std::chrono::minutes(3));
    REQUIRE(QTest::qWaitFor(
        [&] { return pill(window, gui::MainWindow::Screen::Exam) == QStringLiteral("0:05 left"); }));

    window.examPage()->pause();
    CHECK(pill(window, gui::MainWindow::Screen::Exam).isEmpty());
}
