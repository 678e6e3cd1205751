#pragma once

#include <QPalette>
#include <QString>

#include <optional>

class QApplication;

namespace mlaprep::gui {

enum class Theme { System, Light, Dark };

std::optional<Theme> themeFromString(const QString& name);

// The theme chosen in Settings, kept with QSettings (a preference of this computer, not study data).
inline constexpr const char* ThemeSettingKey = "appearance/theme";

// System keeps the platform palette; Light and Dark switch to the Fusion style with a fixed palette,
// so the choice looks the same on every desktop.
void applyTheme(QApplication& application, Theme theme);

// The Dark theme's palette (Light is Fusion's standard palette).
QPalette darkPalette();

// Qt 6.4 has no colour-scheme hint: a palette is dark when its window colour is.
bool isDark(const QPalette& palette);

} // namespace mlaprep::gui
