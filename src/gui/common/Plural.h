#pragma once

#include <QString>

namespace mlaprep::gui {

// "1 item" / "3 items": the number with the right form of the noun, never "item(s)". Qt's "%n" needs a
// translation file to pick the form, and the app ships none for English.
inline QString countOf(long long count, const QString& singular, const QString& plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

} // namespace mlaprep::gui
