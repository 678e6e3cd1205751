#include "content/BundleLoader.h"
#include "exam/ExamReport.h"
#include "exam/ExamStartView.h"
#include "exam/ReportHtml.h"
#include "notes/NotesPage.h"
#include "notes/NoteTreeModel.h"
#include "services/ExamService.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "stats/StatsPage.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/StudyFixture.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QListWidget>
#include <QTreeView>

#include <fstream>
#include <iterator>
#include <set>

using namespace mlaprep;
using namespace std::chrono_literals;

TEST_CASE("a note bound to no task is first in the Notes tree, above Domain 1", "[gui][notes]")
{
    test::BundleFixture fixture;
    std::ifstream in(fixture.root() / "bundle.json");
    std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    manifest.replace(manifest.find("\"notes\": ["), 10,
        R"("notes": [{"id": "n-0", "task": null, "title": "About the exam", "file": "notes/0.md"},)");
    fixture.writeFile("bundle.json", manifest);
    fixture.writeFile("notes/0.md", "# About the exam\n\n65 questions in 130 minutes.\n");
    const LoadedBundle loaded = loadBundle(fixture.root(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());

    gui::NotesPage page(loaded.bundle, nullptr);
    const QAbstractItemModel* model = page.treeView()->model();
    const QModelIndex first = model->index(0, 0);
    CHECK(first.data(gui::NoteTreeModel::NoteIdRole).toString() == QStringLiteral("n-0"));
    CHECK(first.data().toString() == QStringLiteral("About the exam"));
    CHECK(model->index(1, 0).data().toString().startsWith(QStringLiteral("Domain 1")));
    CHECK(model->rowCount() == 5);
    page.treeView()->setCurrentIndex(first);
    CHECK(page.currentNoteId() == "n-0");
}
