#include "content/BundleLoader.h"
#include "interop/AnkiHtml.h"
#include "interop/AnkiPackage.h"
#include "interop/Hashing.h"
#include "interop/ZipArchive.h"
#include "services/AnkiService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

using namespace mlaprep;
using namespace std::chrono_literals;

namespace {

const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);

std::string column(sqlite3_stmt* statement, int index)
{
    const auto* text = sqlite3_column_text(statement, index);
    return text ? reinterpret_cast<const char*>(text) : "";
}

// Opens the collection of an .apkg with SQLite itself, as Anki would.
struct OpenedPackage {
    test::TempDir dir;
    sqlite3* db = nullptr;
    std::map<std::string, std::string> media;

    explicit OpenedPackage(const std::filesystem::path& apkg)
    {
        auto contents = interop::readZip(apkg, { "collection.anki2", "media" }, 1u << 30);
        REQUIRE(contents.ok());
        REQUIRE(contents->has("collection.anki2"));
        REQUIRE(contents->has("media"));
        const auto path = dir / "collection.anki2";
        std::ofstream(path, std::ios::binary) << contents->entries.at("collection.anki2");
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        const auto map = nlohmann::json::parse(contents->entries.at("media"));
        for (const auto& [key, value] : map.items()) {
            media[key] = value.get<std::string>();
        }
    }
    ~OpenedPackage() { sqlite3_close(db); }

    std::vector<std::vector<std::string>> rows(const char* sql)
    {
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
        std::vector<std::vector<std::string>> result;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                row.push_back(column(statement, i));
            }
            result.push_back(row);
        }
        sqlite3_finalize(statement);
        return result;
    }
};

std::filesystem::path fixture(const std::string& name)
{
    return test::testDataDir() / "interop" / name;
}

struct ImportFixture {
    test::TempDir dir;
    test::ManualClock clock { Noon };
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    AnkiService anki { store, clock };

    AnkiImportSummary import(const std::filesystem::path& file, bool whatYouCan = false)
    {
        AnkiImportRequest request;
        request.file = file;
        request.importWhatYouCan = whatYouCan;
        auto summary = anki.importFile(request);
        INFO(summary.firstError());
        REQUIRE(summary.ok());
        return summary.value();
    }
};

} // namespace

