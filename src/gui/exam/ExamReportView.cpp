#include "gui/exam/ExamReportView.h"

#include "gui/common/Design.h"
#include "gui/common/Links.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/interop/FileChooser.h"
#include "gui/notes/NoteStyle.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

// Print in dark on light whatever the screen's theme.
const QPalette& printPalette()
{
    static const QPalette palette(Qt::black, Qt::white);
    return palette;
}

} // namespace

ExamReportView::ExamReportView(const Bundle& bundle, QWidget* parent)
    : QWidget(parent)
    , m_bundle(bundle)
    , m_filter(new QComboBox(this))
    , m_browser(new QTextBrowser(this))
    , m_saved(new QLabel(this))
{
    m_browser->setObjectName(QStringLiteral("reportBrowser"));
    ReadingZoom::follow(m_browser);
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &ExamReportView::openLink);
    m_filter->setObjectName(QStringLiteral("reportFilter"));
    auto* filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    // A filter is about the items: show the list, not the summary above it.
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        render();
        m_browser->scrollToAnchor(QLatin1String(ItemsAnchor));
    });

    m_saved->setObjectName(QStringLiteral("reportSaved"));
    m_saved->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_saved->setWordWrap(true);
    m_saved->hide();
    connect(m_saved, &QLabel::linkActivated, this,
        [](const QString& folder) { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });

    auto* exportButton = new QPushButton(tr("Export &PDF…"), this);
    exportButton->setToolTip(withShortcut(tr("Save the whole report as a PDF"), ShortcutId::ExportReport));
    registerShortcut(ShortcutId::ExportReport, this, [exportButton] { exportButton->click(); });
    auto* back = new QPushButton(tr("&Back to exams"), this);
    connect(exportButton, &QPushButton::clicked, this, &ExamReportView::chooseAndExport);
    connect(back, &QPushButton::clicked, this, &ExamReportView::backRequested);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_saved);
    layout->addLayout(buttons);
}

void ExamReportView::showReport(const ExamReport& report, bool practice)
{
    m_report = report;
    m_practice = practice;
    m_saved->hide();
    const QSignalBlocker quiet(m_filter);
    const int kept = std::max(m_filter->currentIndex(), 0);
    m_filter->clear();
    const std::pair<ReportFilter, QString> filters[] = {
        { ReportFilter::All, tr("All items (%1)") },
        { ReportFilter::Wrong, tr("Wrong (%1)") },
        { ReportFilter::Flagged, tr("Flagged (%1)") },
        { ReportFilter::Unanswered, tr("Unanswered (%1)") },
    };
    for (const auto& [filter, label] : filters) {
        m_filter->addItem(label.arg(countInFilter(report, filter)), static_cast<int>(filter));
    }
    m_filter->setCurrentIndex(kept);
    render();
}

void ExamReportView::render()
{
    const auto filter = static_cast<ReportFilter>(m_filter->currentData().toInt());
    const design::Colours& colours = design::colours(palette());
    m_browser->document()->setDefaultStyleSheet(noteStyleSheet(palette()));
    m_browser->setHtml(reportSummaryHtml(m_report, m_practice, colours)
        + reportItemsHtml(m_bundle, m_report, filter, ReportMedium::Screen, colours));
}

QString ExamReportView::printHtml() const
{
    const design::Colours& colours = design::colours(printPalette());
    return reportSummaryHtml(m_report, m_practice, colours)
        + reportItemsHtml(m_bundle, m_report, ReportFilter::All, ReportMedium::Print, colours);
}

bool ExamReportView::exportPdf(const QString& path, QString& error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(tr("mlaprep score report, attempt %1").arg(m_report.attemptId));
    writer.setCreator(QStringLiteral("mlaprep"));
    QTextDocument document;
    document.setDefaultStyleSheet(noteStyleSheet(printPalette()));
    document.setHtml(printHtml());
    // A document without a page size of its own is laid out on the writer's pages with page numbers.
    document.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        error = tr("Could not write %1.").arg(path);
        return false;
    }
    const QString shown = QDir::toNativeSeparators(path);
    const QString folder = QFileInfo(path).absolutePath();
    m_saved->setText(tr("Report saved to %1 · <a href=\"%2\">Open folder</a>")
                         .arg(shown.toHtmlEscaped(), folder.toHtmlEscaped()));
    m_saved->show();
    emit message(tr("Report saved to %1").arg(shown));
    return true;
}

void ExamReportView::chooseAndExport()
{
    const QString path = FileChooser::saveFile(this, tr("Export report"),
        QStringLiteral("mlaprep-report-%1.pdf").arg(m_report.attemptId), tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportPdf(path, error)) {
        QMessageBox::warning(this, tr("Export report"), error);
    }
}

void ExamReportView::openLink(const QUrl& url)
{
    if (url.scheme() == QLatin1String(LessonLinkScheme)) {
        emit lessonRequested(
            url.path() + (url.hasFragment() ? QStringLiteral("#") + url.fragment() : QString()));
        return;
    }
    if (url.scheme() == QLatin1String(ReportLinkScheme)) {
        emit errorReportRequested(url.path());
        return;
    }
    openContentLink(m_browser, url);
}

} // namespace mlaprep::gui
