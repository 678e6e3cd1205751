#pragma once

#include "content/BundleLoader.h"
#include "gui/AppController.h"
#include "gui/AppServices.h"
#include "services/AnkiService.h"
#include "services/BookmarkService.h"
#include "services/ErrorReportService.h"
#include "services/ExamService.h"
#include "services/NoteService.h"
#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/SearchService.h"
#include "services/StatsService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "session/AppSession.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

namespace mlaprep::test {

inline const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);

// The minimal bundle over a fresh store, in the session and controller the app builds: a window made from
// `controller` has every service the real one has.
struct LoopFixture {
    explicit LoopFixture(Instant start = Noon)
        : clock(start)
    {
    }

    TempDir dir;
    ManualClock clock;
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    AppSession session { loadBundle(minimalBundleDir(), ManualClock()), store, clock,
        srs::SchedulerConfig::defaultsForTesting() };
    gui::AppController controller { session };
    // The session's services until a test imports cards (which builds new ones).
    NoteService& notes = session.notes();
    StudyService& study = session.study();
    ExamService& exams = session.exams();
    ProgressService& progress = session.progress();
    PlanService& plan = session.plan();
    StatsService& stats = session.stats();
    SearchService& search = session.search();
    BookmarkService& bookmarks = session.bookmarks();

    const Bundle& bundle() const { return session.bundle(); }
};

} // namespace mlaprep::test
