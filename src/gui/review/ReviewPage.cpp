#include "gui/review/ReviewPage.h"

#include "session/BundleSnapshot.h"

#include "content/Answer.h"
#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "gui/common/Dialogs.h"
#include "gui/common/Links.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/common/Theme.h"
#include "gui/notes/NoteStyle.h"
#include "gui/questions/QuestionView.h"
#include "gui/review/CardHeading.h"
#include "gui/review/OptimiserText.h"
#include "services/ParameterFitService.h"
#include "services/StudyService.h"
#include "srs/RatingInference.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace mlaprep::gui {

namespace {

constexpr int WeakAreaSessionSize = 20;

enum StackPage { CardPage = 0, QuestionPage = 1, EmptyPage = 2 };

ShortcutId rateShortcut(fsrs::Rating rating)
{
    switch (rating) {
    case fsrs::Rating::Again:
        return ShortcutId::ReviewAgain;
    case fsrs::Rating::Hard:
        return ShortcutId::ReviewHard;
    case fsrs::Rating::Good:
        return ShortcutId::ReviewGood;
    case fsrs::Rating::Easy:
        return ShortcutId::ReviewEasy;
    }
    return ShortcutId::ReviewGood;
}

// Anki's colours for the three queues, readable on both palettes.
QString countsHtml(const std::string& text, bool dark)
{
    QString html = toQString(text).toHtmlEscaped();
    const QString blue = dark ? QStringLiteral("#6ea8fe") : QStringLiteral("#1d4ed8");
    const QString red = dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b91c1c");
    const QString green = dark ? QStringLiteral("#7ee2a8") : QStringLiteral("#15803d");
    html.replace(QStringLiteral("New "), QStringLiteral("<span style='color:%1'>New ").arg(blue));
    html.replace(QStringLiteral(" · Learning "),
        QStringLiteral("</span> · <span style='color:%1'>Learning ").arg(red));
    html.replace(
        QStringLiteral(" · Review "), QStringLiteral("</span> · <span style='color:%1'>Review ").arg(green));
    const int end = html.indexOf(QStringLiteral(" — "));
    html.insert(end < 0 ? html.size() : end, QStringLiteral("</span>"));
    return html;
}

} // namespace

