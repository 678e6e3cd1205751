#include "services/BookmarkService.h"

#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/BookmarkRepository.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/Transaction.h"

namespace mlaprep {

namespace {

bool validKind(const std::string& kind)
{
    return kind == "note" || kind == "heading" || kind == "card" || kind == "question";
}

} // namespace

BookmarkService::BookmarkService(std::shared_ptr<Store> store, const Clock& clock)
    : m_store(std::move(store))
    , m_clock(clock)
{
}

Result<Changes> BookmarkService::toggle(const std::string& kind, const std::string& targetId)
{
    if (!validKind(kind) || targetId.empty()) {
        return Result<Changes>::failure(Problem { Severity::Error, "", targetId, "bookmark",
            "a bookmark is on a note, heading, card or question" });
    }
    try {
        Transaction transaction(m_store->database());
        BookmarkRepository bookmarks(m_store->database());
        const Instant now = m_clock.now();
        const bool on = !bookmarks.contains(kind, targetId);
        if (on) {
            bookmarks.add(kind, targetId, toEpochMilliseconds(now));
        } else {
            bookmarks.remove(kind, targetId);
        }
        // A bookmark is an element of an add/remove set: the newest event per element wins on every device.
        EventRepository(m_store->database())
            .recordLocal(sync::EventKind::Bookmark, kind + ":" + targetId,
                sync::Payload().set("at", toEpochMilliseconds(now)).set("on", on ? 1 : 0), now);
        transaction.commit();
        Changes changes;
        changes.settings = true;
        changes.ids.push_back(targetId);
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem(targetId));
    }
}

bool BookmarkService::isBookmarked(const std::string& kind, const std::string& targetId) const
{
    try {
        return BookmarkRepository(m_store->database()).contains(kind, targetId);
    } catch (const std::exception&) {
        return false;
    }
}

Result<std::vector<Bookmark>> BookmarkService::all() const
{
    try {
        std::vector<Bookmark> result;
        for (const auto& row : BookmarkRepository(m_store->database()).all()) {
            result.push_back(Bookmark { row.kind, row.targetId, fromEpochMilliseconds(row.createdMs) });
        }
        return result;
    } catch (...) {
        return Result<std::vector<Bookmark>>::failure(currentProblem());
    }
}

} // namespace mlaprep
