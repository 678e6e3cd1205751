#pragma once

#include "common/Result.h"
#include "services/Changes.h"
#include "services/StudyService.h"

#include <chrono>
#include <deque>
#include <optional>
#include <string>

namespace mlaprep::gui {

// What the Review screen shows and may do, decided outside the widget (house rule 11): the current
// item, whether its answer is revealed, the rating inferred for a question, the button and count texts.
// Plain C++ over StudyService, so the decisions are the same whatever draws them.
class ReviewSession {
public:
    enum class Mode { Daily, WeakAreas };

    explicit ReviewSession(StudyService& study);

    // Loads the next item of the current mode; empty current() when nothing is left.
    Result<bool> advance();
    const std::optional<StudyCard>& current() const { return m_current; }
    bool revealed() const { return m_revealed; }
    // The current item is rated already ("I don't know") and stays on screen with its answer until
    // the learner moves on.
    bool settled() const { return m_settled; }
    Mode mode() const { return m_mode; }
    int weakAreaLeft() const { return static_cast<int>(m_weakQueue.size()); }

    // A question is checked only once it has an answer: a key pressed by habit must not turn an
    // unanswered question into a rated one. A card's answer is always there to show.
    bool canReveal(bool answerGiven) const;
    void reveal() { m_revealed = true; }
    // Rating needs the answer shown, and an item that is settled has its rating.
    bool canRate() const { return m_current && m_revealed && !m_settled; }
    // For a question: the rating its answer implies (correct, flagged, time taken); shown preselected.
    void setInferredRating(std::optional<fsrs::Rating> rating) { m_inferred = rating; }
    std::optional<fsrs::Rating> inferredRating() const { return m_inferred; }

    Result<Changes> rate(fsrs::Rating rating, std::chrono::milliseconds duration);
    // "I don't know": rates the unrevealed item Again, shows its answer and settles it.
    Result<Changes> dontKnow(std::chrono::milliseconds duration);
    // Suspends, buries or resets the current item (StudyService::act); the caller then advances.
    Result<Changes> act(ItemAction action);
    // Undoes the newest rating or action and shows its item again.
    Result<Changes> undo();

    // Starts a weak-area session of up to `size` items; returns how many it holds.
    Result<int> startWeakAreas(int size);
    void stopWeakAreas();

    // "Good\n10m": the rating's name and the current item's next interval for it.
    std::string buttonText(fsrs::Rating rating) const;
    static const char* ratingName(fsrs::Rating rating);
    // "New 8 · Learning 1 · Review 12" (plus the weak-area items left in that mode).
    Result<std::string> countsText();
    // The empty state's second line: when the next item is due.
    std::string nextDueText();

private:
    Result<Changes> answerCurrent(fsrs::Rating rating, std::chrono::milliseconds duration);

    StudyService& m_study;
    Mode m_mode = Mode::Daily;
    std::deque<std::string> m_weakQueue;
    std::optional<StudyCard> m_current;
    bool m_revealed = false;
    bool m_settled = false;
    std::optional<fsrs::Rating> m_inferred;
};

} // namespace mlaprep::gui
