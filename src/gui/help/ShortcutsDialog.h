#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace mlaprep::gui {

// F1: every shortcut of the shortcut table, grouped by the screen where it works, with a filter line
// (type "flag" or "ctrl+d"). Built from the same table that registers the keys.
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return m_filter; }
    QTreeWidget* list() const { return m_list; }
    // The number of shortcut rows the filter leaves visible.
    int visibleEntries() const;

private:
    void applyFilter(const QString& text);

    QLineEdit* m_filter;
    QTreeWidget* m_list;
};

} // namespace mlaprep::gui
