#pragma once

#include <QDialog>

#include <string>

class QLabel;
class QPushButton;
class QScrollArea;

namespace mlaprep {
struct Bundle;
class BundleIndex;
class BundleSnapshot;
class BookmarkService;
class ProgressService;
} // namespace mlaprep

namespace mlaprep::gui {

class QuestionView;

// A card or a question shown where search and backlinks lead, with the learner's state on it, a bookmark
// toggle and a link to the note section it cites. A question opens unanswered: the learner answers it,
// checks (Ctrl+Return) and reads every option's why, then may try again. Nothing here is recorded.
class ItemDialog : public QDialog {
    Q_OBJECT

public:
    ItemDialog(const BundleSnapshot& snapshot, ProgressService* progress, BookmarkService* bookmarks,
        QWidget* parent = nullptr);

    // False when the bundle has no such card or scored question.
    bool showItem(const std::string& itemId);
    const std::string& itemId() const { return m_itemId; }
    QuestionView* questionView() const { return m_questionView; }
    QLabel* cardLabel() const { return m_card; }
    QPushButton* checkButton() const { return m_checkButton; }

signals:
    // "note-id#slug" or "note-id".
    void noteRequested(const QString& noteRef);
    void bookmarksChanged();
    // "Report this…": Report an error with this item's kind and id filled in.
    void errorReportRequested(const QString& kind, const QString& itemId);

private:
    void updateBookmark();
    void toggleBookmark();
    // Checked: options locked, the verdict and every option's why shown; unchecked: a fresh attempt.
    void setChecked(bool checked);

    const Bundle& m_bundle;
    const BundleIndex& m_index;
    ProgressService* m_progress;
    BookmarkService* m_bookmarks;
    std::string m_itemId;
    std::string m_kind;
    std::string m_noteRef;
    QLabel* m_header;
    QLabel* m_state;
    QLabel* m_card;
    QuestionView* m_questionView;
    QScrollArea* m_cardScroll = nullptr;
    QPushButton* m_checkButton;
    bool m_checked = false;
    QPushButton* m_noteButton;
    QPushButton* m_bookmarkButton;
};

} // namespace mlaprep::gui
