#include "gui/common/ExamSeal.h"

#include <QAction>
#include <QWidget>

namespace mlaprep::gui {
namespace {

constexpr const char* SealedProperty = "mlaprepSealedInExam";
constexpr const char* EnabledBeforeProperty = "mlaprepEnabledBeforeExam";

} // namespace

void sealInExam(QAction* action)
{
    action->setProperty(SealedProperty, true);
}

void setExamSeal(QWidget* window, bool sealed)
{
    for (QAction* action : window->findChildren<QAction*>()) {
        if (!action->property(SealedProperty).toBool()) {
            continue;
        }
        const QVariant before = action->property(EnabledBeforeProperty);
        if (sealed && !before.isValid()) {
            action->setProperty(EnabledBeforeProperty, action->isEnabled());
            action->setEnabled(false);
        } else if (!sealed && before.isValid()) {
            action->setEnabled(before.toBool());
            action->setProperty(EnabledBeforeProperty, QVariant());
        }
    }
}

} // namespace mlaprep::gui
