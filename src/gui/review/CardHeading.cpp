#include "gui/review/CardHeading.h"

#include "content/Bundle.h"
#include "gui/common/QtConvert.h"

#include <QCoreApplication>

namespace mlaprep::gui {

QString cardHeading(const Card& card, const QString& phase)
{
    if (!card.task.empty()) {
        return QCoreApplication::translate("Review", "Card · task %1 · %2").arg(toQString(card.task), phase);
    }
    if (card.isOrientation()) {
        return QCoreApplication::translate("Review", "Card · about the exam · %1").arg(phase);
    }
    return QCoreApplication::translate("Review", "Card · your own deck · %1").arg(phase);
}

} // namespace mlaprep::gui
