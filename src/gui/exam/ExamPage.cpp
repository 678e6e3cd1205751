#include "exam/ExamPage.h"

#include "common/Dialogs.h"
#include "common/Plural.h"
#include "common/QtConvert.h"
#include "content/Bundle.h"
#include "exam/ExamNavigator.h"
#include "exam/ExamReportView.h"
#include "exam/ExamSessionView.h"
#include "exam/ExamStartView.h"
#include "questions/QuestionView.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

constexpr int TickMs = 1000;
constexpr int SaveClockEveryTicks = 5;

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
    connect(m_startView, &ExamStartView::reportRequested, this, [this](qint64 attemptId) {
        auto result = m_exams.report(attemptId);
        auto state = m_exams.attempt(attemptId);
        if (!result.ok() || !state.ok()) {
            m_startView->showError(toQString(result.ok() ? state.firstError() : result.firstError()));
            return;
        }
        m_reportView->showReport(result.value(), state->mode == ExamMode::Practice);
        m_stack->setCurrentWidget(m_reportView);
    });
    connect(
        m_sessionView->questionView(), &QuestionView::answerChanged, this, &ExamPage::recordCurrentAnswer);
    connect(m_sessionView, &ExamSessionView::nextRequested, this, [this] { goTo(m_position + 1); });
    connect(m_sessionView, &ExamSessionView::previousRequested, this, [this] { goTo(m_position - 1); });
    connect(m_sessionView, &ExamSessionView::reviewRequested, this, &ExamPage::showNavigator);
    connect(m_sessionView, &ExamSessionView::flagToggled, this, &ExamPage::setFlag);
    connect(m_sessionView, &ExamSessionView::checkRequested, this, &ExamPage::checkCurrent);
    connect(m_navigator, &ExamNavigator::jumpRequested, this, &ExamPage::goTo);
    connect(m_navigator, &ExamNavigator::returnRequested, this, [this] { goTo(m_position); });
    connect(m_navigator, &ExamNavigator::endRequested, this, [this] { endAttempt(FinishReason::Submitted); });
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

bool ExamPage::isShowingReport() const
{
    return m_stack->currentWidget() == m_reportView;
}

void ExamPage::showStart()
{
    m_startView->showError({});
    auto open = m_exams.openAttempt();
    if (open.ok()) {
        m_startView->setOpenAttempt(open.value());
    } else {
        m_startView->showError(toQString(open.firstError()));
    }
    if (auto history = m_exams.history(); history.ok()) {
        m_startView->setHistory(history.value());
    }
    m_stack->setCurrentWidget(m_startView);
}

void ExamPage::start(const StartRequest& request)
{
    auto started = m_exams.start(request);
    if (!started.ok()) {
        m_startView->showError(tr("Could not start: %1").arg(toQString(started.problems().front().message)));
        return;
    }
    Changes opened;
    opened.exams = true;
    emit changed(opened);
    enterAttempt(started.value());
}

void ExamPage::resume()
{
    auto open = m_exams.openAttempt();
    if (!open.ok() || !open.value()) {
        showStart();
        return;
    }
    enterAttempt(*open.value());
}

void ExamPage::enterAttempt(const AttemptState& state)
{
    m_attempt = state;
    m_checked.clear();
    m_position = std::clamp(state.position, 0, std::max(0, static_cast<int>(state.items.size()) - 1));
    m_elapsedAtResume = state.elapsedMs;
    m_sinceResume.start();
    m_onItem.start();
    m_ticks = 0;
    m_sessionView->setPractice(state.mode == ExamMode::Practice);
    if (state.timeLimitMs) {
        m_ticker.start();
    } else {
        m_ticker.stop();
    }
    m_sessionView->setTimeLeft(state.remainingMs());
    if (state.remainingMs() && *state.remainingMs() <= 0) {
        endAttempt(FinishReason::TimeUp); // the time ran out while the app was closed
        return;
    }
    showCurrent();
}

long long ExamPage::elapsedMs() const
{
    return m_elapsedAtResume + (m_sinceResume.isValid() ? m_sinceResume.elapsed() : 0);
}

void ExamPage::showCurrent()
{
    if (!m_attempt || m_attempt->items.empty()) {
        return;
    }
    const AttemptItem& item = m_attempt->items[static_cast<std::size_t>(m_position)];
    auto found = m_items.find(item.item.itemId);
    if (found == m_items.end()) {
        emit errorOccurred(tr("Item %1 is not in this content bundle.").arg(toQString(item.item.itemId)));
        return;
    }
    auto parent = m_cases.find(item.item.caseId);
    QuestionView* view = m_sessionView->questionView();
    view->showQuestion(*found->second, item.item.optionOrder, item.answer,
        parent == m_cases.end() ? nullptr : parent->second);
    const bool checked = m_checked.count(item.item.itemId) > 0;
    view->setReadOnly(checked);
    view->setFeedbackVisible(checked);
    m_sessionView->setChecked(checked);
    m_sessionView->setPosition(
        m_position, static_cast<int>(m_attempt->items.size()), item.flagged, item.answer.has_value());
    m_stack->setCurrentWidget(m_sessionView);
    m_sessionView->nextButton()->setFocus();
}

