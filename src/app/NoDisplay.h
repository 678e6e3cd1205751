#pragma once

#include <optional>
#include <string>

namespace mlaprep::app {

// Qt aborts with a long text when it finds no display. Before the application object is made, this
// says in one line what to do instead, or nothing when a display (or an explicit platform) is there.
// Asking only for --help or --version needs no display: for those it selects the offscreen platform.
std::optional<std::string> missingDisplayMessage(int argc, char** argv);

} // namespace mlaprep::app
