#include "gui/exam/ExamPage.h"

#include "content/Bundle.h"
#include "gui/common/ClockText.h"
#include "gui/common/Dialogs.h"
#include "gui/common/Plural.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/exam/ExamNavigator.h"
#include "gui/exam/ExamReportView.h"
#include "gui/exam/ExamSessionView.h"
#include "gui/exam/ExamStartView.h"
#include "gui/questions/QuestionView.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

constexpr int TickMs = 1000;

QString abandonedMessage()
{
    return ExamPage::tr("The attempt was abandoned: it stays in your history, unscored.");
}

// What ExamService::openSession changed when it found the time run out: the attempt was scored and its
// questions scheduled for review.
Changes timedOutWhileClosed()
{
    Changes changes;
    changes.exams = true;
    changes.studyQueue = true;
    return changes;
}

} // namespace

ExamPage::ExamPage(const Bundle& bundle, ExamService& exams, QWidget* parent)
    : QWidget(parent)
    , m_bundle(bundle)
    , m_exams(exams)
    , m_stack(new QStackedWidget(this))
    , m_startView(new ExamStartView(bundle, this))
    , m_sessionView(new ExamSessionView(this))
    , m_navigator(new ExamNavigator(this))
    , m_reportView(new ExamReportView(bundle, this))
{
    for (const Question* item : bundle.scoredItems()) {
        m_items[item->id] = item;
    }
    for (const auto& question : bundle.questions) {
        if (question.isCase()) {
            m_cases[question.id] = &question;
        }
    }
    m_stack->addWidget(m_startView);
    m_stack->addWidget(m_sessionView);
    m_stack->addWidget(m_navigator);
    m_stack->addWidget(m_reportView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_startView, &ExamStartView::startRequested, this, &ExamPage::start);
    connect(m_startView, &ExamStartView::resumeRequested, this, &ExamPage::resume);
    connect(m_startView, &ExamStartView::abandonRequested, this, &ExamPage::abandon);
    connect(m_startView, &ExamStartView::reportRequested, this, [this](qint64 attemptId) {
        auto state = m_exams.attempt(attemptId);
        if (!state.ok()) {
            m_startView->showError(problemsText(state.problems()));
            return;
        }
        showReport(attemptId, state->mode == ExamMode::Practice, state->finished);
    });
    connect(
        m_sessionView->questionView(), &QuestionView::answerChanged, this, &ExamPage::recordCurrentAnswer);
    connect(m_sessionView->questionView(), &QuestionView::strikeToggled, this, &ExamPage::strikeCurrent);
    connect(m_sessionView, &ExamSessionView::nextRequested, this, [this] { goTo(position() + 1); });
    connect(m_sessionView, &ExamSessionView::previousRequested, this, [this] { goTo(position() - 1); });
    connect(m_sessionView, &ExamSessionView::reviewRequested, this, &ExamPage::showNavigator);
    connect(m_sessionView, &ExamSessionView::flagToggled, this, &ExamPage::setFlag);
    connect(m_sessionView, &ExamSessionView::checkRequested, this, &ExamPage::checkCurrent);
    connect(m_sessionView, &ExamSessionView::pauseRequested, this, &ExamPage::pause);
    connect(m_sessionView, &ExamSessionView::abandonRequested, this, &ExamPage::abandon);
    connect(m_sessionView, &ExamSessionView::endRequested, this, &ExamPage::endAttempt);
    connect(m_navigator, &ExamNavigator::jumpRequested, this, &ExamPage::goTo);
    connect(m_navigator, &ExamNavigator::returnRequested, this, [this] { goTo(position()); });
    connect(m_navigator, &ExamNavigator::endRequested, this, &ExamPage::endAttempt);
    connect(m_reportView, &ExamReportView::backRequested, this, &ExamPage::showStart);
    connect(&m_ticker, &QTimer::timeout, this, &ExamPage::tick);
    m_ticker.setInterval(TickMs);
    showStart();
}

void ExamPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stack->currentWidget() == m_startView) {
        showStart();
    }
}

const AttemptState* ExamPage::attempt() const
{
    return m_session ? &m_session->attempt() : nullptr;
}

