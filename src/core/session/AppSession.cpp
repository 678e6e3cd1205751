#include "session/AppSession.h"

#include "services/AnkiService.h"
#include "services/BookmarkService.h"
#include "services/ErrorReportService.h"
#include "services/ExamService.h"
#include "services/HistoryService.h"
#include "services/NoteService.h"
#include "services/ParameterFitService.h"
#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/QuestionBankService.h"
#include "services/RealExamService.h"
#include "services/SearchService.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "srs/StudyItem.h"

namespace mlaprep {

// Built together because the services that plan, score or show progress read the scheduler settings
// through the study service's config().
struct AppSession::Services {
    std::unique_ptr<NoteService> notes;
    std::unique_ptr<StudyService> study;
    std::unique_ptr<ExamService> exams;
    std::unique_ptr<ProgressService> progress;
    std::unique_ptr<RealExamService> realExams;
    std::unique_ptr<PlanService> plan;
    std::unique_ptr<StatsService> stats;
    std::unique_ptr<SearchService> search;
    std::unique_ptr<BookmarkService> bookmarks;
    std::unique_ptr<AnkiService> anki;
    std::unique_ptr<ErrorReportService> reports;
    std::unique_ptr<HistoryService> history;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<ParameterFitService> parameterFit;
    std::unique_ptr<QuestionBankService> questionBank;
};

namespace {

// The learner's imported cards, shown and studied like the bundle's. A store that cannot list them
// (read-only and too old) leaves the bundle as it is.
std::vector<Card> importedCards(const std::shared_ptr<Store>& store, const Clock& clock)
{
    std::vector<Card> cards;
    auto stored = AnkiService(store, clock).userCards();
    if (stored) {
        for (const auto& card : stored.value()) {
            cards.push_back(toBundleCard(card));
        }
    }
    return cards;
}

} // namespace

Result<std::unique_ptr<AppSession>> AppSession::open(
    const std::filesystem::path& bundleDir, const std::filesystem::path& storePath, const Clock& clock)
{
    auto store = Store::open(storePath);
    if (!store) {
        return Result<std::unique_ptr<AppSession>>::failure(store.problems());
    }
    return std::make_unique<AppSession>(loadBundle(bundleDir, clock), store.value(), clock);
}

AppSession::AppSession(LoadedBundle loaded, std::shared_ptr<Store> store, const Clock& clock,
    srs::SchedulerConfig schedulerDefaults)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_schedulerDefaults(std::move(schedulerDefaults))
    , m_snapshot(BundleSnapshot::make(std::move(loaded))->withCards(importedCards(m_store, clock)))
    , m_services(buildServices(*m_snapshot))
{
}

AppSession::~AppSession() = default;

std::unique_ptr<AppSession::Services> AppSession::buildServices(const BundleSnapshot& snapshot) const
{
    const Bundle& bundle = snapshot.bundle();
    auto services = std::make_unique<Services>();
    services->notes = std::make_unique<NoteService>(m_store, m_clock);
    services->study
        = std::make_unique<StudyService>(m_store, srs::studyItemsOf(bundle), m_clock, m_schedulerDefaults);
    const srs::SchedulerConfig& config = services->study->config();
    services->exams = std::make_unique<ExamService>(m_store, bundle, m_clock, config);
    services->progress = std::make_unique<ProgressService>(m_store, bundle, m_clock, config);
    services->realExams
        = std::make_unique<RealExamService>(m_store, *services->progress, m_clock, bundle.exam);
    services->plan = std::make_unique<PlanService>(m_store, bundle, m_clock, config);
    services->stats = std::make_unique<StatsService>(m_store, bundle, m_clock, config);
    services->search = std::make_unique<SearchService>(m_store, bundle, m_clock);
    services->bookmarks = std::make_unique<BookmarkService>(m_store, m_clock);
    services->anki = std::make_unique<AnkiService>(m_store, m_clock);
    services->reports = std::make_unique<ErrorReportService>(m_store, m_clock, bundle);
    services->history = std::make_unique<HistoryService>(m_store, bundle, config);
    services->sync = std::make_unique<SyncService>(m_store, m_clock);
    services->parameterFit = std::make_unique<ParameterFitService>(*services->study);
    services->questionBank = std::make_unique<QuestionBankService>(m_clock);
    return services;
}

Result<AnkiImportSummary> AppSession::importAnki(const AnkiImportRequest& request)
{
    auto summary = anki().importFile(request);
    if (!summary || summary->added.empty()) {
        return summary;
    }
    std::vector<Card> cards;
    for (const auto& card : summary->added) {
        cards.push_back(toBundleCard(card));
    }
    joinCards(cards);
    summary->changes.bundle = true;
    summary->changes.studyQueue = true;
    return summary;
}

void AppSession::adoptSyncedCards(Changes& changes)
{
    if (!changes.userCards) {
        return;
    }
    joinCards(importedCards(m_store, m_clock));
    changes.bundle = true;
    changes.studyQueue = true;
}

void AppSession::joinCards(const std::vector<Card>& cards)
{
    m_retiredSnapshots.push_back(m_snapshot);
    m_retiredServices.push_back(std::move(m_services));
    m_snapshot = m_snapshot->withCards(cards);
    m_services = buildServices(*m_snapshot);
}

NoteService& AppSession::notes()
{
    return *m_services->notes;
}
StudyService& AppSession::study()
{
    return *m_services->study;
}
ParameterFitService& AppSession::parameterFit()
{
    return *m_services->parameterFit;
}
QuestionBankService& AppSession::questionBank()
{
    return *m_services->questionBank;
}
ExamService& AppSession::exams()
{
    return *m_services->exams;
}
ProgressService& AppSession::progress()
{
    return *m_services->progress;
}
RealExamService& AppSession::realExams()
{
    return *m_services->realExams;
}
PlanService& AppSession::plan()
{
    return *m_services->plan;
}
StatsService& AppSession::stats()
{
    return *m_services->stats;
}
SearchService& AppSession::search()
{
    return *m_services->search;
}
BookmarkService& AppSession::bookmarks()
{
    return *m_services->bookmarks;
}
AnkiService& AppSession::anki()
{
    return *m_services->anki;
}
ErrorReportService& AppSession::reports()
{
    return *m_services->reports;
}
HistoryService& AppSession::history()
{
    return *m_services->history;
}

SyncService& AppSession::sync()
{
    return *m_services->sync;
}

} // namespace mlaprep
