#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QShortcut;
class QWidget;

namespace mlaprep::gui {

// Every keyboard shortcut of the app. The table below registers them (registerShortcut, applyShortcut)
// and feeds the F1 list and the tooltips, so what the learner reads cannot drift from what the keys do.
enum class ShortcutId {
    GoToday,
    GoNotes,
    GoReview,
    GoExam,
    GoStats,
    Search,
    Bookmarks,
    FocusNotesTree,
    Settings,
    Quit,
    Help,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    BookmarkNote,
    BookmarkItem,
    ItemCheck,
    ChooseOption,
    MoveStep,
    ExamFlag,
    ExamStrike,
    ExamPrevious,
    ExamNext,
    ExamReviewAll,
    PracticeCheck,
    ExportReport,
    ReviewReveal,
    ReviewRateSuggested,
    ReviewDontKnow,
    ReviewAgain,
    ReviewHard,
    ReviewGood,
    ReviewEasy,
    ReviewUndo,
    ReviewSuspend,
    ReviewBury,
    ReviewReset,
    ReviewWeakAreas,
};

struct ShortcutEntry {
    ShortcutId id;
    // Each key sequence is one shortcut; several mean "the n-th of a range" (A–H pick option n).
    QList<QKeySequence> keys;
    // Where the keys work ("Everywhere", "Exam", …); the F1 list groups by it.
    QString screen;
    QString description;
};

const std::vector<ShortcutEntry>& shortcutTable();
const ShortcutEntry& shortcutEntry(ShortcutId id);

// The keys as the learner reads them: "Ctrl+F", "A–H" for a range, "Alt+Up / Alt+Down" for a pair.
QString shortcutKeysText(ShortcutId id);
// "Flag this item" → "Flag this item (Ctrl+F)".
QString withShortcut(const QString& text, ShortcutId id);

// Creates the shortcuts of `id` on `parent` (Qt::WindowShortcut is active only while `parent` is visible,
// which scopes a page's keys to that page). `activated` gets the index of the key sequence pressed.
std::vector<QShortcut*> registerShortcut(ShortcutId id, QWidget* parent,
    const std::function<void(int index)>& activated, Qt::ShortcutContext context = Qt::WindowShortcut);
std::vector<QShortcut*> registerShortcut(ShortcutId id, QWidget* parent,
    const std::function<void()>& activated, Qt::ShortcutContext context = Qt::WindowShortcut);
// Gives a menu action the keys of `id`.
void applyShortcut(QAction* action, ShortcutId id);

// The property naming the ShortcutId a QShortcut or QAction was registered for (tests, F1).
inline constexpr const char* ShortcutIdProperty = "mlaprepShortcutId";

} // namespace mlaprep::gui
