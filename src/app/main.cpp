// The desktop app's composition root: resolve paths, open the store, load the bundle, show the window.

#include "common/Clock.h"
#include "common/Locations.h"
#include "common/QtConvert.h"
#include "common/Theme.h"
#include "content/BundleLoader.h"
#include "interop/UserBundle.h"
#include "MainWindow.h"
#include "NoDisplay.h"
#include "services/AnkiService.h"
#include "services/BookmarkService.h"
#include "services/ErrorReportService.h"
#include "services/ExamService.h"
#include "services/NoteService.h"
#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/SearchService.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "srs/StudyItem.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace {

using namespace mlaprep;
using gui::toQString;
using gui::toStdString;

std::optional<std::filesystem::path> optionPath(const QCommandLineParser& parser, const QString& name)
{
    return parser.isSet(name) ? std::optional(std::filesystem::path(toStdString(parser.value(name))))
                              : std::nullopt;
}

std::optional<std::filesystem::path> environmentPath(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? std::nullopt : std::optional(std::filesystem::path(toStdString(value)));
}

// Every committed render of assets/icons/mlaprep.svg (the app_icon resource), so that each size is
// drawn from its own pixels.
QIcon applicationIcon()
{
    QIcon icon;
    const QDir icons(QStringLiteral(":/icons"));
    for (const QString& name : icons.entryList(QDir::Files)) {
        icon.addFile(icons.filePath(name));
    }
    return icon;
}

int fail(const QString& title, const QString& message)
{
    QMessageBox::critical(nullptr, title, message);
    return EXIT_FAILURE;
}

// Imported cards live in the learner's store; the bundle the windows show gets them as cards. Room is
// reserved so that cards imported while the app runs never move the bundle's cards in memory.
void addUserCards(Bundle& bundle, AnkiService& anki)
{
    auto cards = anki.userCards();
    if (cards) {
        for (const auto& card : cards.value()) {
            bundle.cards.push_back(toBundleCard(card));
        }
    }
}

// Another bundle the learner opened (File → Open bundle…): its own window and its own store, so progress
// is kept per bundle id. Items an error names are left out; the problems are shown.
struct UserBundleWindow {
    LoadedBundle loaded;
    std::shared_ptr<Store> store;
    std::unique_ptr<NoteService> notes;
    std::unique_ptr<StudyService> study;
    std::unique_ptr<ExamService> exams;
    std::unique_ptr<ErrorReportService> reports;
    std::unique_ptr<gui::MainWindow> window;
};

void openUserBundle(const std::filesystem::path& dir, const std::filesystem::path& mainStore,
    const std::string& mainBundleId, const Clock& clock, std::vector<std::unique_ptr<UserBundleWindow>>& open)
{
    auto session = std::make_unique<UserBundleWindow>();
    session->loaded = loadBundle(dir, clock);
    if (!session->loaded.manifestRead) {
        QMessageBox::warning(nullptr, QStringLiteral("Open bundle"),
            QStringLiteral("%1 is not a bundle: %2")
                .arg(toQString(dir.string()),
                    toQString(session->loaded.problems.empty()
                            ? std::string("no bundle.json")
                            : formatProblem(session->loaded.problems.front()))));
        return;
    }
    const std::string& id = session->loaded.bundle.id;
    for (const auto& other : open) {
        if (other->loaded.bundle.id == id) {
            other->window->raise();
            other->window->activateWindow();
            return;
        }
    }
    if (id == mainBundleId) {
        QMessageBox::information(nullptr, QStringLiteral("Open bundle"),
            QStringLiteral("The bundle \"%1\" is the one already open.").arg(toQString(id)));
        return;
    }
    interop::dropItemsWithErrors(session->loaded.bundle, session->loaded.problems);
    const auto storePath = interop::userBundleStorePath(mainStore, id);
    std::error_code ignored;
    std::filesystem::create_directories(storePath.parent_path(), ignored);
    auto store = Store::open(storePath);
    if (!store) {
        QMessageBox::warning(
            nullptr, QStringLiteral("Open bundle"), toQString(store.problems().front().message));
        return;
    }
    session->store = store.value();
    session->notes = std::make_unique<NoteService>(session->store, clock);
    session->study
        = std::make_unique<StudyService>(session->store, srs::studyItemsOf(session->loaded.bundle), clock);
    session->exams = std::make_unique<ExamService>(
        session->store, session->loaded.bundle, clock, session->study->config());
    session->reports
        = std::make_unique<ErrorReportService>(session->store, clock, id, session->loaded.bundle.version);
    gui::AppServices services;
    services.notes = session->notes.get();
    services.study = session->study.get();
    services.exams = session->exams.get();
    services.reports = session->reports.get();
    session->window
        = std::make_unique<gui::MainWindow>(session->loaded.bundle, session->loaded.problems, services);
    session->window->show();
    session->window->showBundleProblems();
    open.push_back(std::move(session));
}

// A store that cannot be opened is explained in plain words; when backups exist beside it the learner may
// restore the newest good one (the refused file is kept beside it) and go on.
Result<std::shared_ptr<Store>> openStoreOrOfferRestore(const std::filesystem::path& path)
{
    auto store = Store::open(path);
    if (store.ok() || Store::backups(path).empty()) {
        return store;
    }
    QMessageBox box(QMessageBox::Warning, QStringLiteral("mlaprep: cannot open your data"),
        toQString(store.problems().front().message));
    QPushButton* restore
        = box.addButton(QStringLiteral("Restore the last good backup"), QMessageBox::AcceptRole);
    box.addButton(QStringLiteral("Quit"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != restore) {
        return store;
    }
    auto restored = Store::restore(path);
    if (!restored.ok()) {
        return Result<std::shared_ptr<Store>>::failure(restored.problems());
    }
    return Store::open(path);
}

} // namespace