TEST_CASE("the shipped bundle exports to an apkg whose collection Anki's schema 11 reads", "[interop][slow]")
{
    const LoadedBundle loaded = loadBundle(MLAPREP_CONTENT_DIR, test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    test::TempDir dir;
    const auto out = dir / "mla.apkg";
    auto exported = exportAnkiPackage(loaded.bundle, {}, out, 1'795'003'200'000);
    INFO(exported.firstError());
    REQUIRE(exported.ok());
    CHECK(exported->notes == static_cast<int>(loaded.bundle.cards.size()));

    OpenedPackage package(out);
    const auto col = package.rows("SELECT ver, crt, models, decks, dconf, conf FROM col");
    REQUIRE(col.size() == 1);
    CHECK(col[0][0] == "11");
    const auto models = nlohmann::json::parse(col[0][2]);
    REQUIRE(models.size() == 1);
    const auto& model = models.begin().value();
    CHECK(model["flds"].size() == 2);
    CHECK(model["flds"][0]["name"] == "Front");
    CHECK(model["tmpls"][0]["qfmt"] == "{{Front}}");
    CHECK(std::to_string(model["id"].get<std::int64_t>()) == models.begin().key());

    // One deck per domain, one sub-deck per task statement, each level present.
    const auto decks = nlohmann::json::parse(col[0][3]);
    std::set<std::string> deckNames;
    std::map<std::string, std::string> deckById;
    for (const auto& [id, deck] : decks.items()) {
        deckNames.insert(deck["name"].get<std::string>());
        deckById[id] = deck["name"].get<std::string>();
        CHECK(std::to_string(deck["id"].get<std::int64_t>()) == id);
    }
    const std::string root = loaded.bundle.title;
    CHECK(deckNames.count("Default"));
    CHECK(deckNames.count(root));
    for (const auto& domain : loaded.bundle.domains) {
        const std::string domainDeck = root + "::Domain " + domain.id + ": " + domain.title;
        CHECK(deckNames.count(domainDeck));
    }

    const auto notes = package.rows(
        "SELECT n.guid, n.flds, n.tags, n.sfld, n.csum, n.mid, c.did, c.type, c.queue, c.ord "
        "FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id");
    REQUIRE(notes.size() == loaded.bundle.cards.size());
    CHECK(package.rows("SELECT count(*) FROM cards")[0][0] == std::to_string(notes.size()));
    std::set<std::string> guids;
    for (const auto& row : notes) {
        guids.insert(row[0]);
        const std::size_t separator = row[1].find('\x1f');
        REQUIRE(separator != std::string::npos);
        const std::string front = row[1].substr(0, separator);
        CHECK(row[3] == interop::stripHtmlKeepMedia(front));
        CHECK(row[4] == std::to_string(interop::ankiFieldChecksum(front)));
        CHECK(row[2].front() == ' ');
        CHECK(row[2].find(" mlaprep ") != std::string::npos);
        CHECK(deckById.count(row[6]));
        CHECK(row[7] == "0");
        CHECK(row[8] == "0");
    }
    CHECK(guids.size() == notes.size());

    // The orientation cards come first, in their own deck.
    const auto first = package.rows("SELECT n.flds, n.tags, c.did FROM notes n JOIN cards c ON c.nid = n.id "
                                    "WHERE n.guid = (SELECT guid FROM notes ORDER BY id LIMIT 1)");
    REQUIRE(first.size() == 1);
    const Card& orientation = loaded.bundle.cards.front();
    REQUIRE(orientation.isOrientation());
    CHECK(deckById[first[0][2]] == root + "::About the exam");
    CHECK(first[0][1] == " mlaprep orientation ");
    CHECK(first[0][0].rfind(interop::markdownToAnkiHtml(orientation.front), 0) == 0);

    // The first card of a task, checked field by field against the bundle.
    const auto taskCard = std::find_if(loaded.bundle.cards.begin(), loaded.bundle.cards.end(),
        [](const Card& c) { return !c.task.empty(); });
    REQUIRE(taskCard != loaded.bundle.cards.end());
    const Card& card = *taskCard;
    // A guid may hold any character of Anki's base-91 alphabet, so it is matched here, not in SQL.
    const std::string guid = interop::ankiGuid("mlaprep:" + loaded.bundle.id + ":" + card.id);
    std::vector<std::vector<std::string>> row;
    for (auto& candidate :
        package.rows("SELECT n.flds, n.tags, c.did, n.guid FROM notes n JOIN cards c ON c.nid = n.id")) {
        if (candidate[3] == guid) {
            row.push_back(std::move(candidate));
        }
    }
    REQUIRE(row.size() == 1);
    const Domain* domain = loaded.bundle.domainOfTask(card.task);
    const Task* task = loaded.bundle.findTask(card.task);
    REQUIRE(domain != nullptr);
    REQUIRE(task != nullptr);
    CHECK(deckById[row[0][2]] == root + "::Domain " + domain->id + ": " + domain->title + "::" + task->id + " " + task->title);
    CHECK(row[0][1].find(" task::" + card.task + " ") != std::string::npos);
    CHECK(row[0][0].rfind(interop::markdownToAnkiHtml(card.front), 0) == 0);
}

TEST_CASE("apkg export keeps tables and code, filters by task and packs images as media", "[interop]")
{
    test::BundleFixture bundleDir;
    std::filesystem::create_directories(bundleDir.root() / "assets");
    std::ofstream(bundleDir.root() / "assets" / "diagram.png", std::ios::binary) << "PNG";
    bundleDir.writeFile("cards/1.1.json", R"json([
  { "id": "c-1.1-0001", "task": "1.1", "front": "Which format is columnar?\n\n![d](assets/diagram.png)",
    "back": "| Format | Layout |\n|---|---|\n| Parquet | columnar |\n\n```python\ndf.to_parquet('x')\n```",
    "tags": ["parquet", "file formats"] }
])json");
    const LoadedBundle loaded = loadBundle(bundleDir.root(), test::ManualClock());
    INFO((loaded.problems.empty() ? "" : formatProblem(loaded.problems.front())));
    REQUIRE_FALSE(loaded.hasErrors());
    test::TempDir dir;
    auto exported = exportAnkiPackage(loaded.bundle, { "1.1" }, dir / "one.apkg", 1'795'003'200'000);
    REQUIRE(exported.ok());
    CHECK(exported->notes == 1);
    CHECK(exported->mediaFiles == 1);

    OpenedPackage package(dir / "one.apkg");
    CHECK(package.media == std::map<std::string, std::string> { { "0", "diagram.png" } });
    const auto notes = package.rows("SELECT flds, tags FROM notes");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0][0].find("src=\"diagram.png\"") != std::string::npos);
    CHECK(notes[0][0].find("<table>") != std::string::npos);
    CHECK(notes[0][0].find("<code class=\"language-python\">") != std::string::npos);
    CHECK(notes[0][1] == " mlaprep task::1.1 domain::1 parquet file_formats ");

    auto unknown = exportAnkiPackage(loaded.bundle, { "9.9" }, dir / "none.apkg", 0);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.firstError() == "-: 9.9: --task: the bundle has no task statement 9.9");
    CHECK_FALSE(std::filesystem::exists(dir / "none.apkg"));
}