bool ExamPage::report(const Result<Changes>& result)
{
    if (!result.ok()) {
        emit errorOccurred(toQString(result.problems().front().message));
        return false;
    }
    emit changed(result.value());
    return true;
}

void ExamPage::recordCurrentAnswer()
{
    if (!m_attempt) {
        return;
    }
    AttemptItem& item = m_attempt->items[static_cast<std::size_t>(m_position)];
    const auto answer = m_sessionView->questionView()->currentAnswer();
    if (report(m_exams.recordAnswer(m_attempt->id, item.item.itemId, answer, elapsedMs()))) {
        item.answer = answer;
        m_sessionView->setPosition(
            m_position, static_cast<int>(m_attempt->items.size()), item.flagged, item.answer.has_value());
    }
}

void ExamPage::setFlag(bool flagged)
{
    if (!m_attempt) {
        return;
    }
    AttemptItem& item = m_attempt->items[static_cast<std::size_t>(m_position)];
    if (report(m_exams.setFlag(m_attempt->id, item.item.itemId, flagged, elapsedMs()))) {
        item.flagged = flagged;
    }
    m_sessionView->setPosition(
        m_position, static_cast<int>(m_attempt->items.size()), item.flagged, item.answer.has_value());
}

void ExamPage::goTo(int position)
{
    if (!m_attempt || position < 0 || position >= static_cast<int>(m_attempt->items.size())) {
        return;
    }
    const std::string& leaving = m_attempt->items[static_cast<std::size_t>(m_position)].item.itemId;
    const long long onItem = m_onItem.restart();
    if (report(m_exams.moveTo(m_attempt->id, position, leaving, onItem, elapsedMs()))) {
        m_attempt->items[static_cast<std::size_t>(m_position)].timeSpentMs += onItem;
    }
    m_position = position;
    showCurrent();
}

void ExamPage::showNavigator()
{
    if (!m_attempt) {
        return;
    }
    report(m_exams.saveClock(m_attempt->id, elapsedMs()));
    m_navigator->setAttempt(*m_attempt);
    m_stack->setCurrentWidget(m_navigator);
}

void ExamPage::checkCurrent()
{
    if (!m_attempt || m_attempt->mode != ExamMode::Practice) {
        return;
    }
    m_checked.insert(m_attempt->items[static_cast<std::size_t>(m_position)].item.itemId);
    showCurrent();
}

void ExamPage::endAttempt(FinishReason reason)
{
    if (!m_attempt) {
        return;
    }
    if (reason == FinishReason::Submitted) {
        const int unanswered = static_cast<int>(m_attempt->items.size()) - m_attempt->answeredCount();
        const int flagged = m_attempt->flaggedCount();
        const QString what = m_attempt->mode == ExamMode::Exam ? tr("exam") : tr("session");
        QString text = tr("End the %1 now? You cannot change answers afterwards.").arg(what);
        if (unanswered > 0 || flagged > 0) {
            text += QLatin1Char('\n') + countOf(unanswered, tr("item"), tr("items")) + tr(" unanswered, ")
                + tr("%1 flagged").arg(flagged) + QLatin1Char('.');
        }
        if (!Dialogs::confirm(this, tr("End %1").arg(what), text, tr("&End %1").arg(what))) {
            return;
        }
    }
    m_ticker.stop();
    const std::string& current = m_attempt->items.empty()
        ? std::string()
        : m_attempt->items[static_cast<std::size_t>(m_position)].item.itemId;
    report(m_exams.moveTo(m_attempt->id, m_position, current, m_onItem.restart(), elapsedMs()));
    auto result = m_exams.finish(m_attempt->id, reason, elapsedMs());
    if (!result.ok()) {
        emit errorOccurred(toQString(result.problems().front().message));
        return;
    }
    const bool practice = m_attempt->mode == ExamMode::Practice;
    m_attempt.reset();
    // Finishing scores the attempt and schedules its questions for review.
    Changes finished;
    finished.exams = true;
    finished.studyQueue = true;
    emit changed(finished);
    m_reportView->showReport(result.value(), practice);
    m_stack->setCurrentWidget(m_reportView);
    if (reason == FinishReason::TimeUp) {
        emit errorOccurred(tr("Time is up: the exam was submitted with the answers you had given."));
    }
}

void ExamPage::tick()
{
    if (!m_attempt || !m_attempt->timeLimitMs) {
        return;
    }
    const long long remaining = *m_attempt->timeLimitMs - elapsedMs();
    m_sessionView->setTimeLeft(remaining);
    if (remaining <= 0) {
        endAttempt(FinishReason::TimeUp);
        return;
    }
    if (++m_ticks % SaveClockEveryTicks == 0) {
        report(m_exams.saveClock(m_attempt->id, elapsedMs()));
    }
}

} // namespace mlaprep::gui
