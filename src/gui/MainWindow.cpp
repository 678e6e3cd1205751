#include "MainWindow.h"

#include "common/QtConvert.h"
#include "content/Bundle.h"
#include "exam/ExamPage.h"
#include "notes/NotesPage.h"
#include "PlaceholderPage.h"
#include "ProblemsDialog.h"
#include "review/ReviewPage.h"
#include "services/NoteService.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>

namespace mlaprep::gui {

MainWindow::MainWindow(
    const Bundle& bundle, const Problems& bundleProblems, AppServices services, QWidget* parent)
    : QMainWindow(parent)
    , m_bundle(bundle)
    , m_bundleProblems(bundleProblems)
    , m_services(services)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_notesPage(new NotesPage(bundle, services.notes, this))
{
    setWindowTitle(bundle.title.empty() ? tr("mlaprep") : toQString(bundle.title) + tr(" — mlaprep"));

    const struct {
        QString name;
        QWidget* page;
    } screens[] = {
        { tr("Today"),
            new PlaceholderPage(tr("Today"),
                tr("Days to your exam, today's review queue, a readiness estimate and "
                   "your weakest task statement, with one key to start studying."),
                this) },
        { tr("Notes"), m_notesPage },
        { tr("Review"),
            services.study ? static_cast<QWidget*>(new ReviewPage(bundle, *services.study, this)) :
            new PlaceholderPage(tr("Review"),
                tr("Flashcards and questions from the FSRS spaced-repetition queue: "
                   "Space reveals, 1–4 rates."),
                this) },
        { tr("Exam"),
            services.exams ? static_cast<QWidget*>(m_examPage = new ExamPage(bundle, *services.exams, this)) :
            new PlaceholderPage(tr("Exam"),
                tr("Timed 65-question mock exams on the 28/26/22/24 blueprint, with flags, "
                   "a navigator and a score report."),
                this) },
        { tr("Stats"),
            new PlaceholderPage(tr("Stats"),
                tr("Accuracy per domain and task statement, reviews per day and your exam "
                   "history over time."),
                this) },
    };
    int number = 1;
    for (const auto& screen : screens) {
        auto* item = new QListWidgetItem(screen.name, m_sidebar);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(screen.name).arg(number++));
        m_stack->addWidget(screen.page);
    }
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(140);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 10px; }"));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    if (m_examPage) {
        connect(m_examPage, &ExamPage::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    }
    connect(m_notesPage, &NotesPage::errorOccurred, this,
        [this](const QString& message) { statusBar()->showMessage(message); });
    if (auto* review = findChild<ReviewPage*>()) {
        connect(review, &ReviewPage::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message); });
    }

    buildMenus();
    const BundleCounts counts = countBundle(bundle);
    statusBar()->showMessage(tr("Bundle %1 %2: %3 notes, %4 cards, %5 questions")
                                 .arg(toQString(bundle.id), toQString(bundle.version))
                                 .arg(counts.notes)
                                 .arg(counts.cards)
                                 .arg(counts.scoredItems));

    const std::string last = services.notes ? services.notes->lastOpenedNote() : std::string();
    if (!m_notesPage->openNote(last) && !bundle.notes.empty()) {
        m_notesPage->openNote(bundle.notes.front().id);
    }
    showScreen(Screen::Notes);
    resize(1280, 800);
    QMainWindow::layout()->setSizeConstraint(QLayout::SetNoConstraint);
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
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QAction* action = go->addAction(
            m_sidebar->item(i)->text(), this, [this, i] { showScreen(static_cast<Screen>(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    go->addSeparator();
    QAction* focusTree = go->addAction(tr("Notes &tree"), this, [this] {
        showScreen(Screen::Notes);
        m_notesPage->treeView()->setFocus();
    });
    focusTree->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About mlaprep"), this, [this] {
        QMessageBox::about(this, tr("About mlaprep"),
            tr("<b>mlaprep</b> — an offline study desk for AWS MLA-C01.<br>Content: %1 (%2).")
                .arg(toQString(m_bundle.title).toHtmlEscaped(), toQString(m_bundle.version)));
    });
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard shortcuts"),
        tr("Ctrl+1 … Ctrl+5  Today, Notes, Review, Exam, Stats\n"
           "Ctrl+T  Focus the notes tree (arrows move, Enter opens)\n"
           "Ctrl+Q  Quit\n"
           "F1  This list"));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        // Focus set before the first show is lost on some platforms; the notes tree is where reading starts.
        m_shownOnce = true;
        m_notesPage->treeView()->setFocus();
    }
}

void MainWindow::showScreen(Screen screen)
{
    m_sidebar->setCurrentRow(static_cast<int>(screen));
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return static_cast<Screen>(m_stack->currentIndex());
}

bool MainWindow::showBundleProblems()
{
    if (m_bundleProblems.empty()) {
        return false;
    }
    auto* dialog = new ProblemsDialog(toQString(m_bundle.root.string()), m_bundleProblems, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return true;
}

} // namespace mlaprep::gui
