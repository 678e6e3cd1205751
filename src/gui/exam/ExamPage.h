#pragma once

#include "services/Changes.h"
#include "services/ExamService.h"

#include <QTimer>
#include <QWidget>

#include <map>
#include <optional>
#include <set>
#include <string>

class QStackedWidget;

namespace mlaprep {
struct Bundle;
struct Question;
} // namespace mlaprep

namespace mlaprep::gui {

class ExamNavigator;
class ExamReportView;
class ExamSessionView;
class ExamStartView;

// The Exam screen: start or resume, take the attempt item by item, review, pause, abandon or end, and read
// the report. The attempt is an ExamSession (core); every learner action is one ExamService call (one
// transaction) on it, and the timer here only ticks it. While a mock runs the app is in exam mode
// (examModeChanged): the window closes Notes, Search and Review and asks before quitting.
class ExamPage : public QWidget {
    Q_OBJECT

public:
    ExamPage(const Bundle& bundle, ExamService& exams, QWidget* parent = nullptr);

    void start(const StartRequest& request);
    // Takes up the open attempt, running its clock again if it was paused.
    void resume();
    void goTo(int position);
    // Submits the attempt after a confirmation (the review screen's and the banner's End).
    void endAttempt();
    // Stops the clock and goes back to the start view, where the attempt waits to be resumed.
    void pause();
    // Gives the open attempt up after a confirmation, on screen or waiting on the start view.
    void abandon();
    void showStart();
    // Reads the history again (a sync brought attempts from another device) when the start view shows;
    // an attempt on screen is left alone.
    void refreshHistory();

    // At start-up: an unfinished mock is offered to resume or abandon, and one whose time ran out while
    // the app was closed has its report shown. True when the Exam screen should come forward.
    bool offerOpenMock();
    // Before the window closes: a running mock asks (pause and quit, abandon, cancel), a running practice
    // session is paused. False when the learner cancelled.
    bool mayClose();

    // A mock is running on screen.
    bool isInExamMode() const;
    // The attempt on screen; null when none.
    const AttemptState* attempt() const;
    int position() const;
    ExamStartView* startView() const { return m_startView; }
    ExamSessionView* sessionView() const { return m_sessionView; }
    ExamNavigator* navigator() const { return m_navigator; }
    ExamReportView* reportView() const { return m_reportView; }
    bool isShowingReport() const;

signals:
    // What an intent on this screen changed, for the other screens (AppController::publish).
    void changed(const mlaprep::Changes& changes);
    void errorOccurred(const QString& message);
    void examModeChanged(bool inExamMode);
    // A timed attempt's clock, on every tick while it runs.
    void timeLeftChanged(qint64 remainingMs);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void enterSession(ExamSession session, bool resumed);
    void leaveSession();
    void showHistory();
    void showCurrent();
    void showPosition();
    void showNavigator();
    void showReport(std::int64_t attemptId, bool practice, std::optional<FinishReason> reason);
    void recordCurrentAnswer();
    void setFlag(bool flagged);
    void strikeCurrent(const QString& optionId, bool struck);
    void checkCurrent();
    void tick();
    // Reports a failed call; after a successful one, shows the report if that call ended the attempt.
    bool settle(const Result<Changes>& result);
    void updateExamMode();

    const Bundle& m_bundle;
    ExamService& m_exams;
    std::map<std::string, const Question*> m_items;
    std::map<std::string, const Question*> m_cases;

    QStackedWidget* m_stack;
    ExamStartView* m_startView;
    ExamSessionView* m_sessionView;
    ExamNavigator* m_navigator;
    ExamReportView* m_reportView;

    std::optional<ExamSession> m_session;
    std::set<std::string> m_checked; // practice: items whose feedback is shown
    QTimer m_ticker;
    bool m_examMode = false;
};

} // namespace mlaprep::gui
