#pragma once

#include <QString>

#include <algorithm>

namespace mlaprep::gui {

// An exam clock as the learner reads it: "1:05:09", whole seconds rounded down.
inline QString clockText(long long ms)
{
    const long long seconds = std::max(0LL, ms / 1000);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace mlaprep::gui
