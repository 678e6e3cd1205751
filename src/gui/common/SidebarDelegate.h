#pragma once

#include <QStyledItemDelegate>

namespace mlaprep::gui {

// Draws the window's screen list: each row's icon (a single-colour mask from assets/icons/screens,
// tinted with the row's text colour at paint time, so it follows the theme and the selection) and, when
// the row has one, a pill at its right: Review's due count, the exam's time left while a mock runs.
class SidebarDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    // The row's icon: a resource path of a mask ("…/review-48.png").
    static constexpr int IconMaskRole = Qt::UserRole + 1;
    // The pill's text; none drawn when empty.
    static constexpr int PillTextRole = Qt::UserRole + 2;
    // A Pill value: which colours the pill has.
    static constexpr int PillKindRole = Qt::UserRole + 3;
    enum class Pill { Due, Clock };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

// A single-colour mask in `colour`: every pixel keeps its alpha and takes the colour.
QPixmap tintedMask(const QString& resource, const QColor& colour, const QSize& size);

} // namespace mlaprep::gui
