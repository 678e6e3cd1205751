#include "gui/common/Design.h"
#include "gui/common/DeskStyle.h"
#include "gui/common/Theme.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QImage>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QStyleFactory>
#include <QStyleOption>

#include <cmath>
#include <memory>

using namespace mlaprep;

namespace {

double luminance(const QColor& colour)
{
    const auto channel
        = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The strongest contrast against `background` of any pixel of the control's indicator.
double indicatorContrast(QAbstractButton& button, QStyle::SubElement indicator, const QColor& background)
{
    button.resize(button.sizeHint());
    const QImage image = button.grab().toImage();
    QStyleOptionButton option;
    option.initFrom(&button);
    const QRect rect = button.style()->subElementRect(indicator, &option, &button);
    double best = 1.0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            best = std::max(best, contrast(image.pixelColor(x, y), background));
        }
    }
    return best;
}

QPalette lightPalette()
{
    static const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

} // namespace

TEST_CASE("radio buttons and check boxes show a rim of at least 3:1 in both palettes", "[gui][design]")
{
    gui::DeskStyle style;
    for (const QPalette& palette : { lightPalette(), gui::darkPalette() }) {
        INFO((gui::isDark(palette) ? "dark" : "light"));
        QRadioButton radio(QStringLiteral("A"));
        QCheckBox check(QStringLiteral("B"));
        for (QAbstractButton* button :
            { static_cast<QAbstractButton*>(&radio), static_cast<QAbstractButton*>(&check) }) {
            button->setStyle(&style);
            button->setPalette(palette);
        }
        const QColor window = palette.color(QPalette::Window);
        CHECK(indicatorContrast(radio, QStyle::SE_RadioButtonIndicator, window) >= 3.0);
        CHECK(indicatorContrast(check, QStyle::SE_CheckBoxIndicator, window) >= 3.0);
        CHECK(contrast(gui::design::colours(palette).rim, window) >= 3.0);
        CHECK(contrast(gui::design::colours(palette).rim, palette.color(QPalette::Base)) >= 3.0);
    }
}

TEST_CASE("the semantic colours read as text on both palettes and domains keep their colour", "[gui][design]")
{
    for (const QPalette& palette : { lightPalette(), gui::darkPalette() }) {
        INFO((gui::isDark(palette) ? "dark" : "light"));
        const auto& colours = gui::design::colours(palette);
        for (const QColor& colour :
            { colours.accent, colours.correct, colours.wrong, colours.flagged, colours.due, colours.meta }) {
            INFO(colour.name().toStdString());
            CHECK(contrast(colour, palette.color(QPalette::Base)) >= 4.5);
            CHECK(contrast(colour, palette.color(QPalette::Window)) >= 4.5);
        }
        CHECK(contrast(colours.onAccent, colours.accent) >= 4.5);
        for (int domain = 1; domain <= 4; ++domain) {
            CHECK(contrast(gui::design::domainColour(domain), palette.color(QPalette::Window)) >= 3.0);
            CHECK(contrast(gui::design::domainColour(domain), palette.color(QPalette::Base)) >= 3.0);
        }
    }
    CHECK(gui::design::domainColour(2) != gui::design::domainColour(3));
}

TEST_CASE("the keyboard focus is an accent ring in both palettes", "[gui][design]")
{
    gui::DeskStyle style;
    for (const QPalette& palette : { lightPalette(), gui::darkPalette() }) {
        QImage image(40, 20, QImage::Format_ARGB32);
        image.fill(palette.color(QPalette::Base));
        QStyleOptionFocusRect option;
        option.rect = image.rect();
        option.palette = palette;
        QPainter painter(&image);
        style.drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter);
        painter.end();
        CHECK(contrast(image.pixelColor(1, 10), palette.color(QPalette::Base)) >= 3.0);
    }
}

TEST_CASE("a primary button is one flat accent fill in both palettes, no gradient", "[gui][design]")
{
    gui::DeskStyle style;
    for (const QPalette& palette : { lightPalette(), gui::darkPalette() }) {
        INFO((gui::isDark(palette) ? "dark" : "light"));
        QPushButton button(QStringLiteral("Go"));
        button.setStyle(&style);
        button.setPalette(palette);
        gui::makePrimary(&button);
        button.resize(200, 40);
        const QImage image = button.grab().toImage();
        const QColor accent = gui::design::colours(palette).accent;
        // Left of the centred label, from near the top to near the bottom: every pixel the accent.
        for (int y = 6; y <= 33; ++y) {
            INFO("y " << y);
            CHECK(image.pixelColor(12, y) == accent);
        }
        CHECK(contrast(gui::design::colours(palette).onAccent, accent) >= 4.5);
    }
}
