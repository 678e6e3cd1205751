#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace mlaprep::gui {

class QuestionView;

// The exam driver's frame around one item: a banner saying how to leave (Pause, Abandon, End), then
// "Question n of N", time left and Flag, the item in the middle, Previous / Next / Review below (Alt+P,
// Alt+N, Alt+R; Ctrl+F flags; Shift+A–H strikes an option through). In practice mode a "Check answer"
// button (Ctrl+Return) replaces the clock. When the clock passes 15 and 5 minutes left a warning line
// appears above the item: it takes no focus and asks for nothing, as on the real exam.
class ExamSessionView : public QWidget {
    Q_OBJECT

public:
    explicit ExamSessionView(QWidget* parent = nullptr);

    QuestionView* questionView() const { return m_question; }
    void setPosition(int index, int total, bool flagged, bool answered);
    // An attempt on screen, just started or `resumed` (from a pause, or reopened): its mode, and no time
    // warning yet. A resumed attempt already below a warning mark is warned on its first setTimeLeft.
    void beginAttempt(bool practice, bool resumed);
    void setTimeLeft(std::optional<long long> remainingMs);
    void setChecked(bool checked);

    QPushButton* flagButton() const { return m_flag; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* previousButton() const { return m_previous; }
    QPushButton* checkButton() const { return m_check; }
    QLabel* headerLabel() const { return m_header; }
    QLabel* timeLabel() const { return m_time; }
    QLabel* bannerLabel() const { return m_banner; }
    // Hidden until the clock passes 15 or 5 minutes left.
    QLabel* timeWarningLabel() const { return m_timeWarning; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* abandonButton() const { return m_abandon; }
    QPushButton* endButton() const { return m_end; }

signals:
    void previousRequested();
    void nextRequested();
    void reviewRequested();
    void flagToggled(bool flagged);
    void checkRequested();
    void pauseRequested();
    void abandonRequested();
    void endRequested();

private:
    QLabel* m_banner;
    QPushButton* m_pause;
    QPushButton* m_abandon;
    QPushButton* m_end;
    QLabel* m_header;
    QLabel* m_status;
    QLabel* m_time;
    QLabel* m_timeWarning;
    std::optional<long long> m_lastRemainingMs; // the clock's last reading, to see it pass a warning
    bool m_resumed = false;
    QPushButton* m_flag;
    QuestionView* m_question;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_review;
    QPushButton* m_check;
};

} // namespace mlaprep::gui
