#include "gui/common/Shortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QShortcut>
#include <QWidget>

#include <algorithm>
#include <stdexcept>

namespace mlaprep::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Shortcuts", text);
}

QKeySequence ctrl(Qt::Key key)
{
    return QKeySequence(Qt::CTRL | key);
}

QKeySequence alt(Qt::Key key)
{
    return QKeySequence(Qt::ALT | key);
}

QList<QKeySequence> letters(int count, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QList<QKeySequence> keys;
    for (int i = 0; i < count; ++i) {
        keys.append(QKeySequence(modifiers | static_cast<Qt::Key>(Qt::Key_A + i)));
    }
    return keys;
}

std::vector<ShortcutEntry> buildTable()
{
    const QString everywhere = tr("Everywhere");
    const QString notes = tr("Notes");
    const QString question = tr("Question (Review, Exam, question window)");
    const QString exam = tr("Exam and practice");
    const QString review = tr("Review");
    const QString window = tr("Question window (from Search or Cited by)");
    using Id = ShortcutId;
    return {
        { Id::GoToday, { ctrl(Qt::Key_1) }, everywhere, tr("Go to Today") },
        { Id::GoNotes, { ctrl(Qt::Key_2) }, everywhere, tr("Go to Notes") },
        { Id::GoReview, { ctrl(Qt::Key_3) }, everywhere, tr("Go to Review") },
        { Id::GoExam, { ctrl(Qt::Key_4) }, everywhere, tr("Go to Exam") },
        { Id::GoStats, { ctrl(Qt::Key_5) }, everywhere, tr("Go to Stats") },
        { Id::Search, { ctrl(Qt::Key_K) }, everywhere, tr("Search notes, cards and questions") },
        { Id::Bookmarks, { ctrl(Qt::Key_B) }, everywhere, tr("Show your bookmarks") },
        { Id::FocusNotesTree, { ctrl(Qt::Key_T) }, everywhere,
            tr("Focus the notes tree (arrows move, Enter opens)") },
        { Id::Settings, { ctrl(Qt::Key_Comma) }, everywhere, tr("Open Settings") },
        { Id::Quit, { ctrl(Qt::Key_Q) }, everywhere, tr("Quit") },
        { Id::Help, { QKeySequence(Qt::Key_F1) }, everywhere, tr("Show this list of shortcuts") },
        // Ctrl+= too: on most keyboards "+" needs Shift, and Ctrl+Shift+= is not Ctrl++.
        { Id::ZoomIn, { ctrl(Qt::Key_Plus), ctrl(Qt::Key_Equal) }, everywhere,
            tr("Larger text in questions, notes and reports") },
        { Id::ZoomOut, { ctrl(Qt::Key_Minus) }, everywhere,
            tr("Smaller text in questions, notes and reports") },
        { Id::ZoomReset, { ctrl(Qt::Key_0) }, everywhere, tr("Text back to its normal size") },
        { Id::BookmarkNote, { ctrl(Qt::Key_D) }, notes,
            tr("Bookmark the open note, or remove the bookmark") },
        { Id::ChooseOption, letters(8), question,
            tr("Choose option A–H (toggle it when several are asked)") },
        { Id::MoveStep, { alt(Qt::Key_Up), alt(Qt::Key_Down) }, question,
            tr("Move the selected ordering step up or down") },
        { Id::ExamFlag, { ctrl(Qt::Key_F) }, exam, tr("Flag the item for review, or clear the flag") },
        { Id::ExamStrike, letters(8, Qt::ShiftModifier), exam,
            tr("Strike option A–H through to rule it out, or restore it (or right-click the option)") },
        { Id::ExamPrevious, { alt(Qt::Key_P) }, exam, tr("Previous item") },
        { Id::ExamNext, { alt(Qt::Key_N) }, exam, tr("Next item") },
        { Id::ExamReviewAll, { alt(Qt::Key_R) }, exam,
            tr("Review all items (answered, unanswered, flagged) and end from there") },
        { Id::PracticeCheck, { ctrl(Qt::Key_Return) }, exam, tr("Practice: check the answer and read why") },
        { Id::ExportReport, { ctrl(Qt::Key_E) }, tr("Exam report"), tr("Save the score report as a PDF") },
        { Id::ReviewReveal, { QKeySequence(Qt::Key_Space) }, review, tr("Show the answer, or check it") },
        { Id::ReviewRateSuggested, { QKeySequence(Qt::Key_Return) }, review,
            tr("Show the answer; once shown, rate with the suggested rating (or Good)") },
        { Id::ReviewDontKnow, { QKeySequence(Qt::Key_0) }, review,
            tr("I don't know: rate Again and show the answer") },
        { Id::ReviewAgain, { QKeySequence(Qt::Key_1) }, review, tr("Rate Again: you did not know it") },
        { Id::ReviewHard, { QKeySequence(Qt::Key_2) }, review, tr("Rate Hard: recalled with effort") },
        { Id::ReviewGood, { QKeySequence(Qt::Key_3) }, review, tr("Rate Good: recalled") },
        { Id::ReviewEasy, { QKeySequence(Qt::Key_4) }, review, tr("Rate Easy: recalled at once") },
        { Id::ReviewUndo, { QKeySequence(QKeySequence::Undo) }, review,
            tr("Undo the last rating, suspend, bury or reset") },
        // Not A–H (options), W, 0–4, Space or Enter: the keys Review has already. Bury and reset are Anki's.
        { Id::ReviewSuspend, { QKeySequence(Qt::Key_S) }, review,
            tr("Suspend the item: out of every queue until you unsuspend it") },
        { Id::ReviewBury, { QKeySequence(Qt::Key_Minus) }, review, tr("Bury the item until tomorrow") },
        { Id::ReviewReset, { QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N) }, review,
            tr("Reset the item's progress: new again, its review history kept") },
        { Id::ReviewWeakAreas, { QKeySequence(Qt::Key_W) }, review, tr("Start or stop a weak-area session") },
        { Id::ItemCheck, { ctrl(Qt::Key_Return) }, window,
            tr("Check your answer, or try the question again") },
        { Id::BookmarkItem, { ctrl(Qt::Key_D) }, window, tr("Bookmark the card or question, or remove it") },
    };
}

} // namespace

