#pragma once

#include <QStandardItemModel>

#include <map>
#include <set>
#include <string>

namespace mlaprep {
struct Bundle;
struct Note;
} // namespace mlaprep

namespace mlaprep::gui {

// Domain → task statement → note, as the bundle declares them, after the notes bound to no task (the exam
// orientation) at the top. Note rows carry their id in NoteIdRole and show a check mark once the learner
// has opened them.
class NoteTreeModel : public QStandardItemModel {
    Q_OBJECT

public:
    static constexpr int NoteIdRole = Qt::UserRole + 1;

    explicit NoteTreeModel(const Bundle& bundle, QObject* parent = nullptr);

    QModelIndex indexOfNote(const std::string& noteId) const;
    void setReadNotes(const std::set<std::string>& noteIds);
    // Progress per task statement ("12/40 cards mastered · 70 % right", "unseen"), shown after its title.
    void setTaskBadges(const std::map<std::string, QString>& badges);

private:
    QStandardItem* noteItem(const Note& note);

    std::map<std::string, QStandardItem*> m_noteItems;
    std::map<std::string, QString> m_noteTitles;
    std::map<std::string, QStandardItem*> m_taskItems;
    std::map<std::string, QString> m_taskTitles;
};

} // namespace mlaprep::gui
