#pragma once

#include "common/Clock.h"
#include "common/Problem.h"
#include "content/Bundle.h"

#include <filesystem>

namespace mlaprep {

// A bundle as far as it could be read, and every problem found on the way. The bundle holds whatever
// loaded; a file that could not be read or parsed contributes nothing, but never stops the others.
struct LoadedBundle {
    Bundle bundle;
    Problems problems;
    bool manifestRead = false; // false when bundle.json itself was missing or unparseable

    bool hasErrors() const { return mlaprep::hasErrors(problems); }
};

// Reads bundle.json and the files it lists: bounded, UTF-8 checked, JSON parsed without exceptions
// escaping, every field type-checked. Shape problems only; the contract's cross-item rules are
// BundleValidator's. Problems name files relative to `root`.
LoadedBundle readBundle(const std::filesystem::path& root);

// readBundle followed by validateBundle, dated by `clock`'s local day: what the app and the CLI call.
LoadedBundle loadBundle(const std::filesystem::path& root, const Clock& clock);

} // namespace mlaprep
