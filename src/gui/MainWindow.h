#pragma once

#include "gui/AppServices.h"
#include "services/Changes.h"

#include <QMainWindow>

#include <array>
#include <optional>
#include <utility>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace mlaprep::gui {

class AppController;
class ExamPage;
class InteropMenu;
class ReviewPage;
class ShortcutsDialog;
enum class ShortcutId;
class NotesPage;
class TodayPage;
class StatsPage;
class SearchDialog;

// The one main window: a sidebar of screens (Today, Notes, Review, Exam, Stats) and the screen itself.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Screen { Today, Notes, Review, Exam, Stats };

    // Every screen over the controller's session; the window repaints from the Changes it announces.
    explicit MainWindow(AppController& app, QWidget* parent = nullptr);

    void showScreen(Screen screen);
    // The kind ("note", "question") and id of the item on screen, for "Report an error…"; empty if none.
    std::pair<QString, QString> currentItem() const;
    Screen currentScreen() const;
    NotesPage* notesPage() const { return m_notesPage; }
    ExamPage* examPage() const { return m_examPage; }
    TodayPage* todayPage() const { return m_todayPage; }
    ReviewPage* reviewPage() const { return m_reviewPage; }
    StatsPage* statsPage() const { return m_statsPage; }
    SearchDialog* searchDialog() const { return m_searchDialog; }
    ShortcutsDialog* shortcutsDialog() const { return m_shortcutsDialog; }
    // Opens a note ("note-id" or "note-id#slug") in Notes, or a card or question in a read-only window.
    void openItem(const std::string& kind, const std::string& target);

    // Opens the problems dialog when the bundle had any; returns whether it did.
    bool showBundleProblems();

protected:
    void showEvent(QShowEvent* event) override;
    // A running mock asks first (ExamPage::mayClose); Ctrl+Q comes here too.
    void closeEvent(QCloseEvent* event) override;

    void backUpNow();
    void restoreBackup();

private:
    void buildScreens();
    // buildScreens() on the screen and note the learner is on.
    void rebuildScreens();
    void buildMenus();
    void fillReviewMenu();
    void publishFrom(Screen origin, const Changes& changes);
    void apply(const Changes& changes);
    void refreshIfStale(Screen screen);
    void connectTodayPage();
    void openSearch();
    void openBookmarks();
    void showShortcuts();
    void openSettings();
    static ShortcutId goToScreen(Screen screen);
    // Exam mode: Notes, Review and Search (their sidebar rows, menu actions and keys) are closed while a
    // mock runs, since they show answers.
    void setExamMode(bool inExamMode);
    // The sidebar's pills: Review's due count, and the mock's time left while one runs.
    void showDueCount();
    void showMockTimeLeft(qint64 remainingMs);
    bool refusedInExamMode();

    AppController& m_app;
    AppServices m_services;
    QListWidget* m_sidebar;
    QStackedWidget* m_stack;
    NotesPage* m_notesPage = nullptr;
    ReviewPage* m_reviewPage = nullptr;
    QMenu* m_reviewMenu = nullptr;
    ExamPage* m_examPage = nullptr;
    TodayPage* m_todayPage = nullptr;
    StatsPage* m_statsPage = nullptr;
    SearchDialog* m_searchDialog = nullptr;
    InteropMenu* m_interop = nullptr;
    ShortcutsDialog* m_shortcutsDialog = nullptr;
    bool m_shownOnce = false;
    bool m_rebuildAfterExam = false; // a new snapshot came while the Exam screen was in use
    static constexpr std::size_t ScreenCount = 5;
    std::array<bool, ScreenCount> m_stale {};
    std::array<qint64, ScreenCount> m_refreshedAtMs {};
    std::optional<Screen> m_publishingScreen;
};

} // namespace mlaprep::gui
