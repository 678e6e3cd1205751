#pragma once

namespace mlaprep {

// The exam as the bundle describes it (bundle.json "exam"): its length, time and score scale. The one
// source of the pass mark and the scale; nothing else spells them out.
struct ExamSpec {
    int questions = 65;
    int scored = 50;
    int minutes = 130;
    int extraMinutesOption = 30;
    int scaleMin = 100;
    int scaleMax = 1000;
    int pass = 720;
};

} // namespace mlaprep
