#include "PlaceholderPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mlaprep::gui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& promise, QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignHCenter);
    auto* text = new QLabel(promise, this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    auto* coming = new QLabel(tr("Coming in a later version."), this);
    coming->setAlignment(Qt::AlignHCenter);
    coming->setEnabled(false);

    // A word-wrapped label needs a bounded width from its layout, not an alignment, to get its height right.
    auto* column = new QWidget(this);
    column->setMaximumWidth(560);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(text);
    columnLayout->addWidget(coming);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace mlaprep::gui
