// The desktop app's composition root: resolve paths, open the store, load the bundle, show the window.

#include "common/Clock.h"
#include "common/Locations.h"
#include "common/QtConvert.h"
#include "common/Theme.h"
#include "content/BundleLoader.h"
#include "MainWindow.h"
#include "services/ExamService.h"
#include "services/NoteService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "srs/StudyItem.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStandardPaths>

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

int fail(const QString& title, const QString& message)
{
    QMessageBox::critical(nullptr, title, message);
    return EXIT_FAILURE;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mlaprep"));
    QApplication::setOrganizationName(QStringLiteral("mlaprep"));
    QApplication::setApplicationVersion(QStringLiteral(MLAPREP_VERSION));

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

    const auto theme = gui::themeFromString(parser.value(QStringLiteral("theme")));
    if (!theme) {
        return fail(QStringLiteral("mlaprep"), QStringLiteral("--theme must be system, light or dark."));
    }
    gui::applyTheme(application, *theme);

    BundleSearch bundleSearch;
    bundleSearch.explicitDir = optionPath(parser, QStringLiteral("bundle"));
    bundleSearch.environmentDir = environmentPath("MLAPREP_BUNDLE");
    bundleSearch.executableDir = toStdString(QApplication::applicationDirPath());
    bundleSearch.currentDir = std::filesystem::current_path();
    bundleSearch.sourceTreeDir = std::filesystem::path(MLAPREP_SOURCE_CONTENT_DIR);
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

    auto store = Store::open(databasePath);
    if (!store.ok()) {
        return fail(QStringLiteral("mlaprep: cannot open your data"),
            toQString(store.problems().front().message)
                + QStringLiteral("\n\nNothing was changed. Start mlaprep with --data-dir DIR to use "
                                 "another data folder."));
    }

    const LoadedBundle loaded = loadBundle(*bundleDir);
    SystemClock clock;
    NoteService noteService(store.value(), clock);
    StudyService studyService(store.value(), srs::studyItemsOf(loaded.bundle), clock);

    gui::AppServices services;
    services.notes = &noteService;
    services.study = &studyService;
    ExamService examService(store.value(), loaded.bundle, clock, studyService.config());
    services.exams = &examService;
    gui::MainWindow window(loaded.bundle, loaded.problems, services);
    window.show();
    window.activateWindow();
    if (loaded.hasErrors()) {
        window.showBundleProblems();
    }
    return QApplication::exec();
}
