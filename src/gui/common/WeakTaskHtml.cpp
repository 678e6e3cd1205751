#include "gui/common/WeakTaskHtml.h"

#include "gui/common/QtConvert.h"

#include <QObject>

#include <cmath>

namespace mlaprep::gui {

QString weakTaskBulletsHtml(const analytics::WeakTaskBullets& weakest)
{
    QString html
        = QObject::tr("<h2>Weakest task statement: %1 %2 (%3/%4 right)</h2>")
              .arg(toQString(weakest.taskId).toHtmlEscaped(), toQString(weakest.taskTitle).toHtmlEscaped())
              .arg(weakest.correct)
              .arg(weakest.answers);
    html += QObject::tr("<table><tr><th>Exam-guide bullet</th><th>Correct</th><th>%</th></tr>");
    for (const auto& bullet : weakest.bullets) {
        html += QStringLiteral("<tr><td>%1 %2</td><td>%3</td><td>%4</td></tr>")
                    .arg(toQString(bullet.bulletId).toHtmlEscaped(), toQString(bullet.text).toHtmlEscaped())
                    .arg(bullet.answers > 0 ? QStringLiteral("%1/%2").arg(bullet.correct).arg(bullet.answers)
                                            : QObject::tr("not asked"))
                    .arg(bullet.answers > 0 ? QStringLiteral("%1 %").arg(std::lround(bullet.percent()))
                                            : QStringLiteral("–"));
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace mlaprep::gui
