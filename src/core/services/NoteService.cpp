#include "services/NoteService.h"

#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/NoteVisitRepository.h"
#include "store/Transaction.h"

namespace mlaprep {

namespace {

} // namespace

NoteService::NoteService(std::shared_ptr<Store> store, const Clock& clock)
    : m_store(std::move(store))
    , m_clock(clock)
{
}

Result<Changes> NoteService::markOpened(const std::string& noteId)
{
    try {
        Transaction transaction(m_store->database());
        NoteVisitRepository(m_store->database()).recordOpened(noteId, toEpochMilliseconds(m_clock.now()));
        transaction.commit();
        Changes changes;
        changes.noteVisits = true;
        changes.ids.push_back(noteId);
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem(noteId));
    }
}

Result<std::map<std::string, NoteVisit>> NoteService::visits() const
{
    try {
        std::map<std::string, NoteVisit> result;
        for (const auto& row : NoteVisitRepository(m_store->database()).all()) {
            result[row.noteId] = NoteVisit { fromEpochMilliseconds(row.firstOpenedMs),
                fromEpochMilliseconds(row.lastOpenedMs), row.openCount };
        }
        return result;
    } catch (...) {
        return Result<std::map<std::string, NoteVisit>>::failure(currentProblem());
    }
}

std::string NoteService::lastOpenedNote() const
{
    auto all = visits();
    if (!all.ok()) {
        return {};
    }
    std::string best;
    Instant bestAt {};
    for (const auto& [id, visit] : all.value()) {
        if (best.empty() || visit.lastOpened > bestAt) {
            best = id;
            bestAt = visit.lastOpened;
        }
    }
    return best;
}

} // namespace mlaprep
