#pragma once

#include "services/SearchService.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace mlaprep::gui {

// Ctrl+K anywhere: one line to type in, notes, cards and questions together below it (or one kind of
// them), ranked, each led by its title with the matched words in bold, updated on every keystroke, with
// how many match in all. Up/Down choose, Enter opens the item where it lives, Escape closes.
class SearchDialog : public QDialog {
    Q_OBJECT

public:
    SearchDialog(SearchService& search, QWidget* parent = nullptr);

    void setQuery(const QString& text);
    QLineEdit* queryEdit() const { return m_query; }
    QListWidget* resultList() const { return m_list; }
    QComboBox* kindFilter() const { return m_kind; }
    QLabel* statusLabel() const { return m_status; }
    const std::vector<SearchResult>& results() const { return m_results; }
    // Opens the chosen result (or the first).
    void openCurrent();

signals:
    void openRequested(const mlaprep::SearchResult& result);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();

    SearchService& m_search;
    QLineEdit* m_query;
    QComboBox* m_kind;
    QListWidget* m_list;
    QLabel* m_status;
    std::vector<SearchResult> m_results;
};

// "Parquet \x02columnar\x03" → HTML with the marked words in bold, everything else escaped.
QString highlightedHtml(const std::string& text);

} // namespace mlaprep::gui
