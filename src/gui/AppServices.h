#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace mlaprep {
class AnkiService;
class ErrorReportService;
struct UserCard;
class ExamService;
class NoteService;
class StudyService;
class ProgressService;
class PlanService;
class SearchService;
class BookmarkService;
class StatsService;
class Store;
} // namespace mlaprep

namespace mlaprep::gui {

// The core services a window works through, built by the composition root (app/main.cpp). A screen whose
// service is absent shows what it will do instead.
struct AppServices {
    NoteService* notes = nullptr;
    StudyService* study = nullptr;
    ExamService* exams = nullptr;
    ProgressService* progress = nullptr;
    PlanService* plan = nullptr;
    SearchService* search = nullptr;
    BookmarkService* bookmarks = nullptr;
    AnkiService* anki = nullptr;
    ErrorReportService* reports = nullptr;
    StatsService* stats = nullptr;
    // The learner's store, for File → Back up now… and Restore….
    Store* store = nullptr;
    // Set by the composition root: cards the learner just imported join the study queue and the bundle
    // the Review screen shows; a bundle folder the learner opens gets its own window and progress.
    std::function<void(const std::vector<UserCard>&)> userCardsAdded {};
    std::function<void(const QString& bundleDir)> openBundle {};
};

} // namespace mlaprep::gui
