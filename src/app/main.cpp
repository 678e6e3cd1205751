// The desktop app's composition root: resolve paths, open the store, load the bundle, show the window.

#include "common/Clock.h"
#include "common/Locations.h"
#include "content/BundleLoader.h"
#include "gui/AppController.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/Theme.h"
#include "gui/MainWindow.h"
#include "interop/UserBundle.h"
#include "NoDisplay.h"
#include "services/SearchService.h"
#include "services/Store.h"
#include "session/AppSession.h"

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
#include <functional>
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

// One window over one session: the main bundle's, or another bundle the learner opened (File → Open
// bundle…), which keeps its progress in its own store so progress is kept per bundle id.
struct SessionWindow {
    std::unique_ptr<AppSession> session;
    std::unique_ptr<gui::AppController> controller;
    std::unique_ptr<gui::MainWindow> window;
};

// `openBundle` is what File → Open bundle… does in this window (none in a window on another bundle).
std::unique_ptr<SessionWindow> openWindow(LoadedBundle loaded, std::shared_ptr<Store> store,
    const Clock& clock, std::function<void(const QString&)> openBundle = {})
{
    auto opened = std::make_unique<SessionWindow>();
    opened->session = std::make_unique<AppSession>(std::move(loaded), std::move(store), clock);
    // Built once per bundle version; later starts only compare the fingerprint.
    (void)opened->session->search().ensureIndex();
    opened->controller = std::make_unique<gui::AppController>(*opened->session);
    opened->controller->setBundleOpener(std::move(openBundle));
    opened->window = std::make_unique<gui::MainWindow>(*opened->controller);
    return opened;
}

// Items an error names are left out of another bundle; the problems are shown.
void openUserBundle(const std::filesystem::path& dir, const std::filesystem::path& mainStore,
    const std::string& mainBundleId, const Clock& clock, std::vector<std::unique_ptr<SessionWindow>>& open)
{
    LoadedBundle loaded = loadBundle(dir, clock);
    if (!loaded.manifestRead) {
        QMessageBox::warning(nullptr, QStringLiteral("Open bundle"),
            QStringLiteral("%1 is not a bundle: %2")
                .arg(toQString(dir.string()),
                    toQString(loaded.problems.empty() ? std::string("no bundle.json")
                                                      : formatProblem(loaded.problems.front()))));
        return;
    }
    const std::string id = loaded.bundle.id;
    for (const auto& other : open) {
        if (other->session->bundle().id == id) {
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
    interop::dropItemsWithErrors(loaded.bundle, loaded.problems);
    const auto storePath = interop::userBundleStorePath(mainStore, id);
    std::error_code ignored;
    std::filesystem::create_directories(storePath.parent_path(), ignored);
    auto store = Store::open(storePath);
    if (!store) {
        QMessageBox::warning(
            nullptr, QStringLiteral("Open bundle"), toQString(store.problems().front().message));
        return;
    }
    auto opened = openWindow(std::move(loaded), store.value(), clock);
    opened->window->show();
    opened->window->showBundleProblems();
    open.push_back(std::move(opened));
}

QString lostTables(const std::vector<std::string>& tables)
{
    QStringList names;
    for (const auto& table : tables) {
        names << toQString(table);
    }
    return names.isEmpty()
        ? QString()
        : QStringLiteral("; these tables were lost whole: %1").arg(names.join(QStringLiteral(", ")));
}

// A store that cannot be opened is explained in plain words, SQLite's findings under Details. When
// backups exist beside it the learner may restore the newest good one; when it was found damaged, recover
// what can still be read into a new file. Either way the refused file is kept beside it.
Result<std::shared_ptr<Store>> openStoreOrOfferRepair(const std::filesystem::path& path)
{
    auto store = Store::open(path);
    const bool canRestore = !Store::backups(path).empty();
    const bool canRecover = Store::markedDamaged(path);
    if (store.ok() || (!canRestore && !canRecover)) {
        return store;
    }
    QMessageBox box(QMessageBox::Warning, QStringLiteral("mlaprep: cannot open your data"),
        QStringLiteral("mlaprep cannot open your data file %1. Nothing was written to it.")
            .arg(toQString(path.filename().string())));
    box.setInformativeText(canRestore
            ? QStringLiteral("Restore the last good backup (you lose what you did since it was made), or "
                             "recover what can still be read from the damaged file. The file as it is now is "
                             "kept beside it either way.")
            : QStringLiteral(
                "There is no backup. Recover what can still be read into a new file; the damaged "
                "file is kept beside it."));
    box.setDetailedText(gui::problemsText(store.problems()));
    QPushButton* restore = canRestore
        ? box.addButton(QStringLiteral("Restore the last good backup"), QMessageBox::AcceptRole)
        : nullptr;
    QPushButton* recover = canRecover
        ? box.addButton(QStringLiteral("Recover what can be read"), QMessageBox::AcceptRole)
        : nullptr;
    box.addButton(QStringLiteral("Quit"), QMessageBox::RejectRole);
    box.exec();
    if (restore && box.clickedButton() == restore) {
        auto restored = Store::restore(path);
        if (!restored.ok()) {
            return Result<std::shared_ptr<Store>>::failure(restored.problems());
        }
        return Store::open(path);
    }
    if (recover && box.clickedButton() == recover) {
        auto recovered = Store::recover(path);
        if (!recovered.ok()) {
            return Result<std::shared_ptr<Store>>::failure(recovered.problems());
        }
        QMessageBox::information(nullptr, QStringLiteral("mlaprep: data recovered"),
            QStringLiteral(
                "Rows recovered: %1. Rows that could not be read: %2; damaged stretches skipped: %3%4. "
                "The damaged file was kept as %5.")
                .arg(recovered->rowsCopied)
                .arg(recovered->rowsUnreadable)
                .arg(recovered->damagedStretches)
                .arg(lostTables(recovered->tablesLost))
                .arg(toQString(recovered->keptAs.filename().string())));
        return Store::open(path);
    }
    return store;
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

    auto store = openStoreOrOfferRepair(databasePath);
    if (!store.ok()) {
        return fail(QStringLiteral("mlaprep: cannot open your data"),
            toQString(store.problems().front().message)
                + QStringLiteral("\n\nNothing was changed. Start mlaprep with --data-dir DIR to use "
                                 "another data folder."));
    }

    SystemClock clock;
    std::vector<std::unique_ptr<SessionWindow>> userBundles;
    std::string mainBundleId;
    auto main = openWindow(loadBundle(*bundleDir, clock), store.value(), clock, [&](const QString& dir) {
        openUserBundle(toStdString(dir), databasePath, mainBundleId, clock, userBundles);
    });
    mainBundleId = main->session->bundle().id;
    main->window->show();
    main->window->activateWindow();
    if (main->session->snapshot().hasErrors()) {
        main->window->showBundleProblems();
    }
    return QApplication::exec();
}
