#pragma once

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;
class QLineEdit;
class QPlainTextEdit;

namespace mlaprep {
struct Bundle;
class ErrorReportService;
} // namespace mlaprep

namespace mlaprep::gui {

// "Report an error": the item (kind and id, completed from the bundle), a reason from the short list and a
// comment. Accepting stores the report through ErrorReportService; a refusal shows inline.
class ReportErrorDialog : public QDialog {
    Q_OBJECT

public:
    ReportErrorDialog(const Bundle& bundle, ErrorReportService& reports, QWidget* parent = nullptr);

    void setItem(const QString& kind, const QString& itemId);
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* itemEdit() const { return m_item; }
    QComboBox* reasonBox() const { return m_reason; }
    QPlainTextEdit* commentEdit() const { return m_comment; }

    void accept() override;

private:
    ErrorReportService& m_reports;
    QComboBox* m_kind;
    QLineEdit* m_item;
    QComboBox* m_reason;
    QPlainTextEdit* m_comment;
    QLabel* m_error;
};

// The stored reports, with export to Markdown or JSON and removal of handled ones.
class ErrorReportsDialog : public QDialog {
    Q_OBJECT

public:
    ErrorReportsDialog(ErrorReportService& reports, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // Writes the reports to `path` (.json → JSON, else Markdown); returns an error message or empty.
    QString exportTo(const QString& path);

private:
    void reload();

    ErrorReportService& m_reports;
    QTableWidget* m_table;
    QLabel* m_status;
    std::vector<long long> m_ids;
};

} // namespace mlaprep::gui
