#pragma once

#include "exam/ExamReport.h"

#include <QWidget>

class QTextBrowser;

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

// The report after an attempt: the real report's part first, then our figures and every item with its
// lesson. Export writes the summary as a PDF of one or two pages.
class ExamReportView : public QWidget {
    Q_OBJECT

public:
    ExamReportView(const Bundle& bundle, QWidget* parent = nullptr);

    void showReport(const ExamReport& report, bool practice);
    // Writes the summary as a PDF; false (with `error` set) when the file cannot be written.
    bool exportPdf(const QString& path, QString& error) const;
    QTextBrowser* browser() const { return m_browser; }

signals:
    void backRequested();

private:
    void chooseAndExport();

    const Bundle& m_bundle;
    ExamReport m_report;
    bool m_practice = false;
    QTextBrowser* m_browser;
};

} // namespace mlaprep::gui