ReviewPage::ReviewPage(
    const BundleSnapshot& snapshot, StudyService& study, ParameterFitService& parameterFit, QWidget* parent)
    : QWidget(parent)
    , m_index(snapshot.index())
    , m_study(study)
    , m_parameterFit(parameterFit)
    , m_session(study)
    , m_countsLabel(new QLabel(this))
    , m_weakButton(new QPushButton(tr("Weak areas"), this))
    , m_optimiseButton(new QPushButton(tr("Optimise FSRS…"), this))
    , m_itemLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_cardView(new QTextBrowser(this))
    , m_questionView(new QuestionView(this))
    , m_emptyPage(new QWidget(this))
    , m_emptyTitle(new QLabel(tr("All done for today"), m_emptyPage))
    , m_emptyDetail(new QLabel(m_emptyPage))
    , m_hintLabel(new QLabel(this))
    , m_revealButton(new QPushButton(tr("Show answer   (Space)"), this))
    , m_dontKnowButton(new QPushButton(withShortcut(tr("I don't know"), ShortcutId::ReviewDontKnow), this))
    , m_ratingBar(new QWidget(this))
    , m_suspendAction(new QAction(tr("&Suspend"), this))
    , m_buryAction(new QAction(tr("&Bury until tomorrow"), this))
    , m_resetAction(new QAction(tr("&Reset progress"), this))
    , m_undoAction(new QAction(tr("&Undo"), this))
{
    setObjectName(QStringLiteral("reviewPage"));
    setFocusPolicy(Qt::StrongFocus);

    m_countsLabel->setObjectName(QStringLiteral("reviewCounts"));
    m_countsLabel->setTextFormat(Qt::RichText);
    m_weakButton->setObjectName(QStringLiteral("weakAreasButton"));
    m_weakButton->setCheckable(true);
    m_weakButton->setToolTip(
        withShortcut(tr("Study the task statements with the lowest recall, weighted by exam share"),
            ShortcutId::ReviewWeakAreas));
    m_weakButton->setFocusPolicy(Qt::NoFocus);
    m_optimiseButton->setToolTip(tr("Fit the scheduler's parameters to your own review history"));
    m_optimiseButton->setFocusPolicy(Qt::NoFocus);
    // Suspend, bury and reset: actions with their keys, shown as buttons here and in the Review menu.
    const auto setUpAction
        = [this](QAction* action, ShortcutId id, const char* objectName, const auto& slot) {
              action->setObjectName(QString::fromLatin1(objectName));
              applyShortcut(action, id);
              action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
              action->setToolTip(withShortcut(shortcutEntry(id).description, id));
              connect(action, &QAction::triggered, this, slot);
              addAction(action);
          };
    setUpAction(
        m_suspendAction, ShortcutId::ReviewSuspend, "suspendAction", [this] { act(ItemAction::Suspend); });
    setUpAction(m_buryAction, ShortcutId::ReviewBury, "buryAction", [this] { act(ItemAction::Bury); });
    setUpAction(m_resetAction, ShortcutId::ReviewReset, "resetAction", [this] { act(ItemAction::Reset); });
    setUpAction(m_undoAction, ShortcutId::ReviewUndo, "undoAction", [this] { undo(); });
    auto* header = new QHBoxLayout;
    header->addWidget(m_countsLabel, 1);
    for (QAction* action : { m_suspendAction, m_buryAction, m_resetAction }) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setFocusPolicy(Qt::NoFocus);
        header->addWidget(button);
    }
    auto* report = new QToolButton(this);
    report->setObjectName(QStringLiteral("reviewReportError"));
    report->setText(tr("Report this…"));
    report->setToolTip(tr("Report an error in this card or question to the content's authors"));
    report->setFocusPolicy(Qt::NoFocus);
    connect(report, &QToolButton::clicked, this, [this] {
        if (const auto item = reportableItem()) {
            emit errorReportRequested(item->first, item->second);
        }
    });
    header->addWidget(report);
    header->addWidget(m_weakButton);
    header->addWidget(m_optimiseButton);

    m_itemLabel->setObjectName(QStringLiteral("reviewItemLabel"));
    m_itemLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));

    m_cardView->setObjectName(QStringLiteral("reviewCardView"));
    ReadingZoom::follow(m_cardView);
    routeContentLinks(m_cardView);
    m_cardView->setFocusPolicy(Qt::NoFocus);
    m_cardView->document()->setDocumentMargin(24);

    auto* emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    m_emptyTitle->setObjectName(QStringLiteral("reviewEmptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyTitle->setStyleSheet(QStringLiteral("font-size: 22pt; font-weight: bold;"));
    m_emptyDetail->setAlignment(Qt::AlignCenter);
    m_emptyDetail->setWordWrap(true);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyDetail);
    emptyLayout->addStretch(2);

    m_stack->addWidget(m_cardView);
    m_stack->addWidget(m_questionView);
    m_stack->addWidget(m_emptyPage);

    m_hintLabel->setObjectName(QStringLiteral("reviewHint"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_revealButton->setFocusPolicy(Qt::NoFocus);
    m_revealButton->setMinimumHeight(44);
    m_dontKnowButton->setObjectName(QStringLiteral("dontKnowButton"));
    m_dontKnowButton->setFocusPolicy(Qt::NoFocus);
    m_dontKnowButton->setMinimumHeight(44);
    m_dontKnowButton->setToolTip(
        withShortcut(tr("Rate Again and show the answer and its explanation"), ShortcutId::ReviewDontKnow));
    auto* answerLayout = new QHBoxLayout;
    answerLayout->addWidget(m_revealButton, 3);
    answerLayout->addWidget(m_dontKnowButton, 1);
    auto* ratingLayout = new QHBoxLayout(m_ratingBar);
    ratingLayout->setContentsMargins(0, 0, 0, 0);
    for (const fsrs::Rating rating : fsrs::AllRatings) {
        auto* button = new QPushButton(m_ratingBar);
        const int grade = fsrs::toGrade(rating);
        button->setObjectName(
            QStringLiteral("rate%1Button").arg(QString::fromLatin1(ReviewSession::ratingName(rating))));
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumHeight(52);
        button->setToolTip(
            withShortcut(shortcutEntry(rateShortcut(rating)).description, rateShortcut(rating)));
        connect(button, &QPushButton::clicked, this, [this, rating] { rate(rating); });
        ratingLayout->addWidget(button);
        m_ratingButtons[static_cast<std::size_t>(grade - 1)] = button;
    }
    connect(m_revealButton, &QPushButton::clicked, this, &ReviewPage::reveal);
    connect(m_dontKnowButton, &QPushButton::clicked, this, &ReviewPage::dontKnow);
    connect(m_questionView, &QuestionView::answerChanged, this, [this] {
        m_hintLabel->clear();
        updateButtons();
    });
    connect(m_weakButton, &QPushButton::clicked, this, [this](bool checked) {
        if (checked) {
            startWeakAreas();
        } else {
            m_session.stopWeakAreas();
            refresh();
        }
    });
    connect(m_optimiseButton, &QPushButton::clicked, this, &ReviewPage::optimiseParameters);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_itemLabel);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_hintLabel);
    layout->addLayout(answerLayout);
    layout->addWidget(m_ratingBar);

    // Shortcuts work while the focus is anywhere on this page (the question's options included).
    auto shortcut = [this](ShortcutId id, const std::function<void()>& slot) {
        registerShortcut(id, this, slot, Qt::WidgetWithChildrenShortcut);
    };
    shortcut(ShortcutId::ReviewReveal, [this] { reveal(); });
    // Enter rates when a rating is due, and otherwise does what Space does.
    shortcut(ShortcutId::ReviewRateSuggested, [this] {
        if (m_session.canRate()) {
            rate(m_session.inferredRating().value_or(fsrs::Rating::Good));
        } else {
            reveal();
        }
    });
    for (const fsrs::Rating rating : fsrs::AllRatings) {
        shortcut(rateShortcut(rating), [this, rating] { rate(rating); });
    }
    shortcut(ShortcutId::ReviewDontKnow, [this] { dontKnow(); });
    shortcut(ShortcutId::ReviewWeakAreas, [this] { m_weakButton->click(); });

    refresh();
}

