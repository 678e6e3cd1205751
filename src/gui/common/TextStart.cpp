#include "gui/common/TextStart.h"

#include <QRegularExpression>

namespace mlaprep::gui {

QString plainStart(const std::string& markdown, int limit)
{
    QString text = QString::fromStdString(markdown).simplified();
    static const QRegularExpression marks(QStringLiteral("[*_`#>]"));
    text.remove(marks);
    if (text.size() <= limit) {
        return text;
    }
    const int cut = static_cast<int>(text.lastIndexOf(QLatin1Char(' '), limit));
    return text.left(cut > 0 ? cut : limit) + QStringLiteral(" …");
}

} // namespace mlaprep::gui