const std::vector<ShortcutEntry>& shortcutTable()
{
    static const std::vector<ShortcutEntry> table = buildTable();
    return table;
}

const ShortcutEntry& shortcutEntry(ShortcutId id)
{
    const auto& table = shortcutTable();
    const auto found = std::find_if(
        table.begin(), table.end(), [id](const ShortcutEntry& entry) { return entry.id == id; });
    if (found == table.end()) {
        throw std::logic_error("a ShortcutId without an entry in the shortcut table");
    }
    return *found;
}

QString shortcutKeysText(ShortcutId id)
{
    const auto& keys = shortcutEntry(id).keys;
    if (keys.isEmpty()) {
        return {};
    }
    const QString first = keys.front().toString(QKeySequence::NativeText);
    if (keys.size() > 2) {
        return first + QStringLiteral("–") + keys.back().toString(QKeySequence::NativeText);
    }
    return keys.size() == 2 ? first + QStringLiteral(" / ") + keys.back().toString(QKeySequence::NativeText)
                            : first;
}

QString withShortcut(const QString& text, ShortcutId id)
{
    return QStringLiteral("%1 (%2)").arg(text, shortcutKeysText(id));
}

std::vector<QShortcut*> registerShortcut(ShortcutId id, QWidget* parent,
    const std::function<void(int index)>& activated, Qt::ShortcutContext context)
{
    std::vector<QShortcut*> created;
    const auto& keys = shortcutEntry(id).keys;
    for (int index = 0; index < keys.size(); ++index) {
        auto* shortcut = new QShortcut(keys[index], parent);
        shortcut->setContext(context);
        shortcut->setProperty(ShortcutIdProperty, static_cast<int>(id));
        QObject::connect(shortcut, &QShortcut::activated, parent, [activated, index] { activated(index); });
        created.push_back(shortcut);
    }
    return created;
}

std::vector<QShortcut*> registerShortcut(
    ShortcutId id, QWidget* parent, const std::function<void()>& activated, Qt::ShortcutContext context)
{
    return registerShortcut(id, parent, std::function<void(int)>([activated](int) { activated(); }), context);
}

void applyShortcut(QAction* action, ShortcutId id)
{
    action->setShortcuts(shortcutEntry(id).keys);
    action->setProperty(ShortcutIdProperty, static_cast<int>(id));
}

} // namespace mlaprep::gui