int ExamPage::position() const
{
    return m_session ? m_session->position() : 0;
}

bool ExamPage::isInExamMode() const
{
    return m_session && m_session->mode() == ExamMode::Exam && m_session->isRunning();
}

bool ExamPage::isShowingReport() const
{
    return m_stack->currentWidget() == m_reportView;
}

void ExamPage::updateExamMode()
{
    if (isInExamMode() != m_examMode) {
        m_examMode = isInExamMode();
        emit examModeChanged(m_examMode);
    }
}

void ExamPage::showStart()
{
    m_startView->showError({});
    auto open = m_exams.openSession();
    if (open.ok()) {
        const std::optional<ExamSession>& session = open.value();
        if (session && session->isFinished()) {
            emit changed(timedOutWhileClosed());
            emit errorOccurred(tr("Time ran out while mlaprep was closed: the attempt was submitted with the "
                                  "answers you had given."));
        }
        m_startView->setOpenAttempt(session && !session->isFinished() ? &*session : nullptr);
    } else {
        m_startView->setOpenAttempt(nullptr);
        m_startView->showError(problemsText(open.problems()));
    }
    showHistory();
    m_stack->setCurrentWidget(m_startView);
}

void ExamPage::showHistory()
{
    auto history = m_exams.history();
    auto elsewhere = m_exams.inProgressElsewhere();
    if (history.ok() && elsewhere.ok()) {
        m_startView->setHistory(history.value(), elsewhere.value());
    } else {
        m_startView->showError(problemsText(history.ok() ? elsewhere.problems() : history.problems()));
    }
}

void ExamPage::refreshHistory()
{
    if (m_stack->currentWidget() == m_startView) {
        showHistory();
    }
}

void ExamPage::start(const StartRequest& request)
{
    auto started = m_exams.start(request);
    if (!started.ok()) {
        m_startView->showError(tr("Could not start: %1").arg(problemsText(started.problems())));
        return;
    }
    Changes opened;
    opened.exams = true;
    emit changed(opened);
    enterSession(std::move(started.value()), false);
}

void ExamPage::resume()
{
    auto open = m_exams.openSession();
    if (!open.ok() || !open.value()) {
        showStart();
        return;
    }
    ExamSession session = std::move(*open.value());
    if (session.isFinished()) {
        emit changed(timedOutWhileClosed());
        showReport(session.id(), session.mode() == ExamMode::Practice, session.finishReason());
        return;
    }
    enterSession(std::move(session), true);
}

void ExamPage::enterSession(ExamSession session, bool resumed)
{
    m_session = std::move(session);
    m_checked.clear();
    if (m_session->isPaused() && !settle(m_exams.resume(*m_session))) {
        return;
    }
    m_sessionView->beginAttempt(m_session->mode() == ExamMode::Practice, resumed);
    if (m_session->attempt().timeLimitMs) {
        m_ticker.start();
    } else {
        m_ticker.stop();
    }
    m_sessionView->setTimeLeft(m_session->remainingMs());
    showCurrent();
    updateExamMode();
    if (const auto remaining = m_session->remainingMs()) {
        emit timeLeftChanged(*remaining);
    }
}

void ExamPage::leaveSession()
{
    m_ticker.stop();
    m_session.reset();
    m_checked.clear();
    updateExamMode();
}

bool ExamPage::settle(const Result<Changes>& result)
{
    if (!result.ok()) {
        emit errorOccurred(problemsText(result.problems()));
        return false;
    }
    if (result->any()) {
        emit changed(result.value());
    }
    if (m_session && m_session->isFinished()) {
        const std::int64_t id = m_session->id();
        const bool practice = m_session->mode() == ExamMode::Practice;
        const auto reason = m_session->finishReason();
        leaveSession();
        showReport(id, practice, reason);
        return false;
    }
    return m_session.has_value();
}

