#include "NoDisplay.h"

#include <cstdlib>
#include <string_view>

namespace mlaprep::app {

namespace {

bool isSet(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value;
}

bool hasArgument(int argc, char** argv, std::initializer_list<std::string_view> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const auto name : names) {
            if (argv[i] == name) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::optional<std::string> missingDisplayMessage(int argc, char** argv)
{
    if (isSet("DISPLAY") || isSet("WAYLAND_DISPLAY") || isSet("QT_QPA_PLATFORM")
        || hasArgument(argc, argv, { "-platform", "--platform" })) {
        return std::nullopt;
    }
    if (hasArgument(argc, argv, { "--help", "-h", "--help-all", "--version", "-v" })) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        return std::nullopt;
    }
    return std::string(
        "mlaprep: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a "
        "desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a screen.");
}

} // namespace mlaprep::app
