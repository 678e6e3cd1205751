#pragma once

#include "services/Changes.h"
#include <QWidget>

#include <string>

class QListWidget;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace mlaprep {
struct Bundle;
class BundleIndex;
class BundleSnapshot;
struct Note;
class NoteService;
class ProgressService;
class BookmarkService;
} // namespace mlaprep

namespace mlaprep::gui {

class NoteTreeModel;

// The Notes screen: the Domain → Task → note tree, the rendered note, its outline of headings, the
// exam-guide bullets the note (or the chosen section) trains and the items that cite it.
class NotesPage : public QWidget {
    Q_OBJECT

public:
    NotesPage(const BundleSnapshot& snapshot, NoteService* noteService, QWidget* parent = nullptr);

    // Shows a note, scrolled to `slug` when given ("note-id#slug" links); false when no such note.
    bool openNote(const std::string& noteId, const std::string& slug = {});
    // Marks every occurrence of the words of `query` in the open note (search's words, prefixes too);
    // opening another note clears the marks. Returns how many places were marked.
    int highlightTerms(const QString& query);
    std::string currentNoteId() const { return m_currentNoteId; }

    QTextBrowser* noteView() const { return m_noteView; }
    void openRelativeLink(const std::string& link);
    QTreeView* treeView() const { return m_treeView; }
    QListWidget* outlineView() const { return m_outline; }
    QListWidget* citedByView() const { return m_citedBy; }
    // The exam-guide bullets of the note, or of the section last chosen in the outline.
    QListWidget* bulletsView() const { return m_bullets; }
    QPushButton* bookmarkButton() const { return m_bookmark; }

    // Turns on the study-loop parts: the cards and questions citing the note with the learner's state,
    // progress badges in the tree, and the bookmark toggle (Ctrl+D). Either may be null.
    void setStudyLoop(ProgressService* progress, BookmarkService* bookmarks);
    void refreshProgress();
    void toggleBookmark();

signals:
    // What an intent on this screen changed, for the other screens (AppController::publish).
    void changed(const mlaprep::Changes& changes);
    void errorOccurred(const QString& message);
    // A citing card or question was chosen ("card" or "question", its id).
    void itemRequested(const QString& kind, const QString& itemId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void refreshReadMarks();
    void refreshCitedBy();
    void refreshBullets(const std::string& slug);
    void updateBookmarkButton();

    const Bundle& m_bundle;
    const BundleIndex& m_index;
    NoteService* m_noteService;
    NoteTreeModel* m_model;
    QTreeView* m_treeView;
    QTextBrowser* m_noteView;
    QListWidget* m_outline;
    std::string m_currentNoteId;
    ProgressService* m_progress = nullptr;
    BookmarkService* m_bookmarks = nullptr;
    QListWidget* m_citedBy;
    QListWidget* m_bullets;
    QPushButton* m_bookmark;
};

} // namespace mlaprep::gui
