#pragma once

#include "content/Bundle.h"

#include <string>
#include <vector>

namespace mlaprep {

// The exam-guide bullets a note section trains, derived from the cards and scored items that cite it
// (their `note` link; a case child without one cites its parent's): the union of their bullets, in
// manifest order. A section is a heading and the headings under it. With an empty `slug`, every item
// that cites the note counts, with or without a heading.
std::vector<const Bullet*> bulletsOfNoteSection(
    const Bundle& bundle, const std::string& noteId, const std::string& slug = {});

} // namespace mlaprep
