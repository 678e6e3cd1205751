#pragma once

#include "common/CalendarDate.h"
#include "services/RealExamService.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QSpinBox;

namespace mlaprep::gui {

// Today's question after the exam date: the real scaled score, or pass or fail when that is all the
// learner knows, or "not sat yet" to move the date. The page records what it is told.
class RealResultBox : public QFrame {
    Q_OBJECT

public:
    RealResultBox(const ExamSpec& exam, QWidget* parent = nullptr);

    // Asks for the result of the exam on `examDate`, which may be `today`.
    void ask(CalendarDate examDate, bool today);
    CalendarDate examDate() const { return m_examDate; }

    QSpinBox* scoreField() const { return m_score; }
    QPushButton* saveScoreButton() const { return m_saveScore; }
    QPushButton* passedButton() const { return m_passed; }
    QPushButton* failedButton() const { return m_failed; }
    QPushButton* notSatButton() const { return m_notSat; }

signals:
    void resultGiven(const mlaprep::RealExamScore& score);
    void moveDateRequested();

private:
    CalendarDate m_examDate;
    QLabel* m_question;
    QSpinBox* m_score;
    QPushButton* m_saveScore;
    QPushButton* m_passed;
    QPushButton* m_failed;
    QPushButton* m_notSat;
};

} // namespace mlaprep::gui