TEST_CASE("apkg export with the learner's store carries FSRS state", "[interop][services]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    ImportFixture f;
    StudyService study { f.store, srs::studyItemsOf(loaded.bundle), f.clock, srs::SchedulerConfig::defaultsForTesting() };
    const std::string cardId = loaded.bundle.cards.front().id;
    for (int i = 0; i < 3; ++i) {
        REQUIRE(study.answer(cardId, fsrs::Rating::Good, 5s).ok());
        f.clock.advance(std::chrono::hours(24 * 5));
    }
    auto exported = f.anki.exportPackage(loaded.bundle, {}, f.dir / "state.apkg", 0.9);
    REQUIRE(exported.ok());
    OpenedPackage package(f.dir / "state.apkg");
    const auto cards = package.rows("SELECT c.type, c.queue, c.ivl, c.reps, c.data FROM cards c ORDER BY c.id");
    REQUIRE(cards.size() == loaded.bundle.cards.size());
    CHECK(cards[0][0] == "2");
    CHECK(cards[0][1] == "2");
    CHECK(std::stoi(cards[0][2]) >= 1);
    CHECK(cards[0][3] == "3");
    const auto data = nlohmann::json::parse(cards[0][4]);
    CHECK(data["s"].get<double>() > 0.0);
    CHECK(data["d"].get<double>() >= 1.0);
    CHECK(data["dr"].get<double>() == Approx(0.9));
    CHECK(cards[1][0] == "0");
}

TEST_CASE("the shipped bundle's text export re-imports with the same count and content", "[interop][slow]")
{
    const LoadedBundle loaded = loadBundle(MLAPREP_CONTENT_DIR, test::ManualClock());
    ImportFixture f;
    const auto out = f.dir / "mla.txt";
    auto exported = exportAnkiText(loaded.bundle, {}, out);
    REQUIRE(exported.ok());
    REQUIRE(exported->notes == static_cast<int>(loaded.bundle.cards.size()));

    const auto summary = f.import(out);
    CHECK(summary.errors.empty());
    CHECK(summary.read == exported->notes);
    CHECK(summary.rejected == 0);
    CHECK(summary.duplicates == 0);
    CHECK(summary.imported == exported->notes);
    CHECK(summary.committed);

    auto cards = f.anki.userCards();
    REQUIRE(cards.ok());
    auto expected = interop::ankiNotesOfBundle(loaded.bundle, {});
    REQUIRE(cards->size() == expected->size());
    for (std::size_t i = 0; i < cards->size(); ++i) {
        CHECK(cards.value()[i].front == expected.value()[i].fields[0]);
        CHECK(cards.value()[i].back == expected.value()[i].fields[1]);
        CHECK(cards.value()[i].deck == expected.value()[i].deck);
        CHECK(cards.value()[i].tags == expected.value()[i].tags);
    }

    // Importing the same file again finds only duplicates.
    const auto again = f.import(out);
    CHECK(again.duplicates == exported->notes);
    CHECK(again.imported == 0);
}

TEST_CASE("a legacy apkg imports into a user deck the Review queue schedules", "[interop][services]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    ImportFixture f;
    REQUIRE(exportAnkiPackage(loaded.bundle, {}, f.dir / "minimal.apkg", 1'795'003'200'000).ok());
    const auto summary = f.import(f.dir / "minimal.apkg");
    CHECK(summary.read == static_cast<int>(loaded.bundle.cards.size()));
    CHECK(summary.imported == summary.read);
    REQUIRE_FALSE(summary.added.empty());
    CHECK(summary.added[0].deck.find("::Domain 1: Data::1.1 Ingest data.") != std::string::npos);
    CHECK(summary.added[0].front == interop::markdownToAnkiHtml(loaded.bundle.cards[0].front));

    // The user cards join the Review queue, after the bundle's new items.
    auto items = studyItemsOf(f.anki.userCards().value(), loaded.bundle);
    REQUIRE(items.size() == summary.added.size());
    CHECK(items[0].kind == srs::ItemKind::Card);
    StudyService study { f.store, items, f.clock, srs::SchedulerConfig::defaultsForTesting() };
    auto next = study.nextItem();
    REQUIRE(next.ok());
    REQUIRE(next->has_value());
    CHECK(next.value()->itemId == summary.added[0].itemId);
    REQUIRE(study.answer(summary.added[0].itemId, fsrs::Rating::Good, 3s).ok());
}

