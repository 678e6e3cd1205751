#include "PlaceholderPage.h"

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
    auto* text = new QLabel(promise, this);
    text->setWordWrap(true);
    text->setMaximumWidth(560);
    auto* coming = new QLabel(tr("Coming in a later version."), this);
    coming->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addWidget(coming, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace mlaprep::gui
