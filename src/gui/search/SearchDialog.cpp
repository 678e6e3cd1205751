#include "gui/search/SearchDialog.h"

#include "gui/common/Plural.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
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

// Enough to scan on one screen; the status line says how many more there are.
constexpr int ResultLimit = 40;

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
    , m_kind(new QComboBox(this))
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
    m_kind->setObjectName(QStringLiteral("searchKind"));
    m_kind->addItem(tr("Everything"));
    m_kind->addItem(tr("Notes"), static_cast<int>(SearchKind::Note));
    m_kind->addItem(tr("Cards"), static_cast<int>(SearchKind::Card));
    m_kind->addItem(tr("Questions"), static_cast<int>(SearchKind::Question));
    m_kind->setToolTip(tr("Search one kind only"));
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setAlternatingRowColors(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_status->setText(tr("Type to search. ↑↓ choose · Enter opens · Esc closes"));

    auto* top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(m_query, 1);
    top->addWidget(m_kind);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    resize(760, 560);

    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &SearchDialog::runSearch);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SearchDialog::runSearch);
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
    const QVariant kindData = m_kind->currentData();
    const std::optional<SearchKind> kind
        = kindData.isValid() ? std::optional(static_cast<SearchKind>(kindData.toInt())) : std::nullopt;
    auto results = m_search.search(toStdString(text), ResultLimit, kind);
    auto total = m_search.countMatches(toStdString(text), kind);
    if (!results.ok() || !total.ok()) {
        m_status->setText(problemsText(results.ok() ? total.problems() : results.problems()));
        return;
    }
    m_results = results.value();
    for (const auto& result : m_results) {
        auto* item = new QListWidgetItem(m_list);
        auto* label = new QLabel(m_list);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setContentsMargins(6, 4, 6, 4);
        // The title leads; the kind follows in small type; a note section adds the words around the match.
        QString html = QStringLiteral("<span style='font-size:large'>%1</span><br>"
                                      "<span style='font-size:small; color:%3'>%2</span>")
                           .arg(highlightedHtml(result.title), kindLabel(result.kind),
                               palette().color(QPalette::PlaceholderText).name());
        if (!result.snippet.empty()) {
            html += QStringLiteral("<br>%1").arg(highlightedHtml(result.snippet));
        }
        label->setText(html);
        item->setToolTip(
            toQString(result.anchor.empty() ? result.itemId : result.itemId + "#" + result.anchor));
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        item->setSizeHint(QSize(0, label->heightForWidth(m_list->viewport()->width() - 8) + 2));
        m_list->setItemWidget(item, label);
    }
    if (!m_results.empty()) {
        m_list->setCurrentRow(0);
    }
    m_status->setText(m_results.empty() ? tr("Nothing matches “%1”.").arg(text)
            : total.value() > static_cast<int>(m_results.size())
            ? tr("The best %1 of %2 results · ↑↓ choose · Enter opens")
                  .arg(m_results.size())
                  .arg(total.value())
            : countOf(total.value(), tr("result"), tr("results")) + tr(" · ↑↓ choose · Enter opens"));
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
