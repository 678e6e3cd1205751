#pragma once

class QAction;
class QWidget;

namespace mlaprep::gui {

// What a running mock closes: an action marked here is disabled while the window is in exam mode and
// gets back the enabled state it had before (Open bundle stays off in a window that cannot open one).
// Marked: whatever shows answers (Notes, Review, Search, Bookmarks, Export to Anki) or changes what the
// attempt runs on (Open bundle, the importers, Restore, Settings).
void sealInExam(QAction* action);
void setExamSeal(QWidget* window, bool sealed);

} // namespace mlaprep::gui
