#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"

#include <map>
#include <memory>
#include <string>

namespace mlaprep {

class Store;

struct NoteVisit {
    Instant firstOpened;
    Instant lastOpened;
    int openCount = 0;
};

// The learner's reading of notes: what was opened and when.
class NoteService {
public:
    NoteService(std::shared_ptr<Store> store, const Clock& clock);

    Result<Changes> markOpened(const std::string& noteId);
    Result<std::map<std::string, NoteVisit>> visits() const;
    // The note opened most recently, to reopen it at start; empty when none was.
    std::string lastOpenedNote() const;

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
};

} // namespace mlaprep
