#include "gui/exam/ExamNavigator.h"

#include "gui/common/Design.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mlaprep::gui {

namespace {

constexpr int TilesPerRow = 10;

enum Filter { All, Unanswered, Flagged };

constexpr const char* PositionProperty = "examPosition";

// A tile's look says its state at a glance: answered tiles are filled with a tint of the accent,
// unanswered ones are plain; a flagged tile has a rim in the flagged colour, the current one a thick rim
// in the text colour.
QString tileStyle(const QPalette& palette, bool answered, bool flagged, bool current)
{
    const design::Colours& colours = design::colours(palette);
    QColor fill = colours.accent;
    fill.setAlpha(answered ? 64 : 0);
    const QColor rim = current ? palette.color(QPalette::Text) : flagged ? colours.flagged : colours.rim;
    return QStringLiteral("QToolButton { background-color: %1; border: %2px solid %3; border-radius: 4px; "
                          "color: %4; font-weight: %5; }"
                          "QToolButton:focus { border: 3px solid %6; }")
        .arg(fill.name(QColor::HexArgb))
        .arg(current || flagged ? 3 : 1)
        .arg(rim.name(), flagged ? colours.flagged.name() : palette.color(QPalette::Text).name(),
            answered || current ? QStringLiteral("bold") : QStringLiteral("normal"), colours.accent.name());
}

} // namespace

ExamNavigator::ExamNavigator(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
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

    m_progress->setObjectName(QStringLiteral("navigatorProgress"));
    m_progress->setTextVisible(true);
    auto* legend = new QLabel(
        tr("Tiles: filled with <b>✓</b> = answered, <span style=\"color:%1\">⚑ rimmed</span> = flagged, "
           "thick rim = the item you came from, plain = not answered. Click a tile, or Tab to it and press "
           "Space, to go to an item.")
            .arg(design::colours(palette()).flagged.name()),
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
    layout->addWidget(m_progress);
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
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(attempt.answeredCount());
    m_progress->setFormat(tr("%v of %m answered"));
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
        tile->setMinimumSize(8 * design::Grid, 5 * design::Grid);
        const bool current = static_cast<int>(i) == m_attempt.position;
        QStringList state { answered ? tr("Answered") : tr("Not answered") };
        if (item.flagged) {
            state << tr("flagged");
        }
        if (current) {
            state << tr("the item you came from");
        }
        tile->setToolTip(state.join(QStringLiteral(", ")));
        tile->setStyleSheet(tileStyle(palette(), answered, item.flagged, current));
        const int position = static_cast<int>(i);
        tile->setProperty(PositionProperty, position);
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

QToolButton* ExamNavigator::tile(int position) const
{
    for (QToolButton* tile : m_grid->findChildren<QToolButton*>()) {
        if (tile->property(PositionProperty).toInt() == position) {
            return tile;
        }
    }
    return nullptr;
}

int ExamNavigator::visibleTiles() const
{
    return static_cast<int>(m_grid->findChildren<QToolButton*>().size());
}

} // namespace mlaprep::gui
