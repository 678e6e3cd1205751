// Issue 16's findings in the GUI: links in content and the store's backups.

#include "content/BundleLoader.h"
#include "gui/common/Dialogs.h"
#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "LoopFixture.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QTextBrowser>
#include <QUrl>

using namespace mlaprep;

namespace {

struct AppFixture : test::LoopFixture {
    AppFixture()
        : LoopFixture(test::ManualClock().now())
    {
    }
};

} // namespace

TEST_CASE("a file: link clicked in a note is not shown inside the app", "[gui][hostile]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    gui::NotesPage* page = window.notesPage();
    REQUIRE(page->openNote("n-1.1"));
    QTextBrowser* view = page->noteView();
    CHECK_FALSE(view->openLinks());
    CHECK_FALSE(view->openExternalLinks());
    emit view->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    CHECK(view->source().isEmpty());
    CHECK(view->document()->toPlainText().contains(QStringLiteral("Parquet and ORC")));
    CHECK(page->currentNoteId() == "n-1.1");
}

TEST_CASE("an https link opens only after the learner confirms", "[gui][hostile]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    gui::NotesPage* page = window.notesPage();
    REQUIRE(page->openNote("n-1.1"));
    gui::Dialogs::setNextAnswer(false);
    emit page->noteView()->anchorClicked(QUrl(QStringLiteral("https://docs.aws.amazon.com/")));
    CHECK(page->noteView()->source().isEmpty());
    CHECK(page->currentNoteId() == "n-1.1");
}

TEST_CASE("a relative link to another note's file opens that note in the app", "[gui][hostile]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    gui::NotesPage* page = window.notesPage();
    REQUIRE(page->openNote("n-1.1"));
    emit page->noteView()->anchorClicked(QUrl(QStringLiteral("2.1.md")));
    CHECK(page->currentNoteId() == "n-2.1");
}

TEST_CASE("File → Back up now writes a backup beside the store", "[gui][hostile]")
{
    AppFixture app;
    gui::MainWindow window(app.controller);
    auto* action = window.findChild<QAction*>(QStringLiteral("backUpAction"));
    REQUIRE(action);
    REQUIRE(action->isEnabled());
    action->trigger();
    CHECK(Store::backups(app.store->path()).size() == 1);
}
