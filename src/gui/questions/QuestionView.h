#pragma once

#include "content/Answer.h"
#include "content/Question.h"

#include <QWidget>

#include <optional>
#include <set>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace mlaprep::gui {

class OptionRow;

// Shows one scored item of any type and takes the learner's answer, keyboard first: letters A–H pick
// options (single) or toggle them (multi, never more than the number of keys); Alt+Up/Down move a step
// (ordering); a choice per prompt (matching). A case child shows its scenario pinned beside the item. With
// feedback on, every option says why it is right or wrong, followed by the lesson and the references.
// Used by the exam screen and the review screen alike.
class QuestionView : public QWidget {
    Q_OBJECT

public:
    explicit QuestionView(QWidget* parent = nullptr);

    // `optionOrder` is the display order (an attempt's shuffle); empty means the authored order.
    void showQuestion(const Question& question, const std::vector<std::string>& optionOrder,
        const std::optional<Answer>& answer, const Question* caseParent = nullptr);

    // The answer as it stands; none when nothing is chosen.
    std::optional<Answer> currentAnswer() const;
    const Question* question() const { return m_question; }
    const Question* caseParent() const { return m_caseParent; }

    void setFeedbackVisible(bool visible);
    void setReadOnly(bool readOnly);
    // The exam screen's: options can be struck through (right-click, or toggleStrike), and say so in
    // strikeToggled. Off elsewhere, where nothing would keep the marks.
    void setStrikeable(bool strikeable);
    // The options of the item on screen that are struck through; ids of other options are ignored.
    void setStruck(const std::set<std::string>& optionIds);
    // Strikes option `index` (0-based, display order) through, or restores it.
    void toggleStrike(int index);

    // Keyboard entry points, also used by tests: choose option `index` (0-based, display order).
    void chooseOption(int index);
    // Moves the current ordering step up (-1) or down (+1).
    void moveCurrentStep(int delta);
    // The widget that takes the keyboard to answer: the ordering list or the first matching box; null for
    // choices, which answer to letter keys wherever the focus is.
    QWidget* answerFocusWidget() const;

signals:
    void answerChanged();
    void strikeToggled(const QString& optionId, bool struck);

private:
    void clear();
    void buildChoices(const std::optional<Answer>& answer);
    void buildOrdering(const std::optional<Answer>& answer);
    void buildMatching(const std::optional<Answer>& answer);
    void onChoiceToggled(OptionRow* row, bool checked);
    std::vector<std::string> orderingIds() const;
    // "1.  First step", "2.  …": the numbers follow the rows after every move.
    void numberSteps();
    void refreshFeedback();

    const Question* m_question = nullptr;
    const Question* m_caseParent = nullptr;
    std::vector<std::string> m_optionOrder;
    bool m_feedbackVisible = false;
    bool m_readOnly = false;
    bool m_strikeable = false;
    bool m_orderConfirmed = false;

    QLabel* m_scenario;
    QScrollArea* m_scenarioPane;
    QLabel* m_stem;
    QLabel* m_instruction;
    QWidget* m_body;
    QVBoxLayout* m_bodyLayout;
    QLabel* m_feedback;
    std::vector<OptionRow*> m_rows;
    QListWidget* m_orderList = nullptr;
    QPushButton* m_confirmOrder = nullptr;
    std::vector<std::pair<std::string, QComboBox*>> m_matchBoxes;
};

} // namespace mlaprep::gui
