#pragma once

// session/ owns what a running front door (the app, a CLI command, a test) holds for the length of a
// session: one immutable bundle snapshot and the services built over it and the learner's store. It may
// include every other core folder; nothing in core includes it.

#include "content/BundleIndex.h"
#include "content/BundleLoader.h"

#include <memory>
#include <vector>

namespace mlaprep {

// A loaded bundle that never changes once built, with its index. Screens and services may keep
// references into it for as long as they hold the snapshot; a change (the learner imports cards) makes a
// new snapshot instead of editing this one.
class BundleSnapshot {
public:
    static std::shared_ptr<const BundleSnapshot> make(LoadedBundle loaded);

    BundleSnapshot(const BundleSnapshot&) = delete;
    BundleSnapshot& operator=(const BundleSnapshot&) = delete;

    const Bundle& bundle() const { return m_loaded.bundle; }
    const BundleIndex& index() const { return m_index; }
    // What loading and validation found; the items an error names are still in the bundle.
    const Problems& problems() const { return m_loaded.problems; }
    bool hasErrors() const { return m_loaded.hasErrors(); }

    // This bundle with `cards` appended (the learner's imported cards); ids already present are skipped.
    std::shared_ptr<const BundleSnapshot> withCards(const std::vector<Card>& cards) const;

private:
    struct Key { };

public:
    BundleSnapshot(Key, LoadedBundle loaded);

private:
    LoadedBundle m_loaded;
    BundleIndex m_index;
};

} // namespace mlaprep
