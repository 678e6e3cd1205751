#include "gui/MainWindow.h"

#include "content/Bundle.h"
#include "content/BundleIndex.h"
#include "gui/AppController.h"
#include "gui/common/ClockText.h"
#include "gui/common/Design.h"
#include "gui/common/Dialogs.h"
#include "gui/common/ExamSeal.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/common/SidebarDelegate.h"
#include "gui/exam/ExamPage.h"
#include "gui/exam/ExamReportView.h"
#include "gui/exam/ExamStartView.h"
#include "gui/help/ShortcutsDialog.h"
#include "gui/interop/FileChooser.h"
#include "gui/interop/InteropMenu.h"
#include "gui/notes/NotesPage.h"
#include "gui/ProblemsDialog.h"
#include "gui/review/ReviewPage.h"
#include "gui/search/ItemDialog.h"
#include "gui/search/SearchDialog.h"
#include "gui/settings/SettingsDialog.h"
#include "gui/stats/StatsPage.h"
#include "gui/sync/SyncRunner.h"
#include "gui/today/TodayPage.h"
#include "services/BookmarkService.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "session/AppSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace mlaprep::gui {

namespace {

// Data a screen shows goes stale on the Changes that touch it; what is due also moves with the clock, so a
// screen shown after this long is read again even without a change.
constexpr qint64 RefreshAfterMs = 60'000;

bool screenShows(MainWindow::Screen screen, const Changes& changes)
{
    switch (screen) {
    case MainWindow::Screen::Today:
        return changes.studyQueue || changes.exams || changes.settings || changes.noteVisits
            || changes.userCards;
    case MainWindow::Screen::Notes:
        return changes.studyQueue || changes.exams;
    case MainWindow::Screen::Review:
        return changes.studyQueue || changes.settings || changes.userCards;
    case MainWindow::Screen::Exam:
        // The exam screen reads its attempt itself whenever it shows its start view; attempts synced from
        // another device change its history.
        return changes.exams;
    case MainWindow::Screen::Stats:
        return changes.studyQueue || changes.exams || changes.settings;
    }
    return false;
}

} // namespace

MainWindow::MainWindow(AppController& app, QWidget* parent)
    : QMainWindow(parent)
    , m_app(app)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    const Bundle& bundle = m_app.bundle();
    setWindowTitle(bundle.title.empty() ? tr("mlaprep") : toQString(bundle.title) + tr(" — mlaprep"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    // Wide enough for "Review" and its due pill, or "Exam" and "1:58 left".
    m_sidebar->setFixedWidth(22 * design::Grid);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 8px; }"));
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    const std::pair<QString, QString> screens[] = { { tr("Today"), QStringLiteral("today") },
        { tr("Notes"), QStringLiteral("notes") }, { tr("Review"), QStringLiteral("review") },
        { tr("Exam"), QStringLiteral("exam") }, { tr("Stats"), QStringLiteral("stats") } };
    for (const auto& [name, icon] : screens) {
        auto* item = new QListWidgetItem(name, m_sidebar);
        item->setToolTip(withShortcut(name, goToScreen(static_cast<Screen>(m_sidebar->count() - 1))));
        item->setData(SidebarDelegate::IconMaskRole, QStringLiteral(":/screens/%1-48.png").arg(icon));
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        if (row >= 0 && m_rebuildAfterExam && static_cast<Screen>(row) != Screen::Exam
            && !m_examPage->isInExamMode()) {
            m_rebuildAfterExam = false;
            rebuildScreens();
            return;
        }
        if (row >= 0) {
            refreshIfStale(static_cast<Screen>(row));
        }
    });

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildScreens();
    showDueCount();
    connect(&m_app, &AppController::changed, this, &MainWindow::apply);
    buildMenus();
    const BundleCounts counts = countBundle(bundle);
    statusBar()->showMessage(tr("Bundle %1 %2: %3 notes, %4 cards, %5 questions")
                                 .arg(toQString(bundle.id), toQString(bundle.version))
                                 .arg(counts.notes)
                                 .arg(counts.cards)
                                 .arg(counts.scoredItems));
    auto* syncStatus = new QLabel(this);
    syncStatus->setObjectName(QStringLiteral("syncStatus"));
    syncStatus->hide();
    statusBar()->addPermanentWidget(syncStatus);
    connect(&m_app.sync(), &SyncRunner::statusChanged, syncStatus, [this, syncStatus](const QString& line) {
        syncStatus->setText(line);
        syncStatus->setVisible(m_app.sync().enabled());
    });

    const std::string last = m_services.notes->lastOpenedNote();
    if (!m_notesPage->openNote(last) && !bundle.notes.empty()) {
        m_notesPage->openNote(bundle.notes.front().id);
    }
    showScreen(Screen::Today);
    resize(1280, 800);
    QMainWindow::layout()->setSizeConstraint(QLayout::SetNoConstraint);
}