TEST_CASE("packages Anki writes in its new format, truncated zips and non-zips are refused", "[interop]")
{
    ImportFixture f;
    // Anki 2.1.50+: a zstd collection.anki21b next to a placeholder collection.anki2.
    REQUIRE(interop::writeZip(f.dir / "new.apkg",
        { { "collection.anki2", "placeholder", {} }, { "collection.anki21b", "\x28\xb5\x2f\xfd", {} },
            { "meta", "\x08\x03", {} }, { "media", "", {} } })
                .ok());
    auto refused = f.anki.importFile(AnkiImportRequest { f.dir / "new.apkg", {}, {}, false });
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.firstError().find("new.apkg: -: -: this package was exported by Anki 2.1.50 or newer") == 0);
    CHECK(refused.firstError().find("Support older Anki versions") != std::string::npos);

    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    REQUIRE(exportAnkiPackage(loaded.bundle, {}, f.dir / "good.apkg", 0).ok());
    std::string bytes;
    {
        std::ifstream in(f.dir / "good.apkg", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(f.dir / "cut.apkg", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    auto truncated = f.anki.importFile(AnkiImportRequest { f.dir / "cut.apkg", {}, {}, false });
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.firstError()
        == "cut.apkg: -: -: cannot read the package: not a zip archive, or a truncated or damaged one");

    REQUIRE(interop::writeZip(f.dir / "junk.apkg", { { "collection.anki2", "not sqlite at all", {} } }).ok());
    auto junk = f.anki.importFile(AnkiImportRequest { f.dir / "junk.apkg", {}, {}, false });
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.firstError().find("junk.apkg: -: collection.anki2: the collection is unreadable") == 0);
    CHECK(f.anki.userCards()->empty());
}

TEST_CASE("rejected notes stop an import unless the learner asks to import what can be", "[interop][services]")
{
    ImportFixture f;
    const auto stopped = f.import(fixture("some-bad-notes.txt"));
    CHECK(stopped.read == 3);
    CHECK(stopped.rejected == 2);
    CHECK(stopped.imported == 0);
    CHECK_FALSE(stopped.committed);
    CHECK(stopped.errors
        == std::vector<std::string> { "some-bad-notes.txt: line 3: -: the first field (front) is empty",
            "some-bad-notes.txt: line 4: -: the note has one field; a card needs a front and a back" });
    CHECK(f.anki.userCards()->empty());

    const auto partial = f.import(fixture("some-bad-notes.txt"), true);
    CHECK(partial.imported == 1);
    CHECK(partial.rejected == 2);
    CHECK(partial.committed);
    REQUIRE(f.anki.userCards()->size() == 1);
    CHECK(f.anki.userCards()->front().front == "Good front");
}

TEST_CASE("plain-text fields are escaped on import and HTML fields kept", "[interop][services]")
{
    ImportFixture f;
    const auto csv = f.import(fixture("excel-bom-crlf.csv"));
    CHECK(csv.imported == 3);
    const auto cards = f.anki.userCards().value();
    CHECK(cards[1].back == "Line one<br>Line two: the data changed &lt;since training&gt;");
    const auto html = f.import(fixture("anki-notes-export.txt"));
    CHECK(html.imported == 3);
    CHECK(f.anki.userCards()->at(3).front == "What does <b>SageMaker Clarify</b> detect?");
    const auto empty = f.anki.importFile(AnkiImportRequest { fixture("empty.txt"), {}, {}, true });
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.firstError() == "empty.txt: -: -: the file holds no notes");
}

TEST_CASE("orientation cards export first in a deck of their own, and only in a full export", "[interop]")
{
    test::BundleFixture bundleDir;
    std::ifstream in(bundleDir.root() / "bundle.json");
    std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    manifest.replace(manifest.find("\"cards\": ["), 10, R"("cards": ["cards/orientation.json",)");
    bundleDir.writeFile("bundle.json", manifest);
    bundleDir.writeFile("cards/orientation.json",
        R"([{"id": "c-0-001", "task": null, "front": "How long is the exam?", "back": "130 minutes."}])");
    const LoadedBundle loaded = loadBundle(bundleDir.root(), test::ManualClock());
    REQUIRE_FALSE(loaded.hasErrors());
    const auto all = interop::ankiNotesOfBundle(loaded.bundle, {});
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    CHECK(all->front().deck == "Minimal test bundle::About the exam");
    CHECK(all->front().tags == std::vector<std::string> { "mlaprep", "orientation" });
    const auto some = interop::ankiNotesOfBundle(loaded.bundle, { "1.1" });
    REQUIRE(some.ok());
    CHECK(some->size() == 1);
}