void ExamPage::showReport(std::int64_t attemptId, bool practice, std::optional<FinishReason> reason)
{
    if (reason == FinishReason::Abandoned) {
        showStart();
        emit errorOccurred(abandonedMessage());
        return;
    }
    auto report = m_exams.report(attemptId);
    if (!report.ok()) {
        showStart();
        m_startView->showError(problemsText(report.problems()));
        return;
    }
    m_reportView->showReport(report.value(), practice);
    m_stack->setCurrentWidget(m_reportView);
    if (reason == FinishReason::TimeUp) {
        emit errorOccurred(tr("Time is up: the exam was submitted with the answers you had given."));
    }
}

void ExamPage::showCurrent()
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (!item) {
        return;
    }
    auto found = m_items.find(item->item.itemId);
    if (found == m_items.end()) {
        emit errorOccurred(tr("Item %1 is not in this content bundle.").arg(toQString(item->item.itemId)));
        return;
    }
    auto parent = m_cases.find(item->item.caseId);
    QuestionView* view = m_sessionView->questionView();
    view->showQuestion(*found->second, item->item.optionOrder, item->answer,
        parent == m_cases.end() ? nullptr : parent->second);
    view->setStruck(item->struck);
    const bool checked = m_checked.count(item->item.itemId) > 0;
    view->setReadOnly(checked);
    view->setFeedbackVisible(checked);
    m_sessionView->setChecked(checked);
    showPosition();
    m_stack->setCurrentWidget(m_sessionView);
    // Choices answer to letter keys wherever the focus is; steps and prompts need it in their widget. A
    // widget just added to a shown layout is shown on the next event loop pass, and a hidden one cannot
    // take the focus, so it is shown here.
    QWidget* answerWidget = checked ? nullptr : view->answerFocusWidget();
    if (answerWidget) {
        answerWidget->show();
    }
    (answerWidget ? answerWidget : m_sessionView->nextButton())->setFocus();
}

void ExamPage::showPosition()
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (item) {
        m_sessionView->setPosition(m_session->position(), static_cast<int>(m_session->attempt().items.size()),
            item->flagged, item->answer.has_value());
    }
}

void ExamPage::recordCurrentAnswer()
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (!item) {
        return;
    }
    const std::string itemId = item->item.itemId;
    if (settle(m_exams.answer(*m_session, itemId, m_sessionView->questionView()->currentAnswer()))) {
        showPosition();
    }
}

void ExamPage::setFlag(bool flagged)
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (!item) {
        return;
    }
    const std::string itemId = item->item.itemId;
    settle(m_exams.flag(*m_session, itemId, flagged));
    showPosition(); // also puts a flag that could not be saved back as it was
}

void ExamPage::strikeCurrent(const QString& optionId, bool struck)
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (!item) {
        return;
    }
    const std::string itemId = item->item.itemId;
    settle(m_exams.strike(*m_session, itemId, toStdString(optionId), struck));
    // Also puts a strike that could not be saved back as it was.
    if (const AttemptItem* current = m_session ? m_session->currentItem() : nullptr) {
        m_sessionView->questionView()->setStruck(current->struck);
    }
}

void ExamPage::goTo(int target)
{
    if (!m_session || target < 0 || target >= static_cast<int>(m_session->attempt().items.size())) {
        return;
    }
    if (settle(m_exams.moveTo(*m_session, target))) {
        showCurrent();
    }
}

void ExamPage::showNavigator()
{
    if (!m_session) {
        return;
    }
    m_navigator->setAttempt(m_session->attempt());
    m_stack->setCurrentWidget(m_navigator);
}

void ExamPage::checkCurrent()
{
    const AttemptItem* item = m_session ? m_session->currentItem() : nullptr;
    if (!item || m_session->mode() != ExamMode::Practice) {
        return;
    }
    m_checked.insert(item->item.itemId);
    showCurrent();
}

void ExamPage::endAttempt()
{
    if (!m_session) {
        return;
    }
    const AttemptState& state = m_session->attempt();
    const int unanswered = static_cast<int>(state.items.size()) - state.answeredCount();
    const int flagged = state.flaggedCount();
    const QString what = state.mode == ExamMode::Exam ? tr("exam") : tr("session");
    QString text = tr("End the %1 now? You cannot change answers afterwards.").arg(what);
    if (unanswered > 0 || flagged > 0) {
        text += QLatin1Char('\n') + countOf(unanswered, tr("item"), tr("items")) + tr(" unanswered, ")
            + tr("%1 flagged").arg(flagged) + QLatin1Char('.');
    }
    if (!Dialogs::confirm(this, tr("End %1").arg(what), text, tr("&End %1").arg(what))) {
        return;
    }
    settle(m_exams.submit(*m_session));
}

