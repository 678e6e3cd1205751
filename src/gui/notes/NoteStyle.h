#pragma once

#include <QPalette>
#include <QString>

class QTextDocument;

namespace mlaprep::gui {

// The rich-text style sheet for rendered notes, built from the palette so dark mode stays readable.
// Qt's CSS subset ignores border-left on blockquotes, so callouts get a tinted background instead.
QString noteStyleSheet(const QPalette& palette);

// Lets code blocks wrap at the view's width: Qt renders <pre> as non-breakable lines, and one long line
// would make the whole note scroll sideways. The line breaks of the code stay as they are.
void wrapCodeBlocks(QTextDocument* document);

} // namespace mlaprep::gui
