#include "gui/exam/ExamNavigator.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

constexpr int TilesPerRow = 10;

enum Filter { All, Unanswered, Flagged };

} // namespace

ExamNavigator::ExamNavigator(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_grid(new QWidget(this))
    , m_gridLayout(new QGridLayout(m_grid))
    , m_end(new QPushButton(tr("&End exam"), this))
{
    m_filter->addItems({ tr("All items"), tr("Unanswered"), tr("Flagged") });
    m_filter->setObjectName(QStringLiteral("navigatorFilter"));
    m_end->setObjectName(QStringLiteral("endExamButton"));
    auto* back = new QPushButton(tr("Return to &question"), this);
    connect(back, &QPushButton::clicked, this, &ExamNavigator::returnRequested);
    connect(m_end, &QPushButton::clicked, this, &ExamNavigator::endRequested);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });

    auto* legend = new QLabel(
        tr("Tiles: <b>✓</b> = answered, <span style=\"color:#d0453a\">⚑</span> = flagged, "
           "plain = not answered. Click a tile, or Tab to it and press Space, to go to an item."),
        this);
    legend->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<h2>Review</h2>"), this));
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_filter);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_grid);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(back);
    bottom->addStretch(1);
    bottom->addWidget(m_end);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(legend);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
}

void ExamNavigator::setAttempt(const AttemptState& attempt)
{
    m_attempt = attempt;
    m_end->setText(attempt.mode == ExamMode::Exam ? tr("&End exam") : tr("&End session"));
    const int total = static_cast<int>(attempt.items.size());
    m_summary->setText(tr("%1 of %2 answered · %3 unanswered · %4 flagged")
                           .arg(attempt.answeredCount())
                           .arg(total)
                           .arg(total - attempt.answeredCount())
                           .arg(attempt.flaggedCount()));
    rebuild();
}

void ExamNavigator::rebuild()
{
    while (QLayoutItem* item = m_gridLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int filter = m_filter->currentIndex();
    int shown = 0;
    for (std::size_t i = 0; i < m_attempt.items.size(); ++i) {
        const AttemptItem& item = m_attempt.items[i];
        const bool answered = item.answer.has_value();
        if ((filter == Unanswered && answered) || (filter == Flagged && !item.flagged)) {
            continue;
        }
        auto* tile = new QToolButton(m_grid);
        tile->setText(QString::number(i + 1) + (answered ? QStringLiteral(" ✓") : QString())
            + (item.flagged ? QStringLiteral(" ⚑") : QString()));
        tile->setMinimumSize(64, 40);
        tile->setToolTip(answered ? tr("Answered") : tr("Not answered"));
        QFont font = tile->font();
        font.setBold(answered);
        tile->setFont(font);
        if (item.flagged) {
            tile->setStyleSheet(QStringLiteral("color: #d0453a;"));
        }
        const int position = static_cast<int>(i);
        connect(tile, &QToolButton::clicked, this, [this, position] { emit jumpRequested(position); });
        m_gridLayout->addWidget(tile, shown / TilesPerRow, shown % TilesPerRow);
        ++shown;
    }
    if (shown == 0) {
        m_gridLayout->addWidget(
            new QLabel(filter == Flagged ? tr("Nothing flagged.") : tr("Everything is answered."), m_grid), 0,
            0);
    }
    m_gridLayout->setRowStretch(shown / TilesPerRow + 1, 1);
}

int ExamNavigator::visibleTiles() const
{
    return static_cast<int>(m_grid->findChildren<QToolButton*>().size());
}

} // namespace mlaprep::gui