// The Review page's actions, which it enables only while it is on screen (so not during a mock either).
void MainWindow::fillReviewMenu()
{
    if (!m_reviewMenu) {
        return;
    }
    m_reviewMenu->clear();
    m_reviewMenu->addActions(m_reviewPage->menuActions());
}

// Every screen is built over the session's current snapshot and services; a new snapshot (imported
// cards) builds them again, on the screen the learner was on.
void MainWindow::buildScreens()
{
    const int current = std::max(0, m_stack->currentIndex());
    while (m_stack->count() > 0) {
        QWidget* page = m_stack->widget(0);
        m_stack->removeWidget(page);
        page->deleteLater();
    }
    delete m_searchDialog;
    m_searchDialog = nullptr;
    m_services = m_app.services();
    const Bundle& bundle = m_app.bundle();
    m_todayPage = new TodayPage(bundle, m_services, this);
    m_notesPage = new NotesPage(m_app.session().snapshot(), m_services.notes, this);
    m_reviewPage
        = new ReviewPage(m_app.session().snapshot(), *m_services.study, *m_services.parameterFit, this);
    fillReviewMenu();
    m_examPage = new ExamPage(bundle, *m_services.exams, this);
    m_statsPage = new StatsPage(*m_services.stats, this);
    for (QWidget* page :
        std::initializer_list<QWidget*> { m_todayPage, m_notesPage, m_reviewPage, m_examPage, m_statsPage }) {
        m_stack->addWidget(page);
    }
    const auto toStatusBar = [this](const QString& message) { statusBar()->showMessage(message, 15000); };
    connect(m_todayPage, &TodayPage::errorOccurred, this, toStatusBar);
    connect(m_notesPage, &NotesPage::errorOccurred, this, toStatusBar);
    connect(m_reviewPage, &ReviewPage::errorOccurred, this, toStatusBar);
    connect(m_examPage, &ExamPage::errorOccurred, this, toStatusBar);
    connect(m_examPage->reportView(), &ExamReportView::message, this, toStatusBar);
    connect(m_examPage->reportView(), &ExamReportView::lessonRequested, this,
        [this](const QString& reference) { openItem("note", toStdString(reference)); });
    connect(m_examPage->reportView(), &ExamReportView::errorReportRequested, this,
        [this](const QString& itemId) { m_interop->reportErrorOn(QStringLiteral("question"), itemId); });
    connect(m_reviewPage, &ReviewPage::errorReportRequested, this,
        [this](const QString& kind, const QString& itemId) { m_interop->reportErrorOn(kind, itemId); });
    connect(m_statsPage, &StatsPage::errorOccurred, this, toStatusBar);
    connect(
        m_todayPage, &TodayPage::changed, this, [this](const Changes& c) { publishFrom(Screen::Today, c); });
    connect(
        m_notesPage, &NotesPage::changed, this, [this](const Changes& c) { publishFrom(Screen::Notes, c); });
    connect(m_reviewPage, &ReviewPage::changed, this,
        [this](const Changes& c) { publishFrom(Screen::Review, c); });
    connect(m_examPage, &ExamPage::changed, this, [this](const Changes& c) { publishFrom(Screen::Exam, c); });
    connect(m_examPage, &ExamPage::examModeChanged, this, &MainWindow::setExamMode);
    connect(m_examPage, &ExamPage::timeLeftChanged, this, &MainWindow::showMockTimeLeft);
    connectTodayPage();
    m_notesPage->setStudyLoop(m_services.progress, m_services.bookmarks);
    connect(m_notesPage, &NotesPage::itemRequested, this,
        [this](const QString& kind, const QString& id) { openItem(toStdString(kind), toStdString(id)); });
    // Today and Review read their data when built; Notes' badges and Stats' charts wait until first shown.
    m_stale.fill(false);
    m_stale[static_cast<std::size_t>(Screen::Notes)] = true;
    m_stale[static_cast<std::size_t>(Screen::Stats)] = true;
    m_refreshedAtMs.fill(QDateTime::currentMSecsSinceEpoch());
    m_stack->setCurrentIndex(current);
}

