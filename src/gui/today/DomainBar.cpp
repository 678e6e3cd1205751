#include "gui/today/DomainBar.h"

#include "gui/common/Theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mlaprep::gui {

DomainBar::DomainBar(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void DomainBar::setValues(double weight, double fill, bool unseen)
{
    m_weight = std::clamp(weight, 0.0, 1.0);
    m_fill = std::clamp(fill, 0.0, 1.0);
    m_unseen = unseen;
    update();
}

void DomainBar::setColour(const QColor& colour)
{
    m_colour = colour;
    update();
}

QSize DomainBar::sizeHint() const
{
    return { 240, 14 };
}

QSize DomainBar::minimumSizeHint() const
{
    return { 80, 14 };
}

void DomainBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = isDark(palette());
    const QRectF track(0.5, 0.5, (width() - 1) * m_weight, height() - 1);
    QColor trackColour = palette().color(QPalette::Mid);
    trackColour.setAlpha(dark ? 110 : 80);
    QPainterPath path;
    path.addRoundedRect(track, 4, 4);
    painter.fillPath(path, trackColour);
    if (m_unseen) {
        QPen pen(palette().color(QPalette::Mid), 1, Qt::DashLine);
        painter.setPen(pen);
        painter.drawPath(path);
        return;
    }
    QRectF filled = track;
    filled.setWidth(track.width() * m_fill);
    QPainterPath fillPath;
    fillPath.addRoundedRect(filled, 4, 4);
    painter.fillPath(fillPath, m_colour.isValid() ? m_colour : palette().color(QPalette::Highlight));
}

} // namespace mlaprep::gui
