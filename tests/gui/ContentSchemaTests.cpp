#include "content/BundleLoader.h"
#include "exam/ExamReport.h"
#include "gui/common/Design.h"
#include "gui/exam/ExamStartView.h"
#include "gui/exam/ReportHtml.h"
#include "gui/notes/NotesPage.h"
#include "gui/notes/NoteTreeModel.h"
#include "gui/stats/StatsPage.h"
#include "services/ExamService.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "session/BundleSnapshot.h"
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

namespace {

QStringList textsOf(const QListWidget* list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row) {
        texts << list->item(row)->text();
    }
    return texts;
}

} // namespace

TEST_CASE("a note bound to no task is first in the Notes tree, above Domain 1", "[gui][notes]")
{
    test::BundleFixture fixture;
    std::ifstream in(fixture.root() / "bundle.json");
    std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    manifest.replace(manifest.find("\"notes\": ["), 10,
        R"("notes": [{"id": "n-0", "task": null, "title": "About the exam", "file": "notes/0.md"},)");
    fixture.writeFile("bundle.json", manifest);
    fixture.writeFile("notes/0.md", "# About the exam\n\n65 questions in 130 minutes.\n");
    const auto snapshot = BundleSnapshot::make(loadBundle(fixture.root(), test::ManualClock()));
    REQUIRE_FALSE(snapshot->hasErrors());

    gui::NotesPage page(*snapshot, nullptr);
    const QAbstractItemModel* model = page.treeView()->model();
    const QModelIndex first = model->index(0, 0);
    CHECK(first.data(gui::NoteTreeModel::NoteIdRole).toString() == QStringLiteral("n-0"));
    CHECK(first.data().toString() == QStringLiteral("About the exam"));
    CHECK(model->index(1, 0).data().toString().startsWith(QStringLiteral("Domain 1")));
    CHECK(model->rowCount() == 5);
    page.treeView()->setCurrentIndex(first);
    CHECK(page.currentNoteId() == "n-0");
}

TEST_CASE("the Notes screen lists the bullets of the note and of the chosen section", "[gui][notes]")
{
    const auto snapshot = BundleSnapshot::make(loadBundle(test::minimalBundleDir(), test::ManualClock()));
    gui::NotesPage page(*snapshot, nullptr);
    REQUIRE(page.openNote("n-1.1"));
    CHECK(textsOf(page.bulletsView())
        == QStringList { QStringLiteral("1.1-K1 Data formats and ingestion mechanisms"),
            QStringLiteral("1.1-S1 Extracting data from storage") });

    QListWidget* outline = page.outlineView();
    REQUIRE(outline->count() == 3);
    emit outline->itemClicked(outline->item(1)); // Parquet and ORC
    CHECK(textsOf(page.bulletsView())
        == QStringList { QStringLiteral("1.1-K1 Data formats and ingestion mechanisms") });
    emit outline->itemClicked(outline->item(2)); // Streaming: nothing cites it
    REQUIRE(page.bulletsView()->count() == 1);
    CHECK(page.bulletsView()->item(0)->flags() == Qt::NoItemFlags);

    REQUIRE(page.openNote("n-4.1"));
    CHECK(page.bulletsView()->item(0)->text().startsWith(QStringLiteral("No item")));
}

TEST_CASE("the practice builder drills one bullet", "[gui][exam]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), clock);
    auto store = Store::open(dir / "progress.sqlite").value();
    const auto scheduling = srs::SchedulerConfig::defaultsForTesting();
    ExamService exams(store, loaded.bundle, clock, scheduling);

    gui::ExamStartView view(loaded.bundle);
    QComboBox* bullets = view.bulletChoice();
    REQUIRE(bullets->count() == 7); // "Any bullet" and the six of the minimal bundle
    CHECK(view.practiceRequest().bullet.empty());
    bullets->setCurrentIndex(bullets->findData(QStringLiteral("1.1-S1")));
    const StartRequest request = view.practiceRequest();
    CHECK(request.bullet == "1.1-S1");

    const auto attempt = exams.start(request);
    REQUIRE(attempt.ok());
    std::set<std::string> ids;
    for (const auto& item : attempt.value().attempt().items) {
        ids.insert(item.item.itemId);
    }
    CHECK(ids == std::set<std::string> { "q-1.1-002", "q-3.1-001-1" });
}

namespace {

// The report of an attempt on the minimal bundle with one item, q-2.1-001, answered wrong.
ExamReport reportWithOneWrongAnswer()
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    AttemptItemRecord wrong;
    wrong.item.itemId = "q-2.1-001";
    wrong.item.taskId = "2.1";
    wrong.item.domainId = "2";
    return buildReport(loaded.bundle, { wrong });
}

} // namespace

TEST_CASE("the exam report shows the weakest task's accuracy per bullet", "[gui][exam]")
{
    const ExamReport report = reportWithOneWrongAnswer();
    const QString html = gui::reportSummaryHtml(report, true, gui::design::colours(QPalette()));
    CHECK(html.contains(QStringLiteral("Weakest task statement: 2.1 Choose a model. (0/1 right)")));
    CHECK(html.contains(QStringLiteral("2.1-S1 Selecting an algorithm</td><td>0/1</td><td>0 %")));
    CHECK(html.contains(QStringLiteral("2.1-K1 Capabilities of algorithms</td><td>not asked")));
}

TEST_CASE("a practice report gives percent correct, never a scaled score or a verdict", "[gui][exam]")
{
    const ExamReport report = reportWithOneWrongAnswer();
    const QString practice = gui::reportSummaryHtml(report, true, gui::design::colours(QPalette()));
    CHECK(practice.contains(QStringLiteral("0 of 1 correct (0 %)")));
    CHECK_FALSE(practice.contains(QStringLiteral("Estimated scaled score")));
    CHECK_FALSE(practice.contains(QStringLiteral("FAIL")));
    const QString mock = gui::reportSummaryHtml(report, false, gui::design::colours(QPalette()));
    CHECK(mock.contains(QStringLiteral("Estimated scaled score:")));
    CHECK(mock.contains(QStringLiteral("FAIL")));
}

TEST_CASE("the Stats screen shows the weakest task's accuracy per bullet", "[gui][stats]")
{
    test::StudyFixture app;
    StatsService stats(app.store, app.loaded.bundle, app.clock, app.study.config());
    REQUIRE(app.study.answer("q-1.1-001", fsrs::Rating::Again, 1s).ok());
    REQUIRE(app.study.answer("c-2.1-001", fsrs::Rating::Good, 1s).ok());
    gui::StatsPage page(stats);
    page.refresh();
    CHECK(
        page.weakTaskText().contains(QStringLiteral("Weakest task statement: 1.1 Ingest data. (0/1 right)")));
    CHECK(page.weakTaskText().contains(
        QStringLiteral("1.1-K1 Data formats and ingestion mechanisms</td><td>0/1")));
}
