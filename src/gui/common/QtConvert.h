#pragma once

#include <QString>

#include <string>

namespace mlaprep::gui {

inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

inline std::string toStdString(const QString& text)
{
    return text.toStdString();
}

} // namespace mlaprep::gui
