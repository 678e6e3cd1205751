#include "gui/notes/NotesPage.h"

#include "session/BundleSnapshot.h"

#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "content/NoteBullets.h"
#include "gui/common/Links.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/common/TextStart.h"
#include "gui/common/Theme.h"
#include "gui/notes/NoteStyle.h"
#include "gui/notes/NoteTreeModel.h"
#include "gui/search/ItemStateText.h"
#include "services/BookmarkService.h"
#include "services/NoteService.h"
#include "services/ProgressService.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>

#include <filesystem>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace mlaprep::gui {

namespace {

constexpr int SlugRole = Qt::UserRole + 1;

} // namespace

NotesPage::NotesPage(const BundleSnapshot& snapshot, NoteService* noteService, QWidget* parent)
    : QWidget(parent)
    , m_bundle(snapshot.bundle())
    , m_index(snapshot.index())
    , m_noteService(noteService)
    , m_model(new NoteTreeModel(m_bundle, this))
    , m_treeView(new QTreeView(this))
    , m_noteView(new QTextBrowser(this))
    , m_outline(new QListWidget(this))
    , m_citedBy(new QListWidget(this))
    , m_bullets(new QListWidget(this))
    , m_bookmark(new QPushButton(this))
{
    m_treeView->setObjectName(QStringLiteral("notesTree"));
    m_treeView->setModel(m_model);
    m_treeView->header()->hide();
    // Each line elides on its own: wrapped, a long task title took the badge's line and hid it.
    m_treeView->setWordWrap(false);
    m_treeView->setTextElideMode(Qt::ElideRight);
    m_treeView->expandAll();
    m_treeView->setToolTip(tr("Notes by domain and task statement (Ctrl+T to focus)"));

    m_noteView->setObjectName(QStringLiteral("noteView"));
    ReadingZoom::follow(m_noteView);
    routeContentLinks(m_noteView, [this](const QString& link) { openRelativeLink(toStdString(link)); });
    m_noteView->setPlaceholderText(tr("Choose a note on the left to start reading."));

    m_outline->setObjectName(QStringLiteral("noteOutline"));
    // Long headings wrap at words instead of running off the pane; each keeps its whole text as a tooltip.
    m_outline->setWordWrap(true);
    m_outline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outlinePane = new QWidget(this);
    auto* outlineLayout = new QVBoxLayout(outlinePane);
    outlineLayout->setContentsMargins(0, 0, 0, 0);
    auto* outlineTitle = new QLabel(tr("Outline"), outlinePane);
    outlineTitle->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px;"));
    m_bookmark->setObjectName(QStringLiteral("noteBookmark"));
    m_bookmark->setToolTip(withShortcut(tr("Bookmark this note"), ShortcutId::BookmarkNote));
    // On the page, not the button: the button's setText would reset a button shortcut.
    registerShortcut(ShortcutId::BookmarkNote, this, [this] { toggleBookmark(); });
    m_bookmark->setVisible(false);
    connect(m_bookmark, &QPushButton::clicked, this, &NotesPage::toggleBookmark);
    outlineLayout->addWidget(m_bookmark);
    outlineLayout->addWidget(outlineTitle);
    outlineLayout->addWidget(m_outline, 1);
    m_bullets->setObjectName(QStringLiteral("noteBullets"));
    m_bullets->setWordWrap(true);
    m_bullets->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_bullets->setToolTip(tr("The exam-guide bullets that the cards and questions citing this note (or the "
                             "section chosen in the outline) train"));
    auto* bulletsTitle = new QLabel(tr("Exam-guide bullets"), outlinePane);
    bulletsTitle->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px;"));
    outlineLayout->addWidget(bulletsTitle);
    outlineLayout->addWidget(m_bullets, 1);
    m_citedBy->setObjectName(QStringLiteral("noteCitedBy"));
    m_citedBy->setWordWrap(true);
    m_citedBy->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_citedBy->setToolTip(
        tr("Cards and questions that cite this note, with your state on each; Enter opens"));
    auto* citedTitle = new QLabel(tr("Cited by"), outlinePane);
    citedTitle->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px;"));
    outlineLayout->addWidget(citedTitle);
    outlineLayout->addWidget(m_citedBy, 2);
    connect(m_citedBy, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString kind = item->data(Qt::UserRole).toString();
        if (!kind.isEmpty()) {
            emit itemRequested(kind, item->data(Qt::UserRole + 1).toString());
        }
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_treeView);
    splitter->addWidget(m_noteView);
    splitter->addWidget(outlinePane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 6);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({ 340, 740, 200 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            const QString id = current.data(NoteTreeModel::NoteIdRole).toString();
            if (!id.isEmpty() && toStdString(id) != m_currentNoteId) {
                openNote(toStdString(id));
            }
        });
    const auto showSection = [this](QListWidgetItem* item) {
        const QString slug = item->data(SlugRole).toString();
        m_noteView->scrollToAnchor(slug);
        refreshBullets(toStdString(slug));
    };
    connect(m_outline, &QListWidget::itemActivated, this, showSection);
    connect(m_outline, &QListWidget::itemClicked, this, showSection);

    refreshReadMarks();
}