void MainWindow::publishFrom(Screen origin, const Changes& changes)
{
    m_publishingScreen = origin;
    m_app.publish(changes);
    m_publishingScreen.reset();
}

// The screen an intent came from has repainted itself; the others are read again when next shown, the
// one on screen at once.
void MainWindow::apply(const Changes& changes)
{
    if (changes.bundle) {
        // Cards a sync brings during a mock, or while its report is read, wait until the learner goes to
        // another screen: rebuilding would take the exam off screen. The screens' services stay alive in
        // the session until then.
        if (m_examPage->isInExamMode() || currentScreen() == Screen::Exam) {
            m_rebuildAfterExam = true;
            return;
        }
        rebuildScreens();
        return;
    }
    for (int row = 0; row < m_stack->count(); ++row) {
        const auto screen = static_cast<Screen>(row);
        if (screen != m_publishingScreen && screenShows(screen, changes)) {
            m_stale[static_cast<std::size_t>(row)] = true;
        }
    }
    if (currentScreen() != m_publishingScreen) {
        refreshIfStale(currentScreen());
    }
    if (changes.studyQueue || changes.settings || changes.userCards) {
        showDueCount();
    }
}

void MainWindow::showDueCount()
{
    QListWidgetItem* review = m_sidebar->item(static_cast<int>(Screen::Review));
    const auto counts = m_services.study->counts();
    const int due = counts.ok() ? counts->total() : 0;
    review->setData(SidebarDelegate::PillTextRole, due > 0 ? QString::number(due) : QString());
    review->setData(SidebarDelegate::PillKindRole, static_cast<int>(SidebarDelegate::Pill::Due));
    review->setToolTip(withShortcut(
        due > 0 ? tr("Review: %1 due today").arg(due) : tr("Review: nothing due"), ShortcutId::GoReview));
}

void MainWindow::showMockTimeLeft(qint64 remainingMs)
{
    QListWidgetItem* exam = m_sidebar->item(static_cast<int>(Screen::Exam));
    const bool running = m_examPage->isInExamMode();
    // "1:58 left": hours and minutes, what a glance at the sidebar needs.
    const QString clock = clockText(remainingMs);
    exam->setData(
        SidebarDelegate::PillTextRole, running ? tr("%1 left").arg(clock.left(clock.size() - 3)) : QString());
    exam->setData(SidebarDelegate::PillKindRole, static_cast<int>(SidebarDelegate::Pill::Clock));
}

