#include "gui/common/Design.h"

#include "gui/common/Theme.h"

#include <algorithm>
#include <array>

namespace mlaprep::gui::design {

namespace {

// Contrast figures for these values are in docs/design.md (WCAG 2 relative luminance).
const Colours Light {
    QColor(0x1f, 0x5f, 0xbf),
    QColor(0xff, 0xff, 0xff),
    QColor(0x17, 0x6f, 0x33),
    QColor(0xc6, 0x28, 0x28),
    QColor(0x9a, 0x5b, 0x00),
    QColor(0x7c, 0x3a, 0xed),
    QColor(0x6b, 0x72, 0x80),
    QColor(0x5c, 0x63, 0x70),
};

const Colours Dark {
    QColor(0x6e, 0xa8, 0xfe),
    QColor(0x10, 0x15, 0x1c),
    QColor(0x4a, 0xc2, 0x6b),
    QColor(0xff, 0x7b, 0x72),
    QColor(0xe3, 0xa3, 0x3a),
    QColor(0xb9, 0x9c, 0xff),
    QColor(0x9a, 0xa0, 0xa8),
    QColor(0xa0, 0xa6, 0xae),
};

constexpr std::array<QRgb, 4> DomainColours { 0x2f80e0, 0xd35a10, 0x0f8f83, 0xc24dcf };

} // namespace

QFont font(const QFont& body, TextRole role)
{
    QFont font = body;
    const qreal size = body.pointSizeF() > 0 ? body.pointSizeF() : 10.0;
    switch (role) {
    case TextRole::PageTitle:
        font.setPointSizeF(size * 1.6);
        font.setBold(true);
        break;
    case TextRole::Section:
        font.setPointSizeF(size * 1.15);
        font.setBold(true);
        break;
    case TextRole::Body:
        break;
    case TextRole::Meta:
        font.setPointSizeF(size * 0.9);
        break;
    }
    return font;
}

const Colours& colours(const QPalette& palette)
{
    return isDark(palette) ? Dark : Light;
}

QColor domainColour(int domainNumber)
{
    const auto index = static_cast<std::size_t>(std::max(domainNumber - 1, 0)) % DomainColours.size();
    return QColor(DomainColours[index]);
}

} // namespace mlaprep::gui::design
