#include "search/SearchDialog.h"

#include "common/QtConvert.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

QString kindLabel(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Note:
        return QCoreApplication::translate("SearchDialog", "Note");
    case SearchKind::Card:
        return QCoreApplication::translate("SearchDialog", "Card");
    case SearchKind::Question:
        return QCoreApplication::translate("SearchDialog", "Question");
    }
    return {};
}

} // namespace

QString highlightedHtml(const std::string& text)
{
    QString html;
    std::string plain;
    const auto flush = [&] {
        html += toQString(plain).toHtmlEscaped();
        plain.clear();
    };
    for (const char c : text) {
        if (c == '\x02') {
            flush();
            html += QStringLiteral("<b><u>");
        } else if (c == '\x03') {
            flush();
            html += QStringLiteral("</u></b>");
        } else if (c == '\n' || c == '\r' || c == '\t') {
            plain += ' ';
        } else {
            plain += c;
        }
    }
    flush();
    return html;
}

SearchDialog::SearchDialog(SearchService& search, QWidget* parent)
    : QDialog(parent)
    , m_search(search)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Search"));
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search notes, cards and questions…"));
    m_query->setClearButtonEnabled(true);
    QFont big = m_query->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_query->setFont(big);
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setAlternatingRowColors(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_status->setText(tr("Type to search. ↑↓ choose · Enter opens · Esc closes"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    resize(760, 560);

    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &SearchDialog::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchDialog::openCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this] { openCurrent(); });
}

void SearchDialog::setQuery(const QString& text)
{
    m_query->setText(text);
    runSearch();
}

void SearchDialog::runSearch()
{
    m_list->clear();
    m_results.clear();
    const QString text = m_query->text();
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("Type to search. ↑↓ choose · Enter opens · Esc closes"));
        return;
    }
    auto results = m_search.search(toStdString(text));
    if (!results.ok()) {
        m_status->setText(toQString(results.firstError()));
        return;
    }
    m_results = results.value();
    for (const auto& result : m_results) {
        auto* item = new QListWidgetItem(m_list);
        auto* label = new QLabel(m_list);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setContentsMargins(6, 4, 6, 4);
        const QString where
            = toQString(result.anchor.empty() ? result.itemId : result.itemId + "#" + result.anchor);
        label->setText(QStringLiteral("<span style='font-size:small'>%1 · %2</span><br>%3<br>"
                                      "<span style='font-size:small'>%4</span>")
                           .arg(kindLabel(result.kind), where.toHtmlEscaped(), highlightedHtml(result.title),
                               highlightedHtml(result.snippet)));
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        item->setSizeHint(QSize(0, label->heightForWidth(m_list->viewport()->width() - 8) + 2));
        m_list->setItemWidget(item, label);
    }
    if (!m_results.empty()) {
        m_list->setCurrentRow(0);
    }
    m_status->setText(m_results.empty()
            ? tr("Nothing matches “%1”.").arg(text)
            : tr("%n result(s) · ↑↓ choose · Enter opens", nullptr, static_cast<int>(m_results.size())));
}

void SearchDialog::openCurrent()
{
    const int row = m_list->currentRow() >= 0 ? m_list->currentRow() : 0;
    if (row < 0 || row >= static_cast<int>(m_results.size())) {
        return;
    }
    const SearchResult chosen = m_results[static_cast<std::size_t>(row)];
    accept();
    emit openRequested(chosen);
}

bool SearchDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown
            || key->key() == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace mlaprep::gui
