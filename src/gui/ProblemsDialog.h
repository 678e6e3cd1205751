#pragma once

#include "common/Problem.h"

#include <QDialog>

class QTreeWidget;

namespace mlaprep::gui {

// Lists what was wrong with the bundle (file, item, field, message). The app keeps running with what
// loaded; this only tells the user, or the author, what to fix.
class ProblemsDialog : public QDialog {
    Q_OBJECT

public:
    ProblemsDialog(const QString& bundlePath, const Problems& problems, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list;
};

} // namespace mlaprep::gui
