#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

// The visual design of docs/design.md as code: the type scale, the 8 px grid, the accent and the
// semantic colours of each palette, and one colour per exam domain that stays the same in both themes.
namespace mlaprep::gui::design {

// Spacing: every margin and gap is a multiple of the grid.
inline constexpr int Grid = 8;

enum class TextRole {
    PageTitle, // "Today", "Stats": 1.6 × body, bold
    Section, // a card's heading: 1.15 × body, bold
    Body,
    Meta, // ids, dates, hints: 0.9 × body, the meta colour
};
QFont font(const QFont& body, TextRole role);

struct Colours {
    QColor accent; // primary buttons, links, selection, focus ring
    QColor onAccent; // text on an accent fill
    QColor correct;
    QColor wrong;
    QColor flagged;
    QColor due;
    QColor rim; // control outlines: radio buttons, check boxes (≥ 3:1 against the window and base)
    QColor meta; // secondary text
};
// The light or dark set, chosen by the palette's window colour.
const Colours& colours(const QPalette& palette);

// Domain n (1-based, in bundle order) has one colour in every chart and bar, light or dark; it reads at
// ≥ 3:1 on both palettes' window and base. Domains past the fourth reuse the set.
QColor domainColour(int domainNumber);

} // namespace mlaprep::gui::design