void MainWindow::refreshIfStale(Screen screen)
{
    const auto row = static_cast<std::size_t>(screen);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_stale[row] && now - m_refreshedAtMs[row] < RefreshAfterMs) {
        return;
    }
    m_stale[row] = false;
    m_refreshedAtMs[row] = now;
    switch (screen) {
    case Screen::Today:
        m_todayPage->refresh();
        break;
    case Screen::Notes:
        m_notesPage->refreshProgress();
        break;
    case Screen::Review:
        m_reviewPage->refresh();
        break;
    case Screen::Exam:
        m_examPage->refreshHistory();
        break;
    case Screen::Stats:
        m_statsPage->refresh();
        break;
    }
}

void MainWindow::backUpNow()
{
    auto written = m_services.store->backup();
    if (!written.ok()) {
        QMessageBox::warning(this, tr("Back up"), problemsText(written.problems()));
        return;
    }
    statusBar()->showMessage(tr("Backed up to %1").arg(toQString(written.value().string())), 15000);
}

// The store is replaced under the running app, which then closes: every screen holds the old file open.
void MainWindow::restoreBackup()
{
    const auto path = m_services.store->path();
    const QString chosen
        = FileChooser::openFile(this, tr("Restore a backup"), tr("mlaprep backups (*.sqlite)"));
    if (chosen.isEmpty()) {
        return;
    }
    if (!Dialogs::confirm(this, tr("Restore"),
            tr("Put this backup in place of your data file?\n\n%1\n\nYour current file is kept beside it. "
               "mlaprep closes afterwards; start it again to continue.")
                .arg(chosen),
            tr("Restore and close"))) {
        return;
    }
    auto restored = Store::restore(path, toStdString(chosen));
    if (!restored.ok()) {
        QMessageBox::warning(this, tr("Restore"), problemsText(restored.problems()));
        return;
    }
    QMessageBox::information(this, tr("Restore"), tr("The backup was restored. mlaprep closes now."));
    QApplication::closeAllWindows();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* problems = file->addAction(tr("Bundle &problems…"), this, [this] {
        if (!showBundleProblems()) {
            QMessageBox::information(this, tr("Bundle problems"), tr("The content bundle has no problems."));
        }
    });
    problems->setEnabled(true);
    m_interop = new InteropMenu(m_app, this);
    m_interop->setObjectName(QStringLiteral("interopMenu"));
    m_interop->addTo(file);
    m_interop->setCurrentItem([this] { return currentItem(); });
    connect(m_interop, &InteropMenu::message, this,
        [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    file->addSeparator();
    QAction* backUp = file->addAction(tr("&Back up now…"), this, &MainWindow::backUpNow);
    backUp->setObjectName(QStringLiteral("backUpAction"));
    QAction* restore = file->addAction(tr("&Restore…"), this, &MainWindow::restoreBackup);
    restore->setObjectName(QStringLiteral("restoreAction"));
    sealInExam(restore);
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    // QKeySequence::Preferences is empty on Linux desktops, so the table names Ctrl+, itself.
    applyShortcut(settings, ShortcutId::Settings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    sealInExam(settings);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    applyShortcut(quit, ShortcutId::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QAction* action = go->addAction(
            m_sidebar->item(i)->text(), this, [this, i] { showScreen(static_cast<Screen>(i)); });
        applyShortcut(action, goToScreen(static_cast<Screen>(i)));
        if (static_cast<Screen>(i) == Screen::Notes || static_cast<Screen>(i) == Screen::Review) {
            sealInExam(action);
        }
    }
    go->addSeparator();
    QAction* search = go->addAction(tr("&Search…"), this, [this] { openSearch(); });
    // Ctrl+K only: Ctrl+F belongs to the exam's Flag, and one key with two meanings fires neither.
    applyShortcut(search, ShortcutId::Search);
    search->setShortcutContext(Qt::ApplicationShortcut);
    sealInExam(search);
    QAction* bookmarks = go->addAction(tr("&Bookmarks…"), this, [this] { openBookmarks(); });
    applyShortcut(bookmarks, ShortcutId::Bookmarks);
    sealInExam(bookmarks);
    QAction* focusTree = go->addAction(tr("Notes &tree"), this, [this] {
        showScreen(Screen::Notes);
        m_notesPage->treeView()->setFocus();
    });
    applyShortcut(focusTree, ShortcutId::FocusNotesTree);
    sealInExam(focusTree);

    // Alt+I: Alt+V is Review's. The zoom keys work in the question window too, so they are the app's.
    QMenu* view = menuBar()->addMenu(tr("V&iew"));
    const std::pair<QString, ShortcutId> zooms[] = { { tr("&Larger text"), ShortcutId::ZoomIn },
        { tr("&Smaller text"), ShortcutId::ZoomOut }, { tr("&Normal text size"), ShortcutId::ZoomReset } };
    for (const auto& [text, id] : zooms) {
        QAction* zoom = view->addAction(text, this, [id = id] {
            ReadingZoom& reading = ReadingZoom::instance();
            id == ShortcutId::ZoomIn        ? reading.zoomIn()
                : id == ShortcutId::ZoomOut ? reading.zoomOut()
                                            : reading.reset();
        });
        applyShortcut(zoom, id);
        zoom->setShortcutContext(Qt::ApplicationShortcut);
    }

    // Alt+V: Alt+R is the exam's Review all.
    m_reviewMenu = menuBar()->addMenu(tr("Re&view"));
    m_reviewMenu->setObjectName(QStringLiteral("reviewMenu"));
    fillReviewMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    applyShortcut(shortcuts, ShortcutId::Help);
    help->addAction(tr("&About mlaprep"), this, [this] {
        QMessageBox::about(this, tr("About mlaprep"),
            tr("<b>mlaprep</b> — an offline study desk for AWS MLA-C01.<br>Content: %1 (%2).")
                .arg(toQString(m_app.bundle().title).toHtmlEscaped(), toQString(m_app.bundle().version)));
    });
}

void MainWindow::showShortcuts()
{
    if (!m_shortcutsDialog) {
        m_shortcutsDialog = new ShortcutsDialog(this);
    }
    m_shortcutsDialog->filterEdit()->clear();
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
    m_shortcutsDialog->activateWindow();
    m_shortcutsDialog->filterEdit()->setFocus();
}

void MainWindow::openSettings()
{
    if (refusedInExamMode()) {
        return;
    }
    auto* dialog = new SettingsDialog(m_app.bundle(), m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The theme is saved outside the store, so the screens repaint for settings either way.
        Changes saved = dialog->saved();
        saved.settings = true;
        m_app.publish(saved);
    });
    dialog->open();
}

ShortcutId MainWindow::goToScreen(Screen screen)
{
    switch (screen) {
    case Screen::Today:
        return ShortcutId::GoToday;
    case Screen::Notes:
        return ShortcutId::GoNotes;
    case Screen::Review:
        return ShortcutId::GoReview;
    case Screen::Exam:
        return ShortcutId::GoExam;
    case Screen::Stats:
        return ShortcutId::GoStats;
    }
    return ShortcutId::GoToday;
}

void MainWindow::rebuildScreens()
{
    const QString note = toQString(m_notesPage->currentNoteId());
    buildScreens();
    m_notesPage->openNote(toStdString(note));
    showDueCount();
}

void MainWindow::setExamMode(bool inExamMode)
{
    for (const Screen sealed : { Screen::Notes, Screen::Review }) {
        QListWidgetItem* item = m_sidebar->item(static_cast<int>(sealed));
        item->setFlags(inExamMode ? item->flags() & ~Qt::ItemIsEnabled : item->flags() | Qt::ItemIsEnabled);
    }
    setExamSeal(this, inExamMode);
    if (!inExamMode) {
        m_sidebar->item(static_cast<int>(Screen::Exam))->setData(SidebarDelegate::PillTextRole, QString());
    }
    if (m_searchDialog && inExamMode) {
        m_searchDialog->hide();
    }
}

bool MainWindow::refusedInExamMode()
{
    if (!m_examPage || !m_examPage->isInExamMode()) {
        return false;
    }
    statusBar()->showMessage(
        tr("A mock exam is running: Pause, Abandon or End exam to leave it first."), 15000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_examPage && !m_examPage->mayClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce && m_examPage) {
        // After the first show, so that the question has a window to belong to.
        QTimer::singleShot(0, this, [this] {
            if (m_examPage->offerOpenMock()) {
                showScreen(Screen::Exam);
            }
        });
    }
    if (!m_shownOnce) {
        m_app.sync().start();
        // Focus set before the first show is lost on some platforms; the notes tree is where reading starts.
        m_shownOnce = true;
        if (currentScreen() == Screen::Today) {
            m_todayPage->leadingButton()->setFocus();
        } else {
            m_notesPage->treeView()->setFocus();
        }
    }
}

void MainWindow::openSearch()
{
    if (refusedInExamMode()) {
        return;
    }
    if (!m_searchDialog) {
        m_searchDialog = new SearchDialog(*m_services.search, this);
        connect(m_searchDialog, &SearchDialog::openRequested, this, [this](const SearchResult& result) {
            openItem(result.kind == SearchKind::Note  ? "note"
                    : result.kind == SearchKind::Card ? "card"
                                                      : "question",
                result.anchor.empty() ? result.itemId : result.itemId + "#" + result.anchor);
            if (result.kind == SearchKind::Note) {
                m_notesPage->highlightTerms(m_searchDialog->queryEdit()->text());
            }
        });
    }
    m_searchDialog->show();
    m_searchDialog->raise();
    m_searchDialog->activateWindow();
    m_searchDialog->queryEdit()->setFocus();
    m_searchDialog->queryEdit()->selectAll();
}

void MainWindow::openItem(const std::string& kind, const std::string& target)
{
    if (refusedInExamMode()) {
        return;
    }
    if (kind == "note" || kind == "heading") {
        const auto hash = target.find('#');
        const std::string note = target.substr(0, hash);
        const std::string slug = hash == std::string::npos ? std::string() : target.substr(hash + 1);
        if (m_notesPage->openNote(note, slug)) {
            showScreen(Screen::Notes);
        }
        return;
    }
    auto* dialog
        = new ItemDialog(m_app.session().snapshot(), m_services.progress, m_services.bookmarks, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->showItem(target)) {
        delete dialog;
        statusBar()->showMessage(tr("%1 is not in this bundle.").arg(toQString(target)), 15000);
        return;
    }
    connect(dialog, &ItemDialog::noteRequested, this,
        [this](const QString& noteRef) { openItem("note", toStdString(noteRef)); });
    connect(dialog, &ItemDialog::errorReportRequested, m_interop, &InteropMenu::reportErrorOn);
    dialog->open();
    // Keys go to the question at once (A–H, Ctrl+Return), also where the platform does not activate it.
    dialog->activateWindow();
}

void MainWindow::openBookmarks()
{
    auto all = m_services.bookmarks->all();
    if (!all.ok()) {
        statusBar()->showMessage(problemsText(all.problems(), QStringLiteral("; ")), 15000);
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Bookmarks"));
    auto* list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("bookmarkList"));
    for (const auto& bookmark : all.value()) {
        QString title = toQString(bookmark.targetId);
        const BundleIndex& index = m_app.session().index();
        if (const NoteAnchor anchor = index.anchor(bookmark.targetId);
            anchor.note && (bookmark.kind == "note" || bookmark.kind == "heading")) {
            title = toQString(anchor.note->title);
            if (anchor.heading) {
                title += QStringLiteral(" › ") + toQString(anchor.heading->text);
            }
        } else if (const Card* card = index.card(bookmark.targetId)) {
            title = toQString(card->front);
        } else if (const Question* question = index.scoredItem(bookmark.targetId).question) {
            title = toQString(question->stem);
        }
        auto* item = new QListWidgetItem(tr("%1 · %2").arg(toQString(bookmark.kind), title.left(160)), list);
        item->setData(Qt::UserRole, toQString(bookmark.kind));
        item->setData(Qt::UserRole + 1, toQString(bookmark.targetId));
    }
    if (list->count() == 0) {
        auto* item
            = new QListWidgetItem(tr("No bookmarks yet. Bookmark a note with Ctrl+D, or a card or question "
                                     "from its window."),
                list);
        item->setFlags(Qt::NoItemFlags);
    } else {
        list->setCurrentRow(0);
    }
    connect(list, &QListWidget::itemActivated, dialog, [this, dialog](QListWidgetItem* item) {
        const std::string kind = toStdString(item->data(Qt::UserRole).toString());
        const std::string target = toStdString(item->data(Qt::UserRole + 1).toString());
        dialog->accept();
        openItem(kind, target);
    });
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    dialog->resize(640, 420);
    dialog->open();
}

void MainWindow::connectTodayPage()
{
    connect(m_todayPage, &TodayPage::errorOccurred, this,
        [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_todayPage, &TodayPage::startReviewRequested, this, [this] {
        showScreen(Screen::Review);
        m_reviewPage->refresh();
        m_reviewPage->setFocus();
    });
    connect(m_todayPage, &TodayPage::mockRequested, this, [this] {
        showScreen(Screen::Exam);
        if (m_examPage && m_examPage->startView()) {
            m_examPage->startView()->startMockButton()->setFocus();
        }
    });
    connect(m_todayPage, &TodayPage::studyTaskRequested, this, [this](const QString& taskId) {
        const auto notes = m_app.bundle().notesOfTask(toStdString(taskId));
        if (!notes.empty() && m_notesPage->openNote(notes.front()->id)) {
            showScreen(Screen::Notes);
        }
    });
    connect(m_todayPage, &TodayPage::drillTaskRequested, this, [this](const QString& taskId) {
        const auto available
            = static_cast<int>(m_app.session().index().scoredItemsOfTask(toStdString(taskId)).size());
        if (available == 0) {
            statusBar()->showMessage(tr("Task %1 has no questions to drill yet.").arg(taskId), 15000);
            return;
        }
        StartRequest request;
        request.mode = ExamMode::Practice;
        request.timed = false;
        request.seed = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
        request.questions = std::min(10, available);
        request.tasks = { toStdString(taskId) };
        showScreen(Screen::Exam);
        m_examPage->start(request);
    });
}

std::pair<QString, QString> MainWindow::currentItem() const
{
    if (currentScreen() == Screen::Notes && !m_notesPage->currentNoteId().empty()) {
        return { QStringLiteral("note"), toQString(m_notesPage->currentNoteId()) };
    }
    if (currentScreen() == Screen::Review) {
        if (const auto item = m_reviewPage->reportableItem()) {
            return *item;
        }
    }
    if (currentScreen() == Screen::Exam && m_examPage && m_examPage->attempt()
        && !m_examPage->attempt()->items.empty()) {
        const auto& item = m_examPage->attempt()->items[static_cast<std::size_t>(m_examPage->position())];
        return { QStringLiteral("question"), toQString(item.item.itemId) };
    }
    return {};
}

void MainWindow::showScreen(Screen screen)
{
    if ((screen == Screen::Notes || screen == Screen::Review) && refusedInExamMode()) {
        return;
    }
    m_sidebar->setCurrentRow(static_cast<int>(screen));
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return static_cast<Screen>(m_stack->currentIndex());
}

bool MainWindow::showBundleProblems()
{
    const Problems& problems = m_app.session().snapshot().problems();
    if (problems.empty()) {
        return false;
    }
    auto* dialog = new ProblemsDialog(toQString(m_app.bundle().root.string()), problems, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return true;
}

} // namespace mlaprep::gui
