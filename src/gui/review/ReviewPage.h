#pragma once

#include "gui/review/ReviewSession.h"
#include "services/Changes.h"

#include <QElapsedTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <utility>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace mlaprep {
class BundleIndex;
class BundleSnapshot;
class ParameterFitService;
class StudyService;
} // namespace mlaprep

namespace mlaprep::gui {

class QuestionView;

// The Review screen: one item at a time from today's queue (or a weak-area session), cards and
// questions mixed. Space reveals (for a question: checks the answer and shows every option's why, once
// an answer is chosen); 1–4 rate, each button showing its next interval; Enter takes the rating
// inferred for a question; 0 is "I don't know" (rates Again and shows the answer; Space goes on);
// S suspends the item, - buries it until tomorrow, Ctrl+Alt+N resets its progress (buttons and the
// Review menu too); Ctrl+Z undoes the last rating or any of those.
class ReviewPage : public QWidget {
    Q_OBJECT

public:
    ReviewPage(const BundleSnapshot& snapshot, StudyService& study, ParameterFitService& parameterFit,
        QWidget* parent = nullptr);

    // Reloads the queue (after a change elsewhere, e.g. an exam finished).
    void refresh();
    ReviewSession& session() { return m_session; }

    void reveal();
    void rate(fsrs::Rating rating);
    void dontKnow();
    void undo();
    void act(ItemAction action);
    void startWeakAreas();
    // Suspend, bury, reset and undo, for the main window's Review menu; their keys work on this page.
    QList<QAction*> menuActions() const;
    void optimiseParameters();
    // The kind ("card", "user-card", "question") and id of the item on screen, for Report an error.
    std::optional<std::pair<QString, QString>> reportableItem() const;

signals:
    // What an intent on this screen changed, for the other screens (AppController::publish).
    void changed(const mlaprep::Changes& changes);
    void errorOccurred(const QString& message);
    void errorReportRequested(const QString& kind, const QString& itemId);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showCurrent();
    void updateCounts();
    void updateButtons();
    void report(const Problems& problems);

    const BundleIndex& m_index;
    StudyService& m_study;
    ParameterFitService& m_parameterFit;
    ReviewSession m_session;
    // Scored questions by id, with the case they belong to (null for top-level questions).
    QElapsedTimer m_shownFor;

    QLabel* m_countsLabel;
    QPushButton* m_weakButton;
    QPushButton* m_optimiseButton;
    QLabel* m_itemLabel;
    QStackedWidget* m_stack;
    QTextBrowser* m_cardView;
    QuestionView* m_questionView;
    QWidget* m_emptyPage;
    QLabel* m_emptyTitle;
    QLabel* m_emptyDetail;
    QLabel* m_hintLabel;
    QPushButton* m_revealButton;
    QPushButton* m_dontKnowButton;
    QWidget* m_ratingBar;
    std::array<QPushButton*, 4> m_ratingButtons {};
    QAction* m_suspendAction;
    QAction* m_buryAction;
    QAction* m_resetAction;
    QAction* m_undoAction;
};

} // namespace mlaprep::gui
