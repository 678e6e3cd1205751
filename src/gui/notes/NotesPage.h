#pragma once

#include <QWidget>

#include <string>

class QListWidget;
class QTextBrowser;
class QTreeView;

namespace mlaprep {
struct Bundle;
struct Note;
class NoteService;
} // namespace mlaprep

namespace mlaprep::gui {

class NoteTreeModel;

// The Notes screen: the Domain → Task → note tree, the rendered note and its outline of headings.
class NotesPage : public QWidget {
    Q_OBJECT

public:
    NotesPage(const Bundle& bundle, NoteService* noteService, QWidget* parent = nullptr);

    // Shows a note, scrolled to `slug` when given ("note-id#slug" links); false when no such note.
    bool openNote(const std::string& noteId, const std::string& slug = {});
    std::string currentNoteId() const { return m_currentNoteId; }

    QTextBrowser* noteView() const { return m_noteView; }
    QTreeView* treeView() const { return m_treeView; }
    QListWidget* outlineView() const { return m_outline; }

signals:
    void errorOccurred(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void refreshReadMarks();

    const Bundle& m_bundle;
    NoteService* m_noteService;
    NoteTreeModel* m_model;
    QTreeView* m_treeView;
    QTextBrowser* m_noteView;
    QListWidget* m_outline;
    std::string m_currentNoteId;
};

} // namespace mlaprep::gui
