#include "gui/common/Design.h"

#include "gui/common/Theme.h"

#include <algorithm>
#include <array>

namespace mlaprep::gui::design {

namespace {

// Contrast figures for these values are in docs/design.md (WCAG 2 relative luminance).
const Colours Light { QColor(0x1f5fbf), QColor(0xffffff), QColor(0x176f33), QColor(0xc62828),
    QColor(0x9a5b00), QColor(0x7c3aed), QColor(0x6b7280), QColor(0x5c6370) };

const Colours Dark { QColor(0x6ea8fe), QColor(0x10151c), QColor(0x4ac26b), QColor(0xff7b72), QColor(0xe3a33a),
    QColor(0xb99cff), QColor(0x9aa0a8), QColor(0xa0a6ae) };

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
