#include "gui/common/Theme.h"

#include "gui/common/DeskStyle.h"

#include <QApplication>
#include <QStyle>

namespace mlaprep::gui {

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor highlight(0x3d, 0x7e, 0xd8);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xff));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa6, 0xae));
    // Fusion derives frames and separators from these; the defaults are black on this dark window.
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x5a, 0x5e, 0x65));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, QColor(0x0e, 0x0f, 0x10));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText }) {
        palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    }
    return palette;
}

std::optional<Theme> themeFromString(const QString& name)
{
    if (name == QStringLiteral("system")) {
        return Theme::System;
    }
    if (name == QStringLiteral("light")) {
        return Theme::Light;
    }
    if (name == QStringLiteral("dark")) {
        return Theme::Dark;
    }
    return std::nullopt;
}

void applyTheme(QApplication& application, Theme theme)
{
    if (theme == Theme::System) {
        return;
    }
    application.setStyle(new DeskStyle);
    application.setPalette(theme == Theme::Dark ? darkPalette() : application.style()->standardPalette());
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace mlaprep::gui
