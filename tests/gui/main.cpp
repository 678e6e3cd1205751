#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv)
{
    // GUI tests always run offscreen, also when CTest lists them right after the build.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Catch2 has no event loop of its own: widgets need a QApplication for the whole run.
    QApplication application(argc, argv);
    return Catch::Session().run(argc, argv);
}