void ExamPage::pause()
{
    if (!m_session || !settle(m_exams.pause(*m_session))) {
        return;
    }
    leaveSession();
    showStart();
    emit errorOccurred(tr("Paused: the clock is stopped. Resume from the Exam screen when you are ready."));
}

void ExamPage::abandon()
{
    if (!Dialogs::confirm(this, tr("Abandon"),
            tr("Abandon this attempt? It stays in your history as abandoned, with no score, and its answers "
               "do not go into Review."),
            tr("&Abandon attempt"))) {
        return;
    }
    if (m_session) {
        settle(m_exams.abandon(*m_session));
        return;
    }
    auto open = m_exams.openSession();
    if (open.ok() && open.value() && !open.value()->isFinished()) {
        auto abandoned = m_exams.abandon(*open.value());
        if (!abandoned.ok()) {
            emit errorOccurred(problemsText(abandoned.problems()));
            return;
        }
        emit changed(abandoned.value());
    }
    showStart();
    emit errorOccurred(abandonedMessage());
}

bool ExamPage::offerOpenMock()
{
    if (m_session) {
        return false; // already taken up
    }
    auto open = m_exams.openSession();
    if (!open.ok() || !open.value() || open.value()->mode() != ExamMode::Exam) {
        return false;
    }
    ExamSession session = std::move(*open.value());
    if (session.isFinished()) {
        emit changed(timedOutWhileClosed());
        showReport(session.id(), false, session.finishReason());
        return true;
    }
    const AttemptState& state = session.attempt();
    const QString clock = session.isPaused()
        ? tr("paused with %1 left").arg(clockText(session.remainingMs().value_or(0)))
        : tr("its clock kept running while mlaprep was closed: %1 left")
              .arg(clockText(session.remainingMs().value_or(0)));
    const int choice = Dialogs::choose(this, tr("Unfinished mock exam"),
        tr("A mock exam is still open (%1 of %2 answered, %3). Resume it, or abandon it? An abandoned "
           "attempt stays in your history, unscored.")
            .arg(state.answeredCount())
            .arg(state.items.size())
            .arg(clock),
        { tr("&Resume"), tr("&Abandon") });
    if (choice == 0) {
        enterSession(std::move(session), true);
        return true;
    }
    if (choice == 1) {
        auto abandoned = m_exams.abandon(session);
        if (!abandoned.ok()) {
            emit errorOccurred(problemsText(abandoned.problems()));
            return false;
        }
        emit changed(abandoned.value());
        showStart();
        emit errorOccurred(abandonedMessage());
    }
    return false;
}

bool ExamPage::mayClose()
{
    if (!m_session || !m_session->isRunning()) {
        return true;
    }
    if (m_session->mode() == ExamMode::Practice) {
        // Practice is not sealed: its clock simply stops with the app.
        settle(m_exams.pause(*m_session));
        return true;
    }
    const int choice = Dialogs::choose(this, tr("Quit during a mock exam"),
        tr("A mock exam is running. Pause it (the clock stops until you resume it, also after a restart) or "
           "abandon it (it stays in your history, unscored)?"),
        { tr("&Pause and quit"), tr("&Abandon and quit") });
    if (choice < 0) {
        return false;
    }
    // An abandoned attempt is finished, so settle leaves it; a paused one is left here.
    if (!settle(choice == 0 ? m_exams.pause(*m_session) : m_exams.abandon(*m_session)) && m_session) {
        return false;
    }
    leaveSession();
    return true;
}

void ExamPage::tick()
{
    if (m_session && settle(m_exams.tick(*m_session))) {
        m_sessionView->setTimeLeft(m_session->remainingMs());
        if (const auto remaining = m_session->remainingMs()) {
            emit timeLeftChanged(*remaining);
        }
    }
}

} // namespace mlaprep::gui
