#pragma once

#include "services/SettingsService.h"
#include "services/StudyService.h"

namespace mlaprep::test {

// Saves new daily limits over the study's settings, the others as stored.
inline Result<Changes> saveDailyLimits(StudyService& study, int newPerDay, int reviewsPerDay)
{
    return study.settings().change([&](Settings& settings) {
        settings.newPerDay = newPerDay;
        settings.reviewsPerDay = reviewsPerDay;
    });
}

} // namespace mlaprep::test
