#pragma once

namespace mlaprep {
class ExamService;
class NoteService;
class StudyService;
} // namespace mlaprep

namespace mlaprep::gui {

// The core services a window works through, built by the composition root (app/main.cpp). A screen whose
// service is absent shows what it will do instead.
struct AppServices {
    NoteService* notes = nullptr;
    StudyService* study = nullptr;
    ExamService* exams = nullptr;
};

} // namespace mlaprep::gui
