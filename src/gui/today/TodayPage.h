#pragma once

#include "common/Result.h"
#include "gui/today/TodayContent.h"
#include "services/Changes.h"

#include <QWidget>

#include <vector>

class QDialog;
class QLabel;
class QPushButton;

namespace mlaprep {
struct Bundle;
struct RealExamScore;
} // namespace mlaprep

namespace mlaprep::gui {

class DomainBar;
class RealResultBox;
struct AppServices;

// The Today screen (home): days to the exam, today's queue with one Start button, the readiness
// estimate, the four domains as bars of mastery × exam weight, the weakest task statement with Study and
// Drill, and today's part of the exam-date plan. Reads everything again whenever it is shown.
class TodayPage : public QWidget {
    Q_OBJECT

public:
    TodayPage(const Bundle& bundle, const AppServices& services, QWidget* parent = nullptr);

    void refresh();
    const TodayContent& content() const { return m_content; }
    // Stores the exam date and minutes (the dialog's OK), then refreshes.
    bool setPlanSettings(const Settings& settings);

    QPushButton* startButton() const { return m_start; }
    QPushButton* mockButton() const { return m_mock; }
    QPushButton* studyButton() const { return m_study; }
    QPushButton* drillButton() const { return m_drill; }
    QPushButton* planButton() const { return m_setDate; }
    // The exam-day forecast line (one label, to place wherever the layout wants it).
    QLabel* outlookLabel() const { return m_outlookLine; }
    // Raises the daily new limit to what the plan needs (the track line's link), then refreshes.
    bool raiseNewLimit();
    QPushButton* nextActionButton() const { return m_next; }
    // Where the keyboard starts: the next action, or Start review when there is none.
    QPushButton* leadingButton() const;
    QPushButton* behindButton() const { return m_behind; }
    QLabel* planLabel() const { return m_planLine; }
    const std::vector<DomainBar*>& domainBars() const { return m_bars; }
    // Shown from the exam date on until the real result is recorded.
    RealResultBox* realResultBox() const { return m_realResult; }
    // Records the real result of the exam asked about, then refreshes.
    bool recordRealResult(const RealExamScore& score);

signals:
    // What an intent on this screen changed, for the other screens (AppController::publish).
    void changed(const mlaprep::Changes& changes);
    void startReviewRequested();
    void mockRequested();
    void studyTaskRequested(const QString& taskId);
    // The plan dialog opened (tests answer it).
    void planDialogOpened(QDialog* dialog);
    void drillTaskRequested(const QString& taskId);
    void errorOccurred(const QString& message);

private:
    // Tells the other screens what an intent on this one changed and repaints, or reports its problems.
    bool publish(const Result<Changes>& changes);
    void editPlan();
    void runNextAction();

    const Bundle& m_bundle;
    const AppServices& m_services;
    TodayContent m_content;

    QLabel* m_examLine;
    RealResultBox* m_realResult;
    QPushButton* m_next;
    QLabel* m_nextDetail;
    QPushButton* m_behind;
    QLabel* m_newLimitLine;
    QPushButton* m_setDate;
    QLabel* m_queueLine;
    QPushButton* m_start;
    QPushButton* m_mock;
    QLabel* m_score;
    QLabel* m_range;
    QLabel* m_basis;
    std::vector<QLabel*> m_barLabels;
    std::vector<DomainBar*> m_bars;
    std::vector<QLabel*> m_barDetails;
    QLabel* m_weakTitle;
    QLabel* m_weakDetail;
    QPushButton* m_study;
    QPushButton* m_drill;
    QLabel* m_planLine;
    QLabel* m_trackLine;
    QLabel* m_outlookLine;
};

} // namespace mlaprep::gui
