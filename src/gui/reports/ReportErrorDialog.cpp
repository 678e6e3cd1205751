#include "gui/reports/ReportErrorDialog.h"

#include "content/Bundle.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/interop/FileChooser.h"
#include "services/ErrorReportService.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlaprep::gui {

ReportErrorDialog::ReportErrorDialog(const Bundle& bundle, ErrorReportService& reports, QWidget* parent)
    : QDialog(parent)
    , m_reports(reports)
    , m_kind(new QComboBox(this))
    , m_item(new QLineEdit(this))
    , m_reason(new QComboBox(this))
    , m_comment(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Report an error"));
    setObjectName(QStringLiteral("reportErrorDialog"));
    m_kind->addItem(tr("Question"), QStringLiteral("question"));
    m_kind->addItem(tr("Card"), QStringLiteral("card"));
    m_kind->addItem(tr("Note"), QStringLiteral("note"));
    m_kind->addItem(tr("Imported card"), QStringLiteral("user-card"));
    QStringList ids;
    for (const auto& note : bundle.notes) {
        ids << toQString(note.id);
    }
    for (const auto& card : bundle.cards) {
        ids << toQString(card.id);
    }
    for (const Question* question : bundle.scoredItems()) {
        ids << toQString(question->id);
    }
    auto* completer = new QCompleter(ids, m_item);
    completer->setFilterMode(Qt::MatchContains);
    m_item->setCompleter(completer);
    m_item->setPlaceholderText(tr("q-1.1-0003, c-2.1-0001, n-1.1-formats …"));
    for (const auto& reason : errorReportReasons()) {
        m_reason->addItem(toQString(reason));
    }
    m_comment->setPlaceholderText(
        tr("What is wrong, and what would be right (with a source if you have one)"));
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&Item"), m_item);
    form->addRow(tr("&Reason"), m_reason);
    form->addRow(tr("&Comment"), m_comment);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save report"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportErrorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportErrorDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 360);
}

void ReportErrorDialog::setItem(const QString& kind, const QString& itemId)
{
    const int index = m_kind->findData(kind);
    if (index >= 0) {
        m_kind->setCurrentIndex(index);
    }
    m_item->setText(itemId);
}

void ReportErrorDialog::accept()
{
    auto stored = m_reports.report(toStdString(m_kind->currentData().toString()),
        toStdString(m_item->text().trimmed()), toStdString(m_reason->currentText()),
        toStdString(m_comment->toPlainText().trimmed()));
    if (!stored) {
        m_error->setText(problemsText(stored.problems()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

ErrorReportsDialog::ErrorReportsDialog(ErrorReportService& reports, QWidget* parent)
    : QDialog(parent)
    , m_reports(reports)
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Error reports"));
    setObjectName(QStringLiteral("errorReportsDialog"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("Item"), tr("Reason"), tr("Comment"), tr("Reported") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* exportMarkdown = new QPushButton(tr("Export &Markdown…"), this);
    auto* exportJson = new QPushButton(tr("Export &JSON…"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    auto* close = new QPushButton(tr("Close"), this);
    connect(exportMarkdown, &QPushButton::clicked, this, [this] {
        const QString path = FileChooser::saveFile(this, tr("Export error reports"),
            QStringLiteral("mlaprep-error-reports.md"), tr("Markdown (*.md)"));
        if (!path.isEmpty()) {
            const QString error = exportTo(path);
            m_status->setText(error.isEmpty() ? tr("Saved %1").arg(path) : error);
        }
    });
    connect(exportJson, &QPushButton::clicked, this, [this] {
        const QString path = FileChooser::saveFile(this, tr("Export error reports"),
            QStringLiteral("mlaprep-error-reports.json"), tr("JSON (*.json)"));
        if (!path.isEmpty()) {
            const QString error = exportTo(path);
            m_status->setText(error.isEmpty() ? tr("Saved %1").arg(path) : error);
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < static_cast<int>(m_ids.size())) {
            auto removed = m_reports.remove(m_ids[static_cast<std::size_t>(row)]);
            if (!removed) {
                m_status->setText(problemsText(removed.problems()));
            }
            reload();
        }
    });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(exportMarkdown);
    buttons->addWidget(exportJson);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(760, 420);
    reload();
}

void ErrorReportsDialog::reload()
{
    m_ids.clear();
    auto reports = m_reports.reports();
    if (!reports) {
        m_status->setText(problemsText(reports.problems()));
        m_table->setRowCount(0);
        return;
    }
    m_table->setRowCount(static_cast<int>(reports->size()));
    int row = 0;
    for (const auto& report : reports.value()) {
        m_ids.push_back(report.id);
        m_table->setItem(row, 0, new QTableWidgetItem(toQString(report.itemKind + " " + report.itemId)));
        m_table->setItem(row, 1, new QTableWidgetItem(toQString(report.reason)));
        m_table->setItem(row, 2, new QTableWidgetItem(toQString(report.comment)));
        m_table->setItem(row, 3,
            new QTableWidgetItem(QDateTime::fromMSecsSinceEpoch(report.createdMs)
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        ++row;
    }
    if (reports->empty()) {
        m_status->setText(tr("No error reports yet. Use File → Report an error… to add one."));
    }
}

QString ErrorReportsDialog::exportTo(const QString& path)
{
    auto reports = m_reports.reports();
    if (!reports) {
        return problemsText(reports.problems());
    }
    const std::string text = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
        ? errorReportsJson(reports.value())
        : errorReportsMarkdown(reports.value());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
        return tr("Could not write %1").arg(path);
    }
    return {};
}

} // namespace mlaprep::gui
