#pragma once

#include "content/BundleLoader.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "srs/SchedulerConfig.h"
#include "srs/StudyItem.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <memory>

namespace mlaprep::test {

// A Wednesday, 12:00 UTC (study day 20775): far from a day boundary, so tests can move by hours.
inline const Instant StudyNoon = fromEpochMilliseconds(1'795'003'200'000);

// The minimal bundle, a fresh store in a temp folder, a manual clock at StudyNoon and a StudyService with
// the scheduler's test defaults: the start of every test of a service built over study history.
struct StudyFixture {
    TempDir dir;
    ManualClock clock { StudyNoon };
    LoadedBundle loaded = loadBundle(minimalBundleDir(), clock);
    std::shared_ptr<Store> store = Store::open(dir / "progress.sqlite").value();
    StudyService study { store, srs::studyItemsOf(loaded.bundle), clock,
        srs::SchedulerConfig::defaultsForTesting() };
};

} // namespace mlaprep::test
