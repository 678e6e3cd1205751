#pragma once

#include <string>
#include <vector>

namespace mlaprep {

// What a service call changed, so views refresh only what they show (Anki's OpChanges).
struct Changes {
    bool noteVisits = false;
    bool settings = false;
    std::vector<std::string> ids;

    bool any() const { return noteVisits || settings; }
};

} // namespace mlaprep
