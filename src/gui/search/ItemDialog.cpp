#include "gui/search/ItemDialog.h"

#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "gui/common/QtConvert.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/questions/QuestionView.h"
#include "gui/search/ItemStateText.h"
#include "services/BookmarkService.h"
#include "services/ProgressService.h"
#include "session/BundleSnapshot.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mlaprep::gui {

ItemDialog::ItemDialog(
    const BundleSnapshot& snapshot, ProgressService* progress, BookmarkService* bookmarks, QWidget* parent)
    : QDialog(parent)
    , m_bundle(snapshot.bundle())
    , m_index(snapshot.index())
    , m_progress(progress)
    , m_bookmarks(bookmarks)
    , m_header(new QLabel(this))
    , m_state(new QLabel(this))
    , m_card(new QLabel(this))
    , m_questionView(new QuestionView(this))
    , m_checkButton(new QPushButton(this))
    , m_noteButton(new QPushButton(tr("Open &note section"), this))
    , m_bookmarkButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("itemDialog"));
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_state->setWordWrap(true);
    m_card->setWordWrap(true);
    m_card->setTextFormat(Qt::RichText);
    m_card->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_card->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_card->setContentsMargins(8, 8, 8, 8);
    ReadingZoom::follow(m_card);
    m_bookmarkButton->setObjectName(QStringLiteral("itemBookmark"));
    m_bookmarkButton->setToolTip(withShortcut(tr("Bookmark this item"), ShortcutId::BookmarkItem));

    m_checkButton->setObjectName(QStringLiteral("itemCheck"));
    m_checkButton->setToolTip(withShortcut(
        tr("Check your answer and read why each option is right or wrong"), ShortcutId::ItemCheck));
    m_checkButton->setDefault(true);
    registerShortcut(ShortcutId::ItemCheck, this, [this] { m_checkButton->click(); });
    connect(m_checkButton, &QPushButton::clicked, this, [this] { setChecked(!m_checked); });

    // The question view scrolls on its own: inside a second scroll area it would shrink to a strip.
    m_cardScroll = new QScrollArea(this);
    m_cardScroll->setWidgetResizable(true);
    m_cardScroll->setWidget(m_card);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_checkButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_noteButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_bookmarkButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_noteButton, &QPushButton::clicked, this, [this] {
        emit noteRequested(toQString(m_noteRef));
        accept();
    });
    connect(m_bookmarkButton, &QPushButton::clicked, this, &ItemDialog::toggleBookmark);
    auto* report = new QPushButton(tr("&Report this…"), this);
    report->setObjectName(QStringLiteral("itemReportError"));
    report->setToolTip(tr("Report an error in this card or question to the content's authors"));
    buttons->addButton(report, QDialogButtonBox::ActionRole);
    connect(report, &QPushButton::clicked, this,
        [this] { emit errorReportRequested(toQString(m_kind), toQString(m_itemId)); });
    registerShortcut(ShortcutId::BookmarkItem, this, [this] { toggleBookmark(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_state);
    layout->addWidget(m_cardScroll, 1);
    layout->addWidget(m_questionView, 1);
    layout->addWidget(buttons);
    resize(820, 680);
}

bool ItemDialog::showItem(const std::string& itemId)
{
    const Card* card = m_index.card(itemId);
    const auto [question, caseParent] = m_index.scoredItem(itemId);
    if (!card && !question) {
        return false;
    }
    m_itemId = itemId;
    m_kind = card ? "card" : "question";
    const std::string task = card ? card->task : question->task;
    const Task* taskInfo = m_bundle.findTask(task);
    m_header->setText((card ? tr("Card %1") : tr("Question %1")).arg(toQString(itemId))
        + QStringLiteral(" · ") + toQString(task) + QStringLiteral(" ")
        + (taskInfo ? toQString(taskInfo->title) : QString()));
    setWindowTitle(card ? tr("Card") : tr("Question"));
    m_noteRef
        = card ? card->note : (question->note.empty() && caseParent ? caseParent->note : question->note);
    m_noteButton->setVisible(!m_noteRef.empty());

    m_cardScroll->setVisible(card != nullptr);
    m_questionView->setVisible(question != nullptr);
    m_checkButton->setVisible(question != nullptr);
    if (card) {
        m_card->setText(toQString(markdownToHtml(card->front)) + QStringLiteral("<hr>")
            + toQString(markdownToHtml(card->back)));
    } else {
        // Unanswered and open, as in practice: the learner tries it first, then checks.
        m_questionView->showQuestion(*question, {}, std::nullopt, caseParent);
        setChecked(false);
    }
    m_state->setText(tr("Not studied yet."));
    if (m_progress) {
        auto progress = m_progress->itemProgress({ itemId });
        if (progress.ok() && progress->count(itemId)) {
            m_state->setText(itemStateText(progress->at(itemId), m_progress->clock().now()));
        }
    }
    updateBookmark();
    return true;
}

void ItemDialog::setChecked(bool checked)
{
    m_checked = checked;
    m_questionView->setReadOnly(checked);
    m_questionView->setFeedbackVisible(checked);
    m_checkButton->setText(checked ? tr("&Try again") : tr("&Check answer"));
    if (!checked && m_questionView->question()) {
        m_questionView->showQuestion(
            *m_questionView->question(), {}, std::nullopt, m_questionView->caseParent());
        m_questionView->setFocus();
    }
}

void ItemDialog::toggleBookmark()
{
    if (m_bookmarks) {
        m_bookmarks->toggle(m_kind, m_itemId);
        updateBookmark();
        emit bookmarksChanged();
    }
}

void ItemDialog::updateBookmark()
{
    m_bookmarkButton->setVisible(m_bookmarks != nullptr);
    if (!m_bookmarks) {
        return;
    }
    const bool marked = m_bookmarks->isBookmarked(m_kind, m_itemId);
    m_bookmarkButton->setText(marked ? tr("★ Bookmarked") : tr("☆ Bookmark"));
}

} // namespace mlaprep::gui
