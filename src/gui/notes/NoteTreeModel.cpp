#include "gui/notes/NoteTreeModel.h"

#include "content/Bundle.h"
#include "gui/common/QtConvert.h"

#include <cmath>

namespace mlaprep::gui {

NoteTreeModel::NoteTreeModel(const Bundle& bundle, QObject* parent)
    : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({ tr("Notes") });
    // Notes bound to no task statement (the exam orientation) come first, above Domain 1.
    for (const Note* note : bundle.notesOfTask({})) {
        appendRow(noteItem(*note));
    }
    for (const auto& domain : bundle.domains) {
        auto* domainItem = new QStandardItem(tr("Domain %1: %2 (%3 %)")
                                                 .arg(toQString(domain.id), toQString(domain.title))
                                                 .arg(std::lround(domain.weight * 100)));
        domainItem->setEditable(false);
        domainItem->setSelectable(false);
        for (const auto& task : domain.tasks) {
            auto* taskItem = new QStandardItem(toQString(task.id + " " + task.title));
            taskItem->setEditable(false);
            taskItem->setSelectable(false);
            taskItem->setToolTip(toQString(task.title));
            m_taskItems[task.id] = taskItem;
            m_taskTitles[task.id] = toQString(task.id + " " + task.title);
            for (const Note* note : bundle.notesOfTask(task.id)) {
                taskItem->appendRow(noteItem(*note));
            }
            domainItem->appendRow(taskItem);
        }
        appendRow(domainItem);
    }
}

QStandardItem* NoteTreeModel::noteItem(const Note& note)
{
    auto* item = new QStandardItem(toQString(note.title));
    item->setEditable(false);
    item->setData(toQString(note.id), NoteIdRole);
    item->setToolTip(tr("Not opened yet"));
    m_noteItems[note.id] = item;
    m_noteTitles[note.id] = toQString(note.title);
    return item;
}

QModelIndex NoteTreeModel::indexOfNote(const std::string& noteId) const
{
    auto it = m_noteItems.find(noteId);
    return it == m_noteItems.end() ? QModelIndex() : it->second->index();
}

void NoteTreeModel::setReadNotes(const std::set<std::string>& noteIds)
{
    for (const auto& [id, item] : m_noteItems) {
        const bool read = noteIds.count(id) > 0;
        item->setText(read ? QStringLiteral("\u2713 ") + m_noteTitles[id] : m_noteTitles[id]);
        item->setToolTip(read ? tr("Read") : tr("Not opened yet"));
    }
}

void NoteTreeModel::setTaskBadges(const std::map<std::string, QString>& badges)
{
    for (const auto& [id, item] : m_taskItems) {
        const auto badge = badges.find(id);
        item->setText(badge == badges.end() ? m_taskTitles[id]
                                            : m_taskTitles[id] + QStringLiteral("\n    ") + badge->second);
        // The whole title and badge, for when the tree is too narrow to show them.
        item->setToolTip(badge == badges.end() ? m_taskTitles[id]
                                               : m_taskTitles[id] + QStringLiteral("\n") + badge->second);
    }
}

} // namespace mlaprep::gui
