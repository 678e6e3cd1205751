#include "gui/common/SidebarDelegate.h"

#include "gui/common/Design.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

namespace mlaprep::gui {

namespace {

constexpr int IconSize = 3 * design::Grid;

} // namespace

QPixmap tintedMask(const QString& resource, const QColor& colour, const QSize& size)
{
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap pixmap = QPixmap(resource).scaled(size * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    pixmap.setDevicePixelRatio(ratio);
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), colour);
    return pixmap;
}

void SidebarDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString mask = index.data(IconMaskRole).toString();
    if (mask.isEmpty()) {
        return;
    }
    const bool selected = option->state.testFlag(QStyle::State_Selected);
    const bool enabled = option->state.testFlag(QStyle::State_Enabled);
    const QPalette::ColorGroup group = enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor colour = option->palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    option->icon = QIcon(tintedMask(mask, colour, QSize(IconSize, IconSize)));
    option->decorationSize = QSize(IconSize, IconSize);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

void SidebarDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QString text = index.data(PillTextRole).toString();
    if (text.isEmpty()) {
        return;
    }
    const auto kind = static_cast<Pill>(index.data(PillKindRole).toInt());
    const design::Colours& colours = design::colours(option.palette);
    QFont font = design::font(option.font, design::TextRole::Meta);
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + design::Grid / 2;
    const int width = metrics.horizontalAdvance(text) + design::Grid + design::Grid / 2;
    const QRect pill(
        option.rect.right() - width - design::Grid, option.rect.center().y() - height / 2, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    // A row sealed by a running mock keeps its count, faint like its label.
    painter->setOpacity(option.state.testFlag(QStyle::State_Enabled) ? 1.0 : 0.5);
    // Due: the due colour filled, read in the base colour (≥ 4.5:1 in both themes). The clock: a rim and
    // text in the text colour, as it is not a state but a reading.
    if (kind == Pill::Due) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.due);
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(option.palette.color(QPalette::Base));
    } else {
        const QColor textColour = option.palette.color(
            option.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);
        painter->setPen(QPen(textColour, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(pill).adjusted(0.75, 0.75, -0.75, -0.75), height / 2.0, height / 2.0);
    }
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace mlaprep::gui
