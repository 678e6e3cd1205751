#pragma once

#include "services/ExamService.h"

#include <QWidget>

#include <map>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

// Where exams begin: resume or abandon an open attempt, start a full mock, build a practice session, or
// open the report of an earlier attempt.
class ExamStartView : public QWidget {
    Q_OBJECT

public:
    ExamStartView(const Bundle& bundle, QWidget* parent = nullptr);

    // The attempt left open (paused, or running since the app closed), or null.
    void setOpenAttempt(const ExamSession* session);
    // Attempts running on other devices first (shown, never opened here), then the finished ones.
    void setHistory(
        const std::vector<AttemptSummary>& history, const std::vector<AttemptElsewhere>& elsewhere);
    void showError(const QString& message);

    StartRequest mockRequest() const;
    StartRequest practiceRequest() const;

    QPushButton* startMockButton() const { return m_startMock; }
    QPushButton* startPracticeButton() const { return m_startPractice; }
    // "Any bullet", then every exam-guide bullet of the bundle (its id in Qt::UserRole).
    QComboBox* bulletChoice() const { return m_bullet; }
    QTreeWidget* historyList() const { return m_history; }
    enum HistoryColumn { DateColumn, KindColumn, CorrectColumn, ScaledColumn, ResultColumn, DeviceColumn };

signals:
    void startRequested(const mlaprep::StartRequest& request);
    void resumeRequested();
    void abandonRequested();
    void reportRequested(qint64 attemptId);

private:
    QGroupBox* buildMockGroup();
    QGroupBox* buildPracticeGroup(const Bundle& bundle);

    QLabel* m_error;
    QWidget* m_resumeBox;
    QLabel* m_resumeText;
    QCheckBox* m_extraTime;
    QCheckBox* m_realism;
    QPushButton* m_startMock;
    QSpinBox* m_practiceCount;
    std::map<std::string, QCheckBox*> m_domainBoxes;
    std::map<std::string, QCheckBox*> m_taskBoxes;
    std::map<QuestionType, QCheckBox*> m_typeBoxes;
    QSpinBox* m_missedIn;
    QCheckBox* m_neverSeen;
    QComboBox* m_bullet;
    QCheckBox* m_timed;
    QPushButton* m_startPractice;
    QTreeWidget* m_history;
    int m_passMark;
};

} // namespace mlaprep::gui
