#pragma once

#include "services/Changes.h"
#include "services/ExamService.h"

#include <QElapsedTimer>
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

// The Exam screen and its controller: start or resume, take the attempt item by item, review, end, and
// read the report. Every learner action is one ExamService call (one transaction); the clock runs here
// and is saved with every action and every few seconds, so a killed app resumes where it was.
class ExamPage : public QWidget {
    Q_OBJECT

public:
    ExamPage(const Bundle& bundle, ExamService& exams, QWidget* parent = nullptr);

    void start(const StartRequest& request);
    void resume();
    void goTo(int position);
    // Ends the attempt; from the review screen after a confirmation, at zero without one.
    void endAttempt(FinishReason reason);
    void showStart();

    const std::optional<AttemptState>& attempt() const { return m_attempt; }
    int position() const { return m_position; }
    ExamStartView* startView() const { return m_startView; }
    ExamSessionView* sessionView() const { return m_sessionView; }
    ExamNavigator* navigator() const { return m_navigator; }
    ExamReportView* reportView() const { return m_reportView; }
    bool isShowingReport() const;

signals:
    // What an intent on this screen changed, for the other screens (AppController::publish).
    void changed(const mlaprep::Changes& changes);
    void errorOccurred(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void enterAttempt(const AttemptState& state);
    void showCurrent();
    void showNavigator();
    void recordCurrentAnswer();
    void setFlag(bool flagged);
    void checkCurrent();
    void tick();
    long long elapsedMs() const;
    bool report(const Result<Changes>& result);

    const Bundle& m_bundle;
    ExamService& m_exams;
    std::map<std::string, const Question*> m_items;
    std::map<std::string, const Question*> m_cases;

    QStackedWidget* m_stack;
    ExamStartView* m_startView;
    ExamSessionView* m_sessionView;
    ExamNavigator* m_navigator;
    ExamReportView* m_reportView;

    std::optional<AttemptState> m_attempt;
    int m_position = 0;
    std::set<std::string> m_checked; // practice: items whose feedback is shown
    long long m_elapsedAtResume = 0;
    QElapsedTimer m_sinceResume;
    QElapsedTimer m_onItem;
    QTimer m_ticker;
    int m_ticks = 0;
};

} // namespace mlaprep::gui