bool NotesPage::openNote(const std::string& noteId, const std::string& slug)
{
    const Note* note = m_bundle.findNote(noteId);
    if (!note) {
        return false;
    }
    m_currentNoteId = noteId;
    render();
    m_treeView->setCurrentIndex(m_model->indexOfNote(noteId));
    if (!slug.empty()) {
        m_noteView->scrollToAnchor(toQString(slug));
    }
    refreshCitedBy();
    refreshBullets(slug);
    updateBookmarkButton();
    if (m_noteService) {
        auto changes = m_noteService->markOpened(noteId);
        if (!changes.ok()) {
            emit errorOccurred(problemsText(changes.problems()));
        } else {
            refreshReadMarks();
            emit changed(changes.value());
        }
    }
    return true;
}

int NotesPage::highlightTerms(const QString& query)
{
    QList<QTextEdit::ExtraSelection> marks;
    QTextCharFormat format;
    format.setBackground(isDark(palette()) ? QColor(0x6b, 0x55, 0x12) : QColor(0xff, 0xe5, 0x8f));
    format.setForeground(palette().color(QPalette::Text));
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    for (const QString& word : query.split(separators, Qt::SkipEmptyParts)) {
        if (word.size() < 2) {
            continue;
        }
        QTextCursor cursor(m_noteView->document());
        while (!(cursor = m_noteView->document()->find(word, cursor)).isNull()) {
            marks.append({ cursor, format });
        }
    }
    m_noteView->setExtraSelections(marks);
    return static_cast<int>(marks.size());
}

// A relative link in a note names another note's file, from this note's folder ("2.1.md#slug").
void NotesPage::openRelativeLink(const std::string& link)
{
    const Note* current = m_bundle.findNote(m_currentNoteId);
    if (!current) {
        return;
    }
    const auto hash = link.find('#');
    const std::string target = link.substr(0, std::min(link.find('?'), hash));
    const std::string file
        = (std::filesystem::path(current->file).parent_path() / target).lexically_normal().generic_string();
    for (const auto& note : m_bundle.notes) {
        if (note.file == file) {
            openNote(note.id, hash == std::string::npos ? std::string() : link.substr(hash + 1));
            return;
        }
    }
}

void NotesPage::render()
{
    const Note* note = m_bundle.findNote(m_currentNoteId);
    if (!note) {
        return;
    }
    // The style sheet must be in place before setHtml, or the first render is unstyled.
    m_noteView->document()->setDefaultStyleSheet(noteStyleSheet(palette()));
    m_noteView->setHtml(toQString(markdownToHtml(note->markdown, note->headings)));
    wrapCodeBlocks(m_noteView->document());
    m_noteView->setExtraSelections({});

    m_outline->clear();
    for (const auto& heading : note->headings) {
        auto* item
            = new QListWidgetItem(QString(static_cast<qsizetype>(heading.level - 1) * 2, QLatin1Char(' '))
                + toQString(heading.text));
        item->setData(SlugRole, toQString(heading.slug));
        item->setToolTip(toQString(heading.text));
        m_outline->addItem(item);
    }
}

void NotesPage::refreshReadMarks()
{
    if (!m_noteService) {
        return;
    }
    auto visits = m_noteService->visits();
    if (!visits.ok()) {
        return;
    }
    std::set<std::string> read;
    for (const auto& [id, visit] : visits.value()) {
        read.insert(id);
    }
    m_model->setReadNotes(read);
}

void NotesPage::setStudyLoop(ProgressService* progress, BookmarkService* bookmarks)
{
    m_progress = progress;
    m_bookmarks = bookmarks;
    refreshProgress();
    refreshCitedBy();
    updateBookmarkButton();
}