QList<QAction*> ReviewPage::menuActions() const
{
    return { m_suspendAction, m_buryAction, m_resetAction, m_undoAction };
}

void ReviewPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateButtons();
}

void ReviewPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateButtons();
    // Keys go to the page as soon as it is shown (Ctrl+3 then Space reveals).
    setFocus(Qt::OtherFocusReason);
}

void ReviewPage::report(const Problems& problems)
{
    if (!problems.empty()) {
        emit errorOccurred(toQString(problems.front().message));
    }
}

void ReviewPage::refresh()
{
    auto advanced = m_session.advance();
    if (!advanced) {
        report(advanced.problems());
    }
    showCurrent();
}

void ReviewPage::showCurrent()
{
    updateCounts();
    const auto& current = m_session.current();
    m_shownFor.start();
    m_hintLabel->clear();
    if (!current) {
        const bool weak = m_session.mode() == ReviewSession::Mode::WeakAreas;
        m_emptyTitle->setText(weak ? tr("Weak-area session done") : tr("All done for today"));
        m_emptyDetail->setText(weak
                ? tr("Press W to go back to today's queue.")
                : toQString(m_session.nextDueText()) + tr("\nPress W for a weak-area session."));
        m_itemLabel->clear();
        m_stack->setCurrentIndex(EmptyPage);
        updateButtons();
        return;
    }
    const std::string& id = current->itemId;
    const QString phase = current->phase == srs::Phase::New ? tr("new")
        : current->phase == srs::Phase::Review              ? tr("review")
                                                            : tr("learning");
    if (current->kind == srs::ItemKind::Card) {
        const Card* card = m_index.card(id);
        if (!card) {
            return;
        }
        m_itemLabel->setText(cardHeading(*card, phase));
        m_cardView->document()->setDefaultStyleSheet(noteStyleSheet(palette()));
        QString html = QStringLiteral("<div style='font-size: 15pt'>")
            + toQString(markdownToHtml(card->front)) + QStringLiteral("</div>");
        if (m_session.revealed()) {
            html += QStringLiteral("<hr/><div style='font-size: 14pt'>")
                + toQString(markdownToHtml(card->back)) + QStringLiteral("</div>");
        }
        m_cardView->setHtml(html);
        m_stack->setCurrentIndex(CardPage);
    } else {
        const IndexedQuestion found = m_index.scoredItem(id);
        if (!found.question) {
            return;
        }
        const Question& question = *found.question;
        m_itemLabel->setText(tr("Question · task %1 · %2").arg(toQString(question.task), phase));
        if (m_questionView->question() != &question) {
            m_questionView->showQuestion(question, {}, std::nullopt, found.caseParent);
        }
        m_questionView->setFeedbackVisible(m_session.revealed());
        m_questionView->setReadOnly(m_session.revealed());
        m_stack->setCurrentIndex(QuestionPage);
    }
    updateButtons();
}

