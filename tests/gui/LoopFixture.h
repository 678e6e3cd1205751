#pragma once

#include "AppServices.h"
#include "content/BundleLoader.h"
#include "services/BookmarkService.h"
#include "services/ExamService.h"
#include "services/NoteService.h"
#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/SearchService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

namespace mlaprep::test {

inline const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);

// The minimal bundle over a fresh store with every study-loop service a window uses.
struct LoopFixture {
    TempDir dir;
    ManualClock clock { Noon };
    LoadedBundle loaded = loadBundle(minimalBundleDir(), ManualClock());
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    NoteService notes { store, clock };
    StudyService study { store, srs::studyItemsOf(loaded.bundle), clock,
        srs::SchedulerConfig::defaultsForTesting() };
    ExamService exams { store, loaded.bundle, clock, study.config() };
    ProgressService progress { store, loaded.bundle, clock, study.config() };
    PlanService plan { store, loaded.bundle, clock, study.config() };
    SearchService search { store, loaded.bundle, clock };
    BookmarkService bookmarks { store, clock };

    gui::AppServices services()
    {
        gui::AppServices services;
        services.notes = &notes;
        services.study = &study;
        services.exams = &exams;
        services.progress = &progress;
        services.plan = &plan;
        services.search = &search;
        services.bookmarks = &bookmarks;
        return services;
    }
};

} // namespace mlaprep::test
