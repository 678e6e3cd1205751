#include "notes/NotesPage.h"

#include "common/QtConvert.h"
#include "content/Bundle.h"
#include "content/MarkdownHtml.h"
#include "notes/NoteStyle.h"
#include "notes/NoteTreeModel.h"
#include "services/NoteService.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <set>

namespace mlaprep::gui {

namespace {

constexpr int SlugRole = Qt::UserRole + 1;

} // namespace

NotesPage::NotesPage(const Bundle& bundle, NoteService* noteService, QWidget* parent)
    : QWidget(parent)
    , m_bundle(bundle)
    , m_noteService(noteService)
    , m_model(new NoteTreeModel(bundle, this))
    , m_treeView(new QTreeView(this))
    , m_noteView(new QTextBrowser(this))
    , m_outline(new QListWidget(this))
{
    m_treeView->setObjectName(QStringLiteral("notesTree"));
    m_treeView->setModel(m_model);
    m_treeView->header()->hide();
    m_treeView->setWordWrap(true);
    m_treeView->expandAll();
    m_treeView->setToolTip(tr("Notes by domain and task statement (Ctrl+T to focus)"));

    m_noteView->setObjectName(QStringLiteral("noteView"));
    m_noteView->setOpenExternalLinks(true);
    m_noteView->setOpenLinks(true);
    m_noteView->setPlaceholderText(tr("Choose a note on the left to start reading."));

    m_outline->setObjectName(QStringLiteral("noteOutline"));
    auto* outlinePane = new QWidget(this);
    auto* outlineLayout = new QVBoxLayout(outlinePane);
    outlineLayout->setContentsMargins(0, 0, 0, 0);
    auto* outlineTitle = new QLabel(tr("Outline"), outlinePane);
    outlineTitle->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px;"));
    outlineLayout->addWidget(outlineTitle);
    outlineLayout->addWidget(m_outline);

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
    connect(m_outline, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { m_noteView->scrollToAnchor(item->data(SlugRole).toString()); });
    connect(m_outline, &QListWidget::itemClicked, this,
        [this](QListWidgetItem* item) { m_noteView->scrollToAnchor(item->data(SlugRole).toString()); });

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
    if (m_noteService) {
        auto changes = m_noteService->markOpened(noteId);
        if (!changes.ok()) {
            emit errorOccurred(toQString(changes.firstError()));
        } else {
            refreshReadMarks();
        }
    }
    return true;
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

    m_outline->clear();
    for (const auto& heading : note->headings) {
        auto* item
            = new QListWidgetItem(QString(static_cast<qsizetype>(heading.level - 1) * 2, QLatin1Char(' '))
                + toQString(heading.text));
        item->setData(SlugRole, toQString(heading.slug));
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
