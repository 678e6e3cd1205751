#include "gui/review/ReviewSession.h"

#include "srs/Scheduler.h"

#include <ctime>

namespace mlaprep::gui {

ReviewSession::ReviewSession(StudyService& study)
    : m_study(study)
{
}

Result<bool> ReviewSession::advance()
{
    m_revealed = false;
    m_settled = false;
    m_inferred.reset();
    m_current.reset();
    if (m_mode == Mode::WeakAreas) {
        if (m_weakQueue.empty()) {
            return false;
        }
        auto card = m_study.card(m_weakQueue.front());
        if (!card) {
            return Result<bool>::failure(card.problems());
        }
        m_current = card.value();
        return true;
    }
    auto next = m_study.nextItem();
    if (!next) {
        return Result<bool>::failure(next.problems());
    }
    m_current = next.value();
    return m_current.has_value();
}

bool ReviewSession::canReveal(bool answerGiven) const
{
    return m_current && !m_revealed && (m_current->kind == srs::ItemKind::Card || answerGiven);
}

Result<Changes> ReviewSession::rate(fsrs::Rating rating, std::chrono::milliseconds duration)
{
    if (!canRate()) {
        return Result<Changes>::failure(
            Problem { Severity::Error, "", "", "", "there is no revealed item to rate" });
    }
    return answerCurrent(rating, duration);
}

Result<Changes> ReviewSession::dontKnow(std::chrono::milliseconds duration)
{
    if (!m_current || m_revealed) {
        return Result<Changes>::failure(
            Problem { Severity::Error, "", "", "", "there is no unanswered item to give up on" });
    }
    auto changes = answerCurrent(fsrs::Rating::Again, duration);
    if (changes) {
        m_revealed = true;
        m_settled = true;
    }
    return changes;
}

Result<Changes> ReviewSession::answerCurrent(fsrs::Rating rating, std::chrono::milliseconds duration)
{
    auto changes = m_study.answer(m_current->itemId, rating, duration);
    if (changes && m_mode == Mode::WeakAreas && !m_weakQueue.empty()) {
        m_weakQueue.pop_front();
    }
    return changes;
}

Result<Changes> ReviewSession::act(ItemAction action)
{
    if (!m_current) {
        return Result<Changes>::failure(
            Problem { Severity::Error, "", "", "", "there is no item on screen" });
    }
    auto changes = m_study.act(m_current->itemId, action);
    if (changes && m_mode == Mode::WeakAreas && !m_weakQueue.empty()
        && m_weakQueue.front() == m_current->itemId) {
        m_weakQueue.pop_front();
    }
    return changes;
}

Result<Changes> ReviewSession::undo()
{
    auto changes = m_study.undoLast();
    if (!changes || changes->ids.empty()) {
        return changes;
    }
    auto card = m_study.card(changes->ids.front());
    if (card) {
        if (m_mode == Mode::WeakAreas) {
            m_weakQueue.push_front(card->itemId);
        }
        m_current = card.value();
        m_revealed = false;
        m_settled = false;
        m_inferred.reset();
    }
    return changes;
}

Result<int> ReviewSession::startWeakAreas(int size)
{
    auto session = m_study.weakAreaSession(size);
    if (!session) {
        return Result<int>::failure(session.problems());
    }
    m_weakQueue.assign(session->begin(), session->end());
    m_mode = Mode::WeakAreas;
    return static_cast<int>(m_weakQueue.size());
}

void ReviewSession::stopWeakAreas()
{
    m_weakQueue.clear();
    m_mode = Mode::Daily;
}

const char* ReviewSession::ratingName(fsrs::Rating rating)
{
    switch (rating) {
    case fsrs::Rating::Again:
        return "Again";
    case fsrs::Rating::Hard:
        return "Hard";
    case fsrs::Rating::Good:
        return "Good";
    case fsrs::Rating::Easy:
        break;
    }
    return "Easy";
}

std::string ReviewSession::buttonText(fsrs::Rating rating) const
{
    std::string text = ratingName(rating);
    if (m_current) {
        text += "\n" + m_current->preview[rating].intervalText();
    }
    return text;
}

Result<std::string> ReviewSession::countsText()
{
    auto counts = m_study.counts();
    if (!counts) {
        return Result<std::string>::failure(counts.problems());
    }
    std::string text = "New " + std::to_string(counts->newLeft) + " · Learning "
        + std::to_string(counts->learningLeft) + " · Review " + std::to_string(counts->reviewLeft);
    if (m_mode == Mode::WeakAreas) {
        text += " — weak areas: " + std::to_string(m_weakQueue.size()) + " left";
    }
    return text;
}

std::string ReviewSession::nextDueText()
{
    auto next = m_study.nextDue();
    if (!next || !next.value()) {
        return "Nothing is scheduled yet.";
    }
    const auto due = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::seconds>(*next.value()));
    std::tm local {};
    localtime_r(&due, &local);
    char text[64];
    std::strftime(text, sizeof text, "%a %d %b, %H:%M", &local);
    return "The next item is due " + std::string(text) + ".";
}

} // namespace mlaprep::gui