int main(int argc, char** argv)
{
    if (const auto message = app::missingDisplayMessage(argc, argv)) {
        std::fprintf(stderr, "%s\n", message->c_str());
        return EXIT_FAILURE;
    }
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mlaprep"));
    QApplication::setOrganizationName(QStringLiteral("mlaprep"));
    QApplication::setApplicationVersion(QStringLiteral(MLAPREP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mlaprep.mlaprep"));
    QApplication::setWindowIcon(applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offline study desk for AWS MLA-C01"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        { QStringLiteral("bundle"), QStringLiteral("Content bundle folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Folder for the learner's data."),
        QStringLiteral("DIR") });
    parser.addOption(
        { QStringLiteral("db"), QStringLiteral("The learner's data file."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("theme"), QStringLiteral("system, light or dark."),
        QStringLiteral("THEME"), QStringLiteral("system") });
    parser.process(application);

    // --theme wins for this run; otherwise the one chosen in Settings.
    const QString themeName = parser.isSet(QStringLiteral("theme"))
        ? parser.value(QStringLiteral("theme"))
        : QSettings().value(QString::fromLatin1(gui::ThemeSettingKey), QStringLiteral("system")).toString();
    const auto theme = gui::themeFromString(themeName);
    if (!theme) {
        return fail(QStringLiteral("mlaprep"), QStringLiteral("--theme must be system, light or dark."));
    }
    gui::applyTheme(application, *theme);

    BundleSearch bundleSearch;
    bundleSearch.explicitDir = optionPath(parser, QStringLiteral("bundle"));
    bundleSearch.environmentDir = environmentPath("MLAPREP_BUNDLE");
    bundleSearch.executableDir = toStdString(QApplication::applicationDirPath());
    bundleSearch.currentDir = std::filesystem::current_path();
#ifdef MLAPREP_SOURCE_CONTENT_DIR
    bundleSearch.sourceTreeDir = std::filesystem::path(MLAPREP_SOURCE_CONTENT_DIR);
#endif
    const auto bundleDir = locateBundle(bundleSearch);
    if (!bundleDir) {
        return fail(QStringLiteral("mlaprep"),
            QStringLiteral("No content bundle was found. Start mlaprep with --bundle DIR."));
    }

    DatabaseSearch databaseSearch;
    databaseSearch.explicitDb = optionPath(parser, QStringLiteral("db"));
    databaseSearch.environmentDb = environmentPath("MLAPREP_DB");
    databaseSearch.explicitDataDir = optionPath(parser, QStringLiteral("data-dir"));
    databaseSearch.environmentDataDir = environmentPath("MLAPREP_DATA_DIR");
    databaseSearch.platformDataDir
        = toStdString(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const auto databasePath = locateDatabase(databaseSearch);

    auto store = openStoreOrOfferRestore(databasePath);
    if (!store.ok()) {
        return fail(QStringLiteral("mlaprep: cannot open your data"),
            toQString(store.problems().front().message)
                + QStringLiteral("\n\nNothing was changed. Start mlaprep with --data-dir DIR to use "
                                 "another data folder."));
    }

    SystemClock clock;
    LoadedBundle loaded = loadBundle(*bundleDir, clock);
    // The learner's imported cards are studied and shown like the bundle's (Review finds them by id).
    AnkiService ankiService(store.value(), clock);
    addUserCards(loaded.bundle, ankiService);
    NoteService noteService(store.value(), clock);
    StudyService studyService(store.value(), srs::studyItemsOf(loaded.bundle), clock);

    gui::AppServices services;
    services.store = store.value().get();
    services.notes = &noteService;
    services.study = &studyService;
    ExamService examService(store.value(), loaded.bundle, clock, studyService.config());
    services.exams = &examService;
    ProgressService progressService(store.value(), loaded.bundle, clock, studyService.config());
    services.progress = &progressService;
    PlanService planService(store.value(), loaded.bundle, clock, studyService.config());
    services.plan = &planService;
    StatsService statsService(store.value(), loaded.bundle, clock, studyService.config());
    services.stats = &statsService;
    SearchService searchService(store.value(), loaded.bundle, clock);
    // Built once per bundle version; later starts only compare the fingerprint.
    (void)searchService.ensureIndex();
    services.search = &searchService;
    BookmarkService bookmarkService(store.value(), clock);
    services.bookmarks = &bookmarkService;
    services.anki = &ankiService;
    ErrorReportService reportService(store.value(), clock, loaded.bundle.id, loaded.bundle.version);
    services.reports = &reportService;
    services.userCardsAdded = [&](const std::vector<UserCard>& cards) {
        for (const auto& card : cards) {
            loaded.bundle.cards.push_back(toBundleCard(card));
        }
        studyService.addItems(studyItemsOf(cards, loaded.bundle));
    };
    std::vector<std::unique_ptr<UserBundleWindow>> userBundles;
    services.openBundle = [&](const QString& dir) {
        openUserBundle(toStdString(dir), databasePath, loaded.bundle.id, clock, userBundles);
    };
    gui::MainWindow window(loaded.bundle, loaded.problems, services);
    window.show();
    window.activateWindow();
    if (loaded.hasErrors()) {
        window.showBundleProblems();
    }
    return QApplication::exec();
}
