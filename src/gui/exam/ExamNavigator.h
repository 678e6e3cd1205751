#pragma once

#include "services/ExamService.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace mlaprep::gui {

// The review screen: every item as a numbered tile (answered, unanswered, flagged) with a filter; a tile
// jumps to its item; "End exam" finishes after a confirmation that counts what is left.
class ExamNavigator : public QWidget {
    Q_OBJECT

public:
    explicit ExamNavigator(QWidget* parent = nullptr);

    void setAttempt(const AttemptState& attempt);
    QPushButton* endButton() const { return m_end; }
    QComboBox* filter() const { return m_filter; }
    int visibleTiles() const;

signals:
    void jumpRequested(int position);
    void returnRequested();
    void endRequested();

private:
    void rebuild();

    AttemptState m_attempt;
    QLabel* m_summary;
    QComboBox* m_filter;
    QWidget* m_grid;
    QGridLayout* m_gridLayout;
    QPushButton* m_end;
};

} // namespace mlaprep::gui
