#include "gui/common/ReadingZoom.h"

#include <QApplication>
#include <QSettings>
#include <QWidget>

#include <algorithm>

namespace mlaprep::gui {

namespace {

constexpr const char* ZoomKey = "view/readingZoomPercent";

void applyZoom(QWidget* surface, int percent)
{
    QFont font = QApplication::font();
    const qreal body = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    font.setPointSizeF(body * percent / 100.0);
    surface->setFont(font);
}

} // namespace

ReadingZoom::ReadingZoom()
    : m_percent(std::clamp(
        QSettings().value(QString::fromLatin1(ZoomKey), 100).toInt(), MinimumPercent, MaximumPercent))
{
}

ReadingZoom& ReadingZoom::instance()
{
    static ReadingZoom zoom;
    return zoom;
}

void ReadingZoom::zoomIn()
{
    setPercent(m_percent + StepPercent);
}

void ReadingZoom::zoomOut()
{
    setPercent(m_percent - StepPercent);
}

void ReadingZoom::reset()
{
    setPercent(100);
}

void ReadingZoom::setPercent(int percent)
{
    const int clamped = std::clamp(percent, MinimumPercent, MaximumPercent);
    if (clamped == m_percent) {
        return;
    }
    m_percent = clamped;
    QSettings().setValue(QString::fromLatin1(ZoomKey), m_percent);
    emit changed(m_percent);
}

void ReadingZoom::follow(QWidget* surface)
{
    applyZoom(surface, instance().percent());
    connect(
        &instance(), &ReadingZoom::changed, surface, [surface](int percent) { applyZoom(surface, percent); });
}

} // namespace mlaprep::gui
