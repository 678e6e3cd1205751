#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"

#include <memory>
#include <string>
#include <vector>

namespace mlaprep {

class Store;

// A bookmark on a note ("note", note id), a note heading ("heading", "note-id#slug"), a card or a
// question ("card" / "question", item id).
struct Bookmark {
    std::string kind;
    std::string targetId;
    Instant created;
};

// The learner's bookmarks. Toggling is one transaction.
class BookmarkService {
public:
    BookmarkService(std::shared_ptr<Store> store, const Clock& clock);

    // Adds the bookmark when absent, removes it when present; Changes::ids holds the target.
    Result<Changes> toggle(const std::string& kind, const std::string& targetId);
    // False also when the store cannot be read.
    bool isBookmarked(const std::string& kind, const std::string& targetId) const;
    Result<std::vector<Bookmark>> all() const;

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
};

} // namespace mlaprep
