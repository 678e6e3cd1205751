#pragma once

#include "common/Problem.h"
#include "content/Bundle.h"

#include <filesystem>
#include <string>

namespace mlaprep::interop {

// A bundle the learner opened that has problems is still studied for what is valid: the cards and
// questions (and case studies) that an error names are left out, so a broken item is never shown. Returns
// how many were left out.
int dropItemsWithErrors(Bundle& bundle, const Problems& problems);

// Where the learner's progress on a bundle other than the main one is kept: one store per bundle id next
// to the main store, so two bundles' items never share scheduling state.
std::filesystem::path userBundleStorePath(const std::filesystem::path& mainStore, const std::string& bundleId);

} // namespace mlaprep::interop
