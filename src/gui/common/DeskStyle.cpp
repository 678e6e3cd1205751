#include "gui/common/DeskStyle.h"

#include "gui/common/Design.h"

#include <QPainter>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOption>

namespace mlaprep::gui {

namespace {

constexpr const char* PrimaryProperty = "primary";

bool isPrimary(const QWidget* widget)
{
    return widget && widget->property(PrimaryProperty).toBool();
}

} // namespace

DeskStyle::DeskStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

void DeskStyle::drawPrimitive(
    PrimitiveElement element, const QStyleOption* option, QPainter* painter, const QWidget* widget) const
{
    const design::Colours& colours = design::colours(option->palette);
    switch (element) {
    case PE_IndicatorRadioButton:
    case PE_IndicatorCheckBox: {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool on = option->state & (State_On | State_NoChange);
        QPen pen(on ? colours.accent : colours.rim);
        pen.setWidthF(1.5);
        if (!(option->state & State_Enabled)) {
            pen.setColor(option->palette.color(QPalette::Disabled, QPalette::WindowText));
        }
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        const QRectF rim = QRectF(option->rect).adjusted(0.75, 0.75, -0.75, -0.75);
        if (element == PE_IndicatorRadioButton) {
            painter->drawEllipse(rim);
        } else {
            painter->drawRoundedRect(rim, 2.0, 2.0);
        }
        painter->restore();
        return;
    }
    case PE_FrameFocusRect: {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(colours.accent);
        pen.setWidthF(2.0);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option->rect).adjusted(1.0, 1.0, -1.0, -1.0), 3.0, 3.0);
        painter->restore();
        return;
    }
    default:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
}

void DeskStyle::drawControl(
    ControlElement element, const QStyleOption* option, QPainter* painter, const QWidget* widget) const
{
    if ((element == CE_PushButton || element == CE_PushButtonBevel || element == CE_PushButtonLabel)
        && isPrimary(widget) && (option->state & State_Enabled)) {
        const design::Colours& colours = design::colours(option->palette);
        if (element == CE_PushButtonBevel) {
            // Flat: Fusion's bevel is a gradient of the button colour, which on the dark accent reads as
            // a glossy bar that matches nothing else on the desk.
            QColor fill = colours.accent;
            if (option->state & State_Sunken) {
                fill = fill.darker(115);
            } else if (option->state & State_MouseOver) {
                fill = fill.lighter(108);
            }
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 4.0, 4.0);
            painter->restore();
            return;
        }
        if (const auto* button = qstyleoption_cast<const QStyleOptionButton*>(option)) {
            QStyleOptionButton primary(*button);
            primary.palette.setColor(QPalette::Button, colours.accent);
            primary.palette.setColor(QPalette::ButtonText, colours.onAccent);
            QProxyStyle::drawControl(element, &primary, painter, widget);
            return;
        }
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

void makePrimary(QPushButton* button)
{
    button->setProperty(PrimaryProperty, true);
    button->setDefault(true);
    button->setAutoDefault(true);
    button->setMinimumHeight(4 * design::Grid + design::Grid / 2);
    QFont bold = button->font();
    bold.setBold(true);
    button->setFont(bold);
}

} // namespace mlaprep::gui
