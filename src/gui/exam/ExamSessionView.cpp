#include "gui/exam/ExamSessionView.h"

#include "gui/common/Design.h"
#include "gui/common/Plural.h"
#include "gui/common/Shortcuts.h"
#include "gui/questions/QuestionView.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace mlaprep::gui {

ExamSessionView::ExamSessionView(QWidget* parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_abandon(new QPushButton(tr("Abandon…"), this))
    , m_end(new QPushButton(tr("End exam…"), this))
    , m_header(new QLabel(this))
    , m_status(new QLabel(this))
    , m_time(new QLabel(this))
    , m_timeWarning(new QLabel(this))
    , m_flag(new QPushButton(tr("⚐ Flag for review"), this))
    , m_question(new QuestionView(this))
    , m_previous(new QPushButton(tr("Previous"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_review(new QPushButton(tr("Review all"), this))
    , m_check(new QPushButton(tr("Check answer"), this))
{
    m_banner->setObjectName(QStringLiteral("examModeBanner"));
    m_banner->setWordWrap(true);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Stop the clock and leave; resume from the Exam screen, also after a restart"));
    m_abandon->setObjectName(QStringLiteral("abandonButton"));
    m_abandon->setToolTip(tr("Give this attempt up: it stays in your history as abandoned, unscored"));
    m_end->setObjectName(QStringLiteral("endExamButton"));
    m_end->setToolTip(tr("Submit your answers and read the score report"));
    m_header->setObjectName(QStringLiteral("examHeader"));
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    m_header->setFont(headerFont);
    m_time->setObjectName(QStringLiteral("examTimeLeft"));
    m_time->setFont(headerFont);
    m_flag->setObjectName(QStringLiteral("flagButton"));
    m_flag->setCheckable(true);
    m_flag->setToolTip(withShortcut(tr("Flag this item to come back to it"), ShortcutId::ExamFlag));
    m_previous->setObjectName(QStringLiteral("previousButton"));
    m_previous->setToolTip(withShortcut(tr("Previous item"), ShortcutId::ExamPrevious));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_next->setToolTip(withShortcut(tr("Next item"), ShortcutId::ExamNext));
    m_review->setObjectName(QStringLiteral("reviewAllButton"));
    m_review->setToolTip(
        withShortcut(tr("All items, answered, unanswered and flagged; end the exam from there"),
            ShortcutId::ExamReviewAll));
    m_check->setObjectName(QStringLiteral("checkButton"));
    m_check->setToolTip(withShortcut(tr("Show whether you are right and why"), ShortcutId::PracticeCheck));
    // Shortcuts live on the view, not on the buttons: QAbstractButton::setText resets a button's
    // shortcut, and the view is visible only while an item is on screen, which scopes the keys to it.
    const auto clickIfEnabled = [](QPushButton* button) {
        return [button] {
            if (button->isVisible() && button->isEnabled()) {
                button->click();
            }
        };
    };
    registerShortcut(ShortcutId::ExamFlag, this, clickIfEnabled(m_flag));
    registerShortcut(ShortcutId::ExamPrevious, this, clickIfEnabled(m_previous));
    registerShortcut(ShortcutId::ExamNext, this, clickIfEnabled(m_next));
    registerShortcut(ShortcutId::ExamReviewAll, this, clickIfEnabled(m_review));
    registerShortcut(ShortcutId::PracticeCheck, this, clickIfEnabled(m_check));
    m_question->setStrikeable(true);
    registerShortcut(ShortcutId::ExamStrike, this, [this](int index) { m_question->toggleStrike(index); });
    m_timeWarning->setObjectName(QStringLiteral("timeWarning"));
    m_timeWarning->setWordWrap(true);
    m_timeWarning->setFocusPolicy(Qt::NoFocus);
    m_timeWarning->setFrameShape(QFrame::StyledPanel);
    m_timeWarning->setMargin(design::Grid);
    m_timeWarning->hide();

    auto* bannerFrame = new QFrame(this);
    bannerFrame->setObjectName(QStringLiteral("examModeBannerFrame"));
    bannerFrame->setFrameShape(QFrame::StyledPanel);
    auto* banner = new QHBoxLayout(bannerFrame);
    banner->addWidget(m_banner, 1);
    banner->addWidget(m_pause);
    banner->addWidget(m_abandon);
    banner->addWidget(m_end);

    auto* top = new QHBoxLayout;
    top->addWidget(m_header);
    top->addWidget(m_status);
    top->addStretch(1);
    top->addWidget(m_time);
    top->addSpacing(16);
    top->addWidget(m_flag);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_previous);
    bottom->addWidget(m_next);
    bottom->addStretch(1);
    bottom->addWidget(m_check);
    bottom->addWidget(m_review);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(bannerFrame);
    layout->addLayout(top);
    layout->addWidget(m_timeWarning);
    layout->addWidget(m_question, 1);
    layout->addLayout(bottom);

    connect(m_previous, &QPushButton::clicked, this, &ExamSessionView::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &ExamSessionView::nextRequested);
    connect(m_review, &QPushButton::clicked, this, &ExamSessionView::reviewRequested);
    connect(m_check, &QPushButton::clicked, this, &ExamSessionView::checkRequested);
    connect(m_flag, &QPushButton::toggled, this, &ExamSessionView::flagToggled);
    connect(m_pause, &QPushButton::clicked, this, &ExamSessionView::pauseRequested);
    connect(m_abandon, &QPushButton::clicked, this, &ExamSessionView::abandonRequested);
    connect(m_end, &QPushButton::clicked, this, &ExamSessionView::endRequested);
}

void ExamSessionView::setPosition(int index, int total, bool flagged, bool answered)
{
    m_header->setText(tr("Question %1 of %2").arg(index + 1).arg(total));
    m_status->setText(answered ? tr("· answered") : tr("· not answered"));
    {
        const QSignalBlocker blocker(m_flag);
        m_flag->setChecked(flagged);
    }
    m_flag->setText(flagged ? tr("⚑ Flagged") : tr("⚐ Flag for review"));
    // A flag that visibly toggles: the flagged colour and bold while set.
    m_flag->setStyleSheet(flagged ? QStringLiteral("QPushButton { color: %1; font-weight: bold; }")
                                        .arg(design::colours(palette()).flagged.name())
                                  : QString());
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < total);
}

void ExamSessionView::beginAttempt(bool practice, bool resumed)
{
    m_lastRemainingMs.reset();
    m_resumed = resumed;
    m_timeWarning->hide();
    m_check->setVisible(practice);
    m_banner->setText(practice
            ? tr("<b>Practice session.</b> Pause stops the clock, Abandon gives the session up unscored, "
                 "End session scores it.")
            : tr("<b>Exam mode:</b> Notes, Search and Review are closed until you leave this mock. "
                 "<b>Pause</b> stops the clock until you resume, <b>Abandon</b> gives the attempt up "
                 "unscored, <b>End exam</b> submits it for the score report."));
    m_end->setText(practice ? tr("End session…") : tr("End exam…"));
}

void ExamSessionView::setTimeLeft(std::optional<long long> remainingMs)
{
    m_time->setVisible(remainingMs.has_value());
    if (!remainingMs) {
        return;
    }
    const long long seconds = std::max(0LL, (*remainingMs + 999) / 1000);
    m_time->setText(tr("Time left %1:%2:%3")
                        .arg(seconds / 3600)
                        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                        .arg(seconds % 60, 2, 10, QLatin1Char('0')));
    m_time->setStyleSheet(seconds <= 300
            ? QStringLiteral("color: %1;").arg(design::colours(palette()).wrong.name())
            : QString());

    // Warn once as the clock passes each mark, and at once when an attempt comes back (resumed, or
    // reopened after the app was closed) already below one: its learner never saw the clock pass it.
    constexpr long long MinuteMs = 60'000;
    const bool comingBack = !m_lastRemainingMs && m_resumed;
    const auto reaches = [&](long long markMs) {
        return *remainingMs <= markMs && (m_lastRemainingMs ? *m_lastRemainingMs > markMs : comingBack);
    };
    const bool passed5 = reaches(5 * MinuteMs);
    const bool passed15 = !passed5 && reaches(15 * MinuteMs);
    m_lastRemainingMs = remainingMs;
    if (!passed15 && !passed5) {
        return;
    }
    const design::Colours& colours = design::colours(palette());
    const QColor colour = passed5 ? colours.wrong : colours.flagged;
    // Passing a mark, the mark; coming back below it, the minutes there are, rounded up as the clock shows.
    const long long minutes = comingBack ? (seconds + 59) / 60 : (passed5 ? 5 : 15);
    const QString left = tr("%1 left.").arg(countOf(minutes, tr("minute"), tr("minutes")));
    m_timeWarning->setText(passed5
            ? tr("<b>%1</b> When the clock reaches 0:00:00 the exam is submitted with the answers you have "
                 "given: an unanswered item scores nothing, so answer every one.")
                  .arg(left)
            : tr("<b>%1</b> Time to go back to your flagged items (Alt+R shows them).").arg(left));
    m_timeWarning->setStyleSheet(
        QStringLiteral("QLabel#timeWarning { color: %1; border: 2px solid %1; }").arg(colour.name()));
    m_timeWarning->show();
}

void ExamSessionView::setChecked(bool checked)
{
    m_check->setEnabled(!checked);
}

} // namespace mlaprep::gui