void ReviewPage::updateCounts()
{
    auto text = m_session.countsText();
    if (text) {
        m_countsLabel->setText(countsHtml(text.value(), isDark(palette())));
    }
    m_weakButton->setChecked(m_session.mode() == ReviewSession::Mode::WeakAreas);
}

void ReviewPage::updateButtons()
{
    const bool hasItem = m_session.current().has_value();
    const bool question = hasItem && m_session.current()->kind == srs::ItemKind::Question;
    const bool settled = m_session.settled();
    m_revealButton->setVisible(hasItem && (!m_session.revealed() || settled));
    m_revealButton->setText(withShortcut(settled ? tr("Rated Again · Next")
            : question                           ? tr("Check answer")
                                                 : tr("Show answer"),
        ShortcutId::ReviewReveal));
    m_revealButton->setEnabled(
        settled || m_session.canReveal(question && m_questionView->currentAnswer().has_value()));
    m_dontKnowButton->setVisible(hasItem && !m_session.revealed());
    m_ratingBar->setVisible(m_session.canRate());
    // The menu's actions act on the item on this page, so only while the page is on screen.
    for (QAction* action : { m_suspendAction, m_buryAction, m_resetAction }) {
        action->setEnabled(hasItem && isVisible());
    }
    m_undoAction->setEnabled(isVisible());
    for (const fsrs::Rating rating : fsrs::AllRatings) {
        QPushButton* button = m_ratingButtons[static_cast<std::size_t>(fsrs::toGrade(rating) - 1)];
        // The key follows the rating's name ("Good (3)"), so the learner sees what to press without hovering.
        QString text = toQString(m_session.buttonText(rating));
        const qsizetype nameEnd = text.indexOf(QLatin1Char('\n'));
        text.insert(nameEnd < 0 ? text.size() : nameEnd,
            QStringLiteral(" (%1)").arg(shortcutKeysText(rateShortcut(rating))));
        const bool inferred = m_session.inferredRating() == rating;
        button->setText(inferred ? text + tr("  ✓ suggested") : text);
        button->setDefault(inferred);
    }
}

void ReviewPage::reveal()
{
    if (m_session.settled()) {
        refresh();
        return;
    }
    const auto& current = m_session.current();
    if (!current || m_session.revealed()) {
        return;
    }
    const bool question = current->kind == srs::ItemKind::Question;
    const auto answer = question ? m_questionView->currentAnswer() : std::nullopt;
    if (!m_session.canReveal(answer.has_value())) {
        m_hintLabel->setText(tr("Choose an answer first, or press 0 for “I don't know”."));
        return;
    }
    if (question) {
        if (const Question* item = m_index.scoredItem(current->itemId).question) {
            const bool correct = isCorrect(*item, *answer);
            m_session.setInferredRating(srs::inferRating(correct, false,
                std::chrono::milliseconds(m_shownFor.elapsed()), m_study.config().slowAnswer));
        }
    }
    m_session.reveal();
    showCurrent();
}

