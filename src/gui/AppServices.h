#pragma once

namespace mlaprep {
class AnkiService;
class ErrorReportService;
class ExamService;
class NoteService;
class ParameterFitService;
class StudyService;
class ProgressService;
class RealExamService;
class PlanService;
class SearchService;
class BookmarkService;
class StatsService;
class Store;
} // namespace mlaprep

namespace mlaprep::gui {

class AppController;

// The core services of a session, as a screen being built sees them (AppController::services()). A
// screen tells `app` what its intents changed. A screen whose service is absent (a test that builds one
// screen alone) shows what it will do instead.
struct AppServices {
    AppController* app = nullptr;
    NoteService* notes = nullptr;
    StudyService* study = nullptr;
    ParameterFitService* parameterFit = nullptr;
    ExamService* exams = nullptr;
    ProgressService* progress = nullptr;
    RealExamService* realExams = nullptr;
    PlanService* plan = nullptr;
    SearchService* search = nullptr;
    BookmarkService* bookmarks = nullptr;
    AnkiService* anki = nullptr;
    ErrorReportService* reports = nullptr;
    StatsService* stats = nullptr;
    // The learner's store, for File → Back up now… and Restore….
    Store* store = nullptr;
};

} // namespace mlaprep::gui