void NotesPage::refreshProgress()
{
    if (!m_progress) {
        return;
    }
    auto summary = m_progress->summary();
    if (!summary.ok()) {
        return;
    }
    std::map<std::string, QString> badges;
    for (const auto& task : summary->mastery.tasks) {
        QString badge;
        if (task.unseen()) {
            badge = tr("unseen");
        } else {
            badge = tr("%1/%2 cards mastered").arg(task.cardsMastered).arg(task.cards);
            // A percentage of one or two answers reads as a verdict it is not: counts until there are ten.
            if (task.questionAnswers >= 10) {
                badge += tr(" · %1 % right").arg(100 * task.questionCorrect / task.questionAnswers);
            } else if (task.questionAnswers > 0) {
                badge += tr(" · %1 of %2 right").arg(task.questionCorrect).arg(task.questionAnswers);
            } else {
                badge += tr(" · no questions yet");
            }
        }
        badges[task.taskId] = badge;
    }
    m_model->setTaskBadges(badges);
}

void NotesPage::refreshCitedBy()
{
    m_citedBy->clear();
    if (m_currentNoteId.empty()) {
        return;
    }
    const std::vector<Citation>& citations = m_index.citationsOf(m_currentNoteId);
    const auto idOf
        = [](const Citation& citation) { return citation.card ? citation.card->id : citation.question->id; };
    std::map<std::string, ItemProgress> states;
    if (m_progress) {
        std::vector<std::string> ids;
        for (const Citation& citation : citations) {
            ids.push_back(idOf(citation));
        }
        if (auto progress = m_progress->itemProgress(ids); progress.ok()) {
            states = progress.value();
        }
    }
    for (const Citation& citation : citations) {
        const std::string id = idOf(citation);
        const QString kind = citation.card ? QStringLiteral("card") : QStringLiteral("question");
        const std::string& markdown = citation.card ? citation.card->front : citation.question->stem;
        const auto state = states.find(id);
        const QString badge = state == states.end()
            ? QString()
            : QStringLiteral("[") + itemStateBadge(state->second) + QStringLiteral("] ");
        const QString kindText = citation.card ? tr("Card") : tr("Question");
        // Wrapped at words and cut at a word; the whole text is the tooltip.
        auto* item = new QListWidgetItem(
            badge + kindText + QStringLiteral(": ") + plainStart(markdown, 120), m_citedBy);
        item->setData(Qt::UserRole, kind);
        item->setData(Qt::UserRole + 1, toQString(id));
        item->setToolTip(plainStart(markdown, 2000) + QStringLiteral("\n") + toQString(id)
            + (citation.slug.empty() ? QString() : QStringLiteral(" → #") + toQString(citation.slug)));
    }
    if (citations.empty()) {
        auto* item = new QListWidgetItem(tr("No card or question cites this note yet."), m_citedBy);
        item->setFlags(Qt::NoItemFlags);
    }
}

void NotesPage::refreshBullets(const std::string& slug)
{
    m_bullets->clear();
    const auto bullets = bulletsOfNoteSection(m_bundle, m_currentNoteId, slug);
    for (const Bullet* bullet : bullets) {
        auto* item = new QListWidgetItem(toQString(bullet->id + " " + bullet->text), m_bullets);
        item->setToolTip(tr("Task %1").arg(toQString(bullet->taskId)));
    }
    if (bullets.empty()) {
        auto* item = new QListWidgetItem(slug.empty() ? tr("No item citing this note names a bullet.")
                                                      : tr("No item citing this section names a bullet."),
            m_bullets);
        item->setFlags(Qt::NoItemFlags);
    }
}

void NotesPage::updateBookmarkButton()
{
    m_bookmark->setVisible(m_bookmarks != nullptr && !m_currentNoteId.empty());
    if (!m_bookmarks || m_currentNoteId.empty()) {
        return;
    }
    m_bookmark->setText(
        m_bookmarks->isBookmarked("note", m_currentNoteId) ? tr("★ Bookmarked") : tr("☆ Bookmark note"));
}

void NotesPage::toggleBookmark()
{
    if (!m_bookmarks || m_currentNoteId.empty()) {
        return;
    }
    auto changes = m_bookmarks->toggle("note", m_currentNoteId);
    if (!changes.ok()) {
        emit errorOccurred(problemsText(changes.problems()));
    } else {
        emit changed(changes.value());
    }
    updateBookmarkButton();
}

void NotesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && !m_currentNoteId.empty()) {
        const int scroll = m_noteView->verticalScrollBar()->value();
        render();
        m_noteView->verticalScrollBar()->setValue(scroll);
    }
    QWidget::changeEvent(event);
}

} // namespace mlaprep::gui
