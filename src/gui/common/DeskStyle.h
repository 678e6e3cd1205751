#pragma once

#include <QProxyStyle>

class QPushButton;

namespace mlaprep::gui {

// Fusion with the design's controls (docs/design.md): radio buttons and check boxes get a rim in the
// palette's rim colour (Fusion's rim is the window colour darkened, invisible on a dark window), the
// keyboard focus is a 2 px accent ring in every widget (item views included), and a push button with
// the property primary=true is filled with the accent.
class DeskStyle : public QProxyStyle {
    Q_OBJECT

public:
    DeskStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
        const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
        const QWidget* widget = nullptr) const override;
};

// Marks `button` as the one primary action of its screen (accent fill, also its default button).
void makePrimary(QPushButton* button);

} // namespace mlaprep::gui
