#include "gui/MainWindow.h"
#include "gui/notes/NotesPage.h"
#include "gui/search/SearchDialog.h"
#include "LoopFixture.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QTextBrowser>

using namespace mlaprep;
using test::LoopFixture;

namespace {

gui::SearchDialog* openSearch(gui::MainWindow& window, const QString& query)
{
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    gui::SearchDialog* search = window.searchDialog();
    if (search) {
        search->setQuery(query);
    }
    return search;
}

QString resultText(gui::SearchDialog* search, int row)
{
    auto* label = qobject_cast<QLabel*>(search->resultList()->itemWidget(search->resultList()->item(row)));
    return label ? label->text() : QString();
}

} // namespace

TEST_CASE("search results lead with their titles and say how many match", "[gui][search]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    gui::SearchDialog* search = openSearch(window, QStringLiteral("parquet"));
    REQUIRE(search != nullptr);
    REQUIRE_FALSE(search->results().empty());
    for (int row = 0; row < search->resultList()->count(); ++row) {
        const QString text = resultText(search, row);
        INFO(text.toStdString());
        // No internal id (n-1.1, c-1.1-001, q-…) in what the learner reads.
        CHECK_FALSE(
            text.contains(QString::fromStdString(search->results()[static_cast<std::size_t>(row)].itemId)));
    }
    const int total = app.search.countMatches("parquet").value();
    CHECK(search->statusLabel()->text().startsWith(QStringLiteral("%1 results").arg(total)));
    CHECK_FALSE(search->statusLabel()->text().contains(QStringLiteral("(s)")));

    search->kindFilter()->setCurrentIndex(2); // cards
    REQUIRE_FALSE(search->results().empty());
    for (const auto& result : search->results()) {
        CHECK(result.kind == SearchKind::Card);
    }
}

TEST_CASE("a note opened from search has the searched words marked", "[gui][search]")
{
    LoopFixture app;
    gui::MainWindow window(app.controller);
    window.show();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    gui::SearchDialog* search = openSearch(window, QStringLiteral("columnar"));
    REQUIRE(search != nullptr);
    search->kindFilter()->setCurrentIndex(1); // notes
    REQUIRE_FALSE(search->results().empty());
    search->openCurrent();
    REQUIRE(window.currentScreen() == gui::MainWindow::Screen::Notes);
    const auto marks = window.notesPage()->noteView()->extraSelections();
    REQUIRE_FALSE(marks.isEmpty());
    CHECK(marks.front().cursor.selectedText().compare(QStringLiteral("columnar"), Qt::CaseInsensitive) == 0);
    // Another note: no marks left over.
    window.notesPage()->openNote("n-2.1");
    CHECK(window.notesPage()->noteView()->extraSelections().isEmpty());
}
