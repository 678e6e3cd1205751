#include "gui/questions/OptionRow.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>

namespace mlaprep::gui {

OptionRow::OptionRow(Kind kind, const QString& letter, const QString& html, QWidget* parent)
    : QWidget(parent)
    , m_button(kind == Kind::Radio ? static_cast<QAbstractButton*>(new QRadioButton(letter, this))
                                   : static_cast<QAbstractButton*>(new QCheckBox(letter, this)))
    , m_text(new QLabel(html, this))
    , m_why(new QLabel(this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->installEventFilter(this);
    m_text->setCursor(Qt::PointingHandCursor);
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::RichText);
    m_why->hide();

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_button, 0, 0, Qt::AlignTop);
    layout->addWidget(m_text, 0, 1);
    layout->addWidget(m_why, 1, 1);
    layout->setColumnStretch(1, 1);
}

void OptionRow::setWhy(const QString& html, bool correct, bool chosen)
{
    const QString verdict
        = correct ? tr("Correct") : (chosen ? tr("Your choice — incorrect") : tr("Incorrect"));
    const QString colour
        = correct ? QStringLiteral("#2e9d4f") : (chosen ? QStringLiteral("#d0453a") : QString());
    const QString label = colour.isEmpty()
        ? QStringLiteral("<b>%1.</b> ").arg(verdict)
        : QStringLiteral("<b style=\"color:%1\">%2.</b> ").arg(colour, verdict);
    m_why->setText(label + html);
    m_why->show();
}

void OptionRow::clearWhy()
{
    m_why->clear();
    m_why->hide();
}

bool OptionRow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_text && event->type() == QEvent::MouseButtonRelease && m_button->isEnabled()) {
        m_button->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace mlaprep::gui
