#pragma once

#include <QObject>

#include <functional>
#include <QString>
#include <utility>

class QMenu;
class QWidget;

namespace mlaprep::gui {

class AppController;

// The File menu's interop actions: Export to Anki…, Import from Anki…, Import question bank…, Open
// bundle…, Report an error… and Error reports…. Each is one user intent: it asks for a file (through
// FileChooser, so tests can answer), calls one service and says what happened in `message`.
class InteropMenu : public QObject {
    Q_OBJECT

public:
    InteropMenu(AppController& app, QWidget* window);

    void addTo(QMenu* menu);
    // What "Report an error…" starts with: the kind and id of the item on screen, or empty strings.
    void setCurrentItem(std::function<std::pair<QString, QString>()> currentItem);

    void exportToAnki();
    void importFromAnki();
    void importQuestionBank();
    void openBundle();
    // Report an error on the item on screen (setCurrentItem), or on the one a "Report this" names.
    void reportError();
    void reportErrorOn(const QString& kind, const QString& itemId);
    void showErrorReports();

signals:
    // A one-line outcome for the status bar ("Imported 12 cards from deck.apkg; 3 duplicates skipped").
    void message(const QString& text);

private:
    AppController& m_app;
    QWidget* m_window;
    std::function<std::pair<QString, QString>()> m_currentItem;
};

} // namespace mlaprep::gui
