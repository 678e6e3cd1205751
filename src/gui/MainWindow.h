#pragma once

#include "AppServices.h"
#include "common/Problem.h"

#include <QMainWindow>

#include <utility>

class QListWidget;
class QStackedWidget;

namespace mlaprep {
struct Bundle;
} // namespace mlaprep

namespace mlaprep::gui {

class ExamPage;
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

    MainWindow(const Bundle& bundle, const Problems& bundleProblems, AppServices services,
        QWidget* parent = nullptr);

    void showScreen(Screen screen);
    // The kind ("note", "question") and id of the item on screen, for "Report an error…"; empty if none.
    std::pair<QString, QString> currentItem() const;
    Screen currentScreen() const;
    NotesPage* notesPage() const { return m_notesPage; }
    ExamPage* examPage() const { return m_examPage; }
    TodayPage* todayPage() const { return m_todayPage; }
    StatsPage* statsPage() const { return m_statsPage; }
    SearchDialog* searchDialog() const { return m_searchDialog; }
    ShortcutsDialog* shortcutsDialog() const { return m_shortcutsDialog; }
    // Opens a note ("note-id" or "note-id#slug") in Notes, or a card or question in a read-only window.
    void openItem(const std::string& kind, const std::string& target);

    // Opens the problems dialog when the bundle had any; returns whether it did.
    bool showBundleProblems();

protected:
    void showEvent(QShowEvent* event) override;

    void backUpNow();
    void restoreBackup();

private:
    void buildMenus();
    void connectTodayPage();
    void openSearch();
    void openBookmarks();
    void showShortcuts();
    void openSettings();
    static ShortcutId goToScreen(Screen screen);

    const Bundle& m_bundle;
    Problems m_bundleProblems;
    AppServices m_services;
    QListWidget* m_sidebar;
    QStackedWidget* m_stack;
    NotesPage* m_notesPage;
    ExamPage* m_examPage = nullptr;
    TodayPage* m_todayPage = nullptr;
    StatsPage* m_statsPage = nullptr;
    SearchDialog* m_searchDialog = nullptr;
    ShortcutsDialog* m_shortcutsDialog = nullptr;
    bool m_shownOnce = false;
};

} // namespace mlaprep::gui
