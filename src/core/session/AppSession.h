#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"
#include "session/BundleSnapshot.h"
#include "srs/SchedulerConfig.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace mlaprep {

class AnkiService;
class BookmarkService;
class ErrorReportService;
class ExamService;
class HistoryService;
class NoteService;
class ParameterFitService;
class PlanService;
class ProgressService;
class QuestionBankService;
class RealExamService;
class SearchService;
class StatsService;
class Store;
class StudyService;
class SyncService;
struct AnkiImportRequest;
struct AnkiImportSummary;

// One learner's session over one bundle: the bundle snapshot, the store, and every service, each built
// once here. The app, the CLI and the tests all start from it, so no front door wires services by hand
// and a window opened on another bundle gets the same services as the main one.
//
// The snapshot is immutable. Importing cards makes a new snapshot with them and new services over it;
// the previous ones are kept until the session ends, so a view that still holds them never dangles and
// repaints from the new ones when it gets the Changes.
class AppSession {
public:
    // Loads the bundle in `bundleDir` (problems are kept in snapshot().problems(), not fatal) and opens
    // the store at `storePath` for writing; fails only when the store cannot be opened.
    static Result<std::unique_ptr<AppSession>> open(
        const std::filesystem::path& bundleDir, const std::filesystem::path& storePath, const Clock& clock);

    // Over a bundle and a store the caller already has (a read-only store, a restored one, a test's).
    // `schedulerDefaults` are the settings used until the learner saves others. The learner's imported
    // cards are added to the bundle here.
    AppSession(LoadedBundle loaded, std::shared_ptr<Store> store, const Clock& clock,
        srs::SchedulerConfig schedulerDefaults = {});
    ~AppSession();
    AppSession(const AppSession&) = delete;
    AppSession& operator=(const AppSession&) = delete;

    const BundleSnapshot& snapshot() const { return *m_snapshot; }
    const Bundle& bundle() const { return m_snapshot->bundle(); }
    const BundleIndex& index() const { return m_snapshot->index(); }
    const Clock& clock() const { return m_clock; }
    Store& store() { return *m_store; }

    NoteService& notes();
    StudyService& study();
    ExamService& exams();
    ProgressService& progress();
    RealExamService& realExams();
    PlanService& plan();
    StatsService& stats();
    SearchService& search();
    BookmarkService& bookmarks();
    AnkiService& anki();
    ErrorReportService& reports();
    HistoryService& history();
    SyncService& sync();
    ParameterFitService& parameterFit();
    QuestionBankService& questionBank();

    // Imports an Anki package or text file (one transaction). Cards that were added join a new snapshot
    // and the study queue; the summary's Changes then also carry `bundle`.
    Result<AnkiImportSummary> importAnki(const AnkiImportRequest& request);
    // Cards a sync brought from another device's import (`changes.userCards`) join a new snapshot and the
    // study queue as imported ones do; `changes` then also carries `bundle`. Call it on the thread that
    // uses the services, after the sync has committed.
    void adoptSyncedCards(Changes& changes);

private:
    struct Services;
    std::unique_ptr<Services> buildServices(const BundleSnapshot& snapshot) const;
    // A new snapshot with `cards` (those it lacks) and new services over it, the old ones kept alive.
    void joinCards(const std::vector<Card>& cards);

    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    srs::SchedulerConfig m_schedulerDefaults;
    std::shared_ptr<const BundleSnapshot> m_snapshot;
    std::unique_ptr<Services> m_services;
    // Snapshots and services replaced during the session, kept alive for views built on them.
    std::vector<std::shared_ptr<const BundleSnapshot>> m_retiredSnapshots;
    std::vector<std::unique_ptr<Services>> m_retiredServices;
};

} // namespace mlaprep
