#include "gui/ProblemsDialog.h"

#include "gui/common/Plural.h"
#include "gui/common/QtConvert.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlaprep::gui {

ProblemsDialog::ProblemsDialog(const QString& bundlePath, const Problems& problems, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Problems in the content bundle"));
    int errors = 0;
    for (const auto& problem : problems) {
        errors += problem.isError() ? 1 : 0;
    }
    auto* summary = new QLabel(
        tr("%1 has %2 and %3. Everything that loaded is available; items with errors may be missing.")
            .arg(bundlePath, countOf(errors, tr("error"), tr("errors")),
                countOf(static_cast<int>(problems.size()) - errors, tr("warning"), tr("warnings"))),
        this);
    summary->setWordWrap(true);

    m_list->setHeaderLabels({ tr("Severity"), tr("File"), tr("Item"), tr("Field"), tr("Message") });
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    for (const auto& problem : problems) {
        auto* row = new QTreeWidgetItem(m_list);
        row->setText(0, problem.isError() ? tr("Error") : tr("Warning"));
        row->setText(1, toQString(problem.file));
        row->setText(2, toQString(problem.itemId));
        row->setText(3, toQString(problem.field));
        row->setText(4, toQString(problem.message));
        row->setToolTip(4, toQString(problem.message));
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("Copy all"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [problems] {
        QString text;
        for (const auto& problem : problems) {
            text += toQString(formatProblem(problem)) + QLatin1Char('\n');
        }
        QApplication::clipboard()->setText(text);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace mlaprep::gui
