#pragma once

#include <QPalette>
#include <QString>

namespace mlaprep::gui {

// The rich-text style sheet for rendered notes, built from the palette so dark mode stays readable.
// Qt's CSS subset ignores border-left on blockquotes, so callouts get a tinted background instead.
QString noteStyleSheet(const QPalette& palette);

} // namespace mlaprep::gui
