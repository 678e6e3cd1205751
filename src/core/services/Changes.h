#pragma once

#include <string>
#include <vector>

namespace mlaprep {

// What a service call changed, so views refresh only what they show (Anki's OpChanges).
struct Changes {
    bool noteVisits = false;
    bool settings = false;
    bool exams = false;       // an attempt's answers, flags, clock or result
    bool studyQueue = false;  // what is due, item states, the review log
    bool userCards = false;   // the learner's imported decks and cards
    bool errorReports = false;
    bool bundle = false; // a new bundle snapshot (imported cards): screens re-read the bundle
    std::vector<std::string> ids;

    bool any() const { return noteVisits || settings || exams || studyQueue || userCards || errorReports || bundle; }
};

} // namespace mlaprep
