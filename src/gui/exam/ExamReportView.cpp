#include "gui/exam/ExamReportView.h"

#include "gui/common/Links.h"
#include "gui/common/Shortcuts.h"
#include "gui/exam/ReportHtml.h"
#include "gui/notes/NoteStyle.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace mlaprep::gui {

ExamReportView::ExamReportView(const Bundle& bundle, QWidget* parent)
    : QWidget(parent)
    , m_bundle(bundle)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setObjectName(QStringLiteral("reportBrowser"));
    routeContentLinks(m_browser);
    auto* exportButton = new QPushButton(tr("Export &PDF…"), this);
    exportButton->setToolTip(withShortcut(tr("Save the score report as a PDF"), ShortcutId::ExportReport));
    registerShortcut(ShortcutId::ExportReport, this, [exportButton] { exportButton->click(); });
    auto* back = new QPushButton(tr("&Back to exams"), this);
    connect(exportButton, &QPushButton::clicked, this, &ExamReportView::chooseAndExport);
    connect(back, &QPushButton::clicked, this, &ExamReportView::backRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addLayout(buttons);
}

void ExamReportView::showReport(const ExamReport& report, bool practice)
{
    m_report = report;
    m_practice = practice;
    m_browser->document()->setDefaultStyleSheet(noteStyleSheet(palette()));
    m_browser->setHtml(reportSummaryHtml(report, practice) + reportItemsHtml(m_bundle, report));
}

bool ExamReportView::exportPdf(const QString& path, QString& error) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(tr("mlaprep score report"));
    writer.setCreator(QStringLiteral("mlaprep"));
    QTextDocument document;
    // Print in dark on light whatever the screen's theme.
    document.setDefaultStyleSheet(noteStyleSheet(QPalette(Qt::black, Qt::white)));
    document.setHtml(reportSummaryHtml(m_report, m_practice));
    document.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        error = tr("Could not write %1.").arg(path);
        return false;
    }
    return true;
}

void ExamReportView::chooseAndExport()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/mlaprep-report.pdf");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export report"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportPdf(path, error)) {
        QMessageBox::warning(this, tr("Export report"), error);
    }
}

} // namespace mlaprep::gui
