#include "gui/interop/FileChooser.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QString>

#include <filesystem>

using namespace mlaprep;

TEST_CASE("file dialogs open in the folder of the last file chosen", "[gui][interop]")
{
    test::TempDir dir;
    std::filesystem::create_directories(dir / "exports");
    const QString folder = QString::fromStdString((dir / "exports").string());
    gui::FileChooser::setNextFileNames({ folder + QStringLiteral("/mlaprep.apkg") });
    REQUIRE_FALSE(
        gui::FileChooser::saveFile(nullptr, QStringLiteral("Export"), QStringLiteral("x"), {}).isEmpty());
    CHECK(gui::FileChooser::lastFolder() == QDir(folder).absolutePath());

    // A folder that no longer exists falls back to home.
    const QString gone = QString::fromStdString((dir / "gone").string());
    gui::FileChooser::setNextFileNames({ gone });
    gui::FileChooser::directory(nullptr, QStringLiteral("Pick"));
    CHECK(gui::FileChooser::lastFolder() == QDir::homePath());
}