void ReviewPage::rate(fsrs::Rating rating)
{
    if (!m_session.canRate()) {
        return;
    }
    auto changes = m_session.rate(rating, std::chrono::milliseconds(m_shownFor.elapsed()));
    if (!changes) {
        report(changes.problems());
        return;
    }
    emit changed(changes.value());
    refresh();
}

void ReviewPage::dontKnow()
{
    if (!m_session.current() || m_session.revealed()) {
        return;
    }
    auto changes = m_session.dontKnow(std::chrono::milliseconds(m_shownFor.elapsed()));
    if (!changes) {
        report(changes.problems());
        return;
    }
    emit changed(changes.value());
    showCurrent();
}

void ReviewPage::undo()
{
    auto changes = m_session.undo();
    if (!changes) {
        report(changes.problems());
        return;
    }
    emit changed(changes.value());
    showCurrent();
}

void ReviewPage::act(ItemAction action)
{
    if (!m_session.current()) {
        return;
    }
    auto changes = m_session.act(action);
    if (!changes) {
        report(changes.problems());
        return;
    }
    emit changed(changes.value());
    refresh();
}

void ReviewPage::startWeakAreas()
{
    auto started = m_session.startWeakAreas(WeakAreaSessionSize);
    if (!started) {
        report(started.problems());
        m_session.stopWeakAreas();
    }
    refresh();
}

void ReviewPage::optimiseParameters()
{
    auto input = m_parameterFit.input();
    if (!input) {
        report(input.problems());
        return;
    }
    struct Job {
        ParameterFitInput input;
        std::optional<Result<fsrs::OptimizerResult>> result;
        std::atomic<bool> cancel { false };
    };
    auto job = std::make_shared<Job>();
    job->input = std::move(input.value());

    auto* progress
        = new QProgressDialog(tr("Fitting FSRS parameters to your reviews…"), tr("Cancel"), 0, 1000, this);
    progress->setWindowTitle(tr("Optimise FSRS parameters"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<QProgressDialog> progressGuard(progress);
    const auto reportProgress = [progressGuard](double fraction) {
        // Called on the worker thread: hand the value to the dialog's thread.
        QMetaObject::invokeMethod(
            progressGuard,
            [progressGuard, fraction] {
                if (progressGuard) {
                    progressGuard->setValue(static_cast<int>(fraction * 1000));
                }
            },
            Qt::QueuedConnection);
    };
    connect(progress, &QProgressDialog::canceled, this, [job] { job->cancel = true; });

    // The worker sees only the copied input and the pure fit; the store stays on this thread.
    QThread* worker = QThread::create([job, reportProgress] {
        job->result
            = ParameterFitService::fit(job->input, reportProgress, [job] { return job->cancel.load(); });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, job, progressGuard] {
        if (progressGuard) {
            progressGuard->close();
        }
        const auto& result = *job->result;
        if (!result) {
            QMessageBox::information(this, tr("Optimise FSRS parameters"), problemsText(result.problems()));
            return;
        }
        const auto& fit = result.value();
        const QString summary = optimiserSummary(fit.before, fit.after);
        if (!fit.improved) {
            QMessageBox::information(this, tr("Optimise FSRS parameters"),
                summary + tr("\n\nThat is no better, so your settings stay as they are."));
            return;
        }
        if (Dialogs::confirm(this, tr("Optimise FSRS parameters"),
                summary + tr("\n\nUse the fitted settings from now on?"), tr("&Use them"))) {
            auto changes = m_parameterFit.adopt(fit.parameters);
            if (!changes) {
                report(changes.problems());
            } else {
                emit changed(changes.value());
            }
            refresh();
        }
    });
    worker->start();
}

std::optional<std::pair<QString, QString>> ReviewPage::reportableItem() const
{
    const auto& current = m_session.current();
    if (!current) {
        return std::nullopt;
    }
    const QString id = toQString(current->itemId);
    if (current->kind == srs::ItemKind::Question) {
        return std::pair(QStringLiteral("question"), id);
    }
    // The learner's own imported cards come from no bundle file.
    const Card* card = m_index.card(current->itemId);
    return std::pair(card && card->file.empty() ? QStringLiteral("user-card") : QStringLiteral("card"), id);
}

} // namespace mlaprep::gui
