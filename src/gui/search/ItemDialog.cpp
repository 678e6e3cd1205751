#include "search/ItemDialog.h"

#include "common/QtConvert.h"
#include "content/Answer.h"
#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "questions/QuestionView.h"
#include "search/ItemStateText.h"
#include "services/BookmarkService.h"
#include "services/ProgressService.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

// The scored question with this id and the case it belongs to (null for a top-level question).
std::pair<const Question*, const Question*> findQuestion(const Bundle& bundle, const std::string& id)
{
    for (const auto& question : bundle.questions) {
        if (question.id == id && !question.isCase()) {
            return { &question, nullptr };
        }
        for (const auto& child : question.items) {
            if (child.id == id) {
                return { &child, &question };
            }
        }
    }
    return { nullptr, nullptr };
}

} // namespace

ItemDialog::ItemDialog(
    const Bundle& bundle, ProgressService* progress, BookmarkService* bookmarks, QWidget* parent)
    : QDialog(parent)
    , m_bundle(bundle)
    , m_progress(progress)
    , m_bookmarks(bookmarks)
    , m_header(new QLabel(this))
    , m_state(new QLabel(this))
    , m_card(new QLabel(this))
    , m_questionView(new QuestionView(this))
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
    m_bookmarkButton->setObjectName(QStringLiteral("itemBookmark"));
    m_bookmarkButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_bookmarkButton->setToolTip(tr("Bookmark this item (Ctrl+D)"));

    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(m_card);
    bodyLayout->addWidget(m_questionView);
    bodyLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(body);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_noteButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_bookmarkButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_noteButton, &QPushButton::clicked, this, [this] {
        emit noteRequested(toQString(m_noteRef));
        accept();
    });
    connect(m_bookmarkButton, &QPushButton::clicked, this, [this] {
        if (m_bookmarks) {
            m_bookmarks->toggle(m_kind, m_itemId);
            updateBookmark();
            emit bookmarksChanged();
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(760, 620);
}

bool ItemDialog::showItem(const std::string& itemId)
{
    const Card* card = nullptr;
    for (const auto& candidate : m_bundle.cards) {
        if (candidate.id == itemId) {
            card = &candidate;
        }
    }
    const auto [question, caseParent] = findQuestion(m_bundle, itemId);
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

    m_card->setVisible(card != nullptr);
    m_questionView->setVisible(question != nullptr);
    if (card) {
        m_card->setText(toQString(markdownToHtml(card->front)) + QStringLiteral("<hr>")
            + toQString(markdownToHtml(card->back)));
    } else {
        m_questionView->showQuestion(*question, {}, keyOf(*question), caseParent);
        m_questionView->setReadOnly(true);
        m_questionView->setFeedbackVisible(true);
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
