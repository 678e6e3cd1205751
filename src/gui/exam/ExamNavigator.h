#pragma once

#include "services/ExamService.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace mlaprep::gui {

// The review screen: a progress bar of answered items, then every item as a numbered tile coloured by its
// state (answered, flagged, the current one, unanswered) with a filter; a tile jumps to its item; "End
// exam" finishes after a confirmation that counts what is left.
class ExamNavigator : public QWidget {
    Q_OBJECT

public:
    explicit ExamNavigator(QWidget* parent = nullptr);

    void setAttempt(const AttemptState& attempt);
    QPushButton* endButton() const { return m_end; }
    QComboBox* filter() const { return m_filter; }
    int visibleTiles() const;
    QProgressBar* progress() const { return m_progress; }
    // The tile of item `position` (0-based); null when the filter hides it.
    QToolButton* tile(int position) const;

signals:
    void jumpRequested(int position);
    void returnRequested();
    void endRequested();

private:
    void rebuild();

    AttemptState m_attempt;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QComboBox* m_filter;
    QWidget* m_grid;
    QGridLayout* m_gridLayout;
    QPushButton* m_end;
};

} // namespace mlaprep::gui
