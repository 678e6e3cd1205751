#pragma once

#include <QDialog>

#include <string>

class QLabel;
class QPushButton;

namespace mlaprep {
struct Bundle;
class BookmarkService;
class ProgressService;
} // namespace mlaprep

namespace mlaprep::gui {

class QuestionView;

// A card or a question shown where search and backlinks lead: read-only, with the answer and every
// option's why, the learner's state on it, a bookmark toggle and a link to the note section it cites.
class ItemDialog : public QDialog {
    Q_OBJECT

public:
    ItemDialog(const Bundle& bundle, ProgressService* progress, BookmarkService* bookmarks,
        QWidget* parent = nullptr);

    // False when the bundle has no such card or scored question.
    bool showItem(const std::string& itemId);
    const std::string& itemId() const { return m_itemId; }
    QuestionView* questionView() const { return m_questionView; }
    QLabel* cardLabel() const { return m_card; }

signals:
    // "note-id#slug" or "note-id".
    void noteRequested(const QString& noteRef);
    void bookmarksChanged();

private:
    void updateBookmark();

    const Bundle& m_bundle;
    ProgressService* m_progress;
    BookmarkService* m_bookmarks;
    std::string m_itemId;
    std::string m_kind;
    std::string m_noteRef;
    QLabel* m_header;
    QLabel* m_state;
    QLabel* m_card;
    QuestionView* m_questionView;
    QPushButton* m_noteButton;
    QPushButton* m_bookmarkButton;
};

} // namespace mlaprep::gui
