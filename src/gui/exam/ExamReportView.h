#pragma once

#include "exam/ExamReport.h"
#include "gui/exam/ReportHtml.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

// The report after an attempt: the real report's part first, then our figures and the items the filter
// keeps (all, wrong, flagged, unanswered), each with every option's why, its lesson and its docs. Export
// writes the whole report, every item included, as a PDF of as many pages as it takes.
class ExamReportView : public QWidget {
    Q_OBJECT

public:
    ExamReportView(const Bundle& bundle, QWidget* parent = nullptr);

    void showReport(const ExamReport& report, bool practice);
    // Writes the report as a PDF; false (with `error` set) when the file cannot be written. On success
    // the view says where the file went, with a link to its folder.
    bool exportPdf(const QString& path, QString& error);
    // The whole report as it is printed, for the PDF.
    QString printHtml() const;
    QTextBrowser* browser() const { return m_browser; }
    QComboBox* filter() const { return m_filter; }
    QLabel* savedLabel() const { return m_saved; }

signals:
    void backRequested();
    // A lesson link: "note-id" or "note-id#slug".
    void lessonRequested(const QString& noteReference);
    void errorReportRequested(const QString& itemId);
    // The PDF was written: for the status bar.
    void message(const QString& text);

private:
    void chooseAndExport();
    void render();
    void openLink(const QUrl& url);

    const Bundle& m_bundle;
    ExamReport m_report;
    bool m_practice = false;
    QComboBox* m_filter;
    QTextBrowser* m_browser;
    QLabel* m_saved;
};

} // namespace mlaprep::gui
