#include "gui/questions/OptionRow.h"

#include <QCheckBox>
#include <QContextMenuEvent>
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
    m_button->installEventFilter(this);
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

void OptionRow::setStruck(bool struck)
{
    m_struck = struck;
    // Only strike-out is set here: size and family still follow the question's (and its zoom).
    QFont font;
    font.setStrikeOut(struck);
    m_text->setFont(font);
    m_text->setForegroundRole(struck ? QPalette::PlaceholderText : QPalette::WindowText);
    m_text->setAccessibleDescription(struck ? tr("struck through") : QString());
}

void OptionRow::contextMenuEvent(QContextMenuEvent* event)
{
    emit strikeRequested();
    event->accept();
}

bool OptionRow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ContextMenu) {
        emit strikeRequested();
        return true;
    }
    if (watched == m_text && event->type() == QEvent::MouseButtonRelease && m_button->isEnabled()) {
        m_button->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace mlaprep::gui
