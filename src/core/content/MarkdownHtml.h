#pragma once

#include <string>
#include <vector>

#include "content/Bundle.h"

namespace mlaprep {

// Markdown (GitHub dialect) to HTML with md4c-html. Each heading gets an <a name="slug"> anchor so that a
// view can scroll to "note#slug" links; `headings` must be the note's scanned headings, in order.
// Callouts (block quotes opening with **Exam tip**, **Trap**, **Retiring** or **Note**) get the class
// callout-exam-tip, callout-trap, callout-retiring or callout-note.
std::string markdownToHtml(const std::string& markdown, const std::vector<Heading>& headings = {});

} // namespace mlaprep
