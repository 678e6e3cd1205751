#pragma once

#include "services/Changes.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QThread;

namespace mlaprep {
struct SyncSummary;
template <typename T> class Result;
} // namespace mlaprep

namespace mlaprep::gui {

class AppController;

// Syncs the session's store through the learner's sync folder (services/SyncService): at start, a little
// after study (a review sitting, a practice set or a mock that ended) and every few minutes while the app
// is open. Each sync runs in a worker thread on its own SQLite connection, never the GUI's, so the window
// never waits for the folder; what the merge changed is published through AppController, so every screen
// repaints. A segment still arriving or a folder gone missing is a line in the status, never a dialog.
class SyncRunner : public QObject {
    Q_OBJECT

public:
    static constexpr int PeriodMs = 5 * 60 * 1000;
    // Quiet time after the last published study change before syncing it.
    static constexpr int AfterStudyMs = 30 * 1000;

    explicit SyncRunner(AppController& app, QObject* parent = nullptr);
    // Waits for a sync still running: its connection must close before the store does.
    ~SyncRunner() override;

    // The app's start: syncs now and every PeriodMs from here.
    void start();
    // Syncs now, or once more right after the sync that is running. Does nothing without a sync folder.
    void syncNow();
    bool running() const { return m_worker != nullptr; }
    // Whether this device has a sync folder.
    bool enabled();

    // "Synced 2 minutes ago · 3 devices · last from home-desktop 10:42", and after a sync that failed or
    // left segments for later, why.
    QString statusLine();

signals:
    // A sync ended (its changes published); `ok` is false when it failed.
    void synced(bool ok);
    void statusChanged(const QString& line);

private:
    void finish(const Result<SyncSummary>& outcome);

    AppController& m_app;
    QThread* m_worker = nullptr;
    bool m_again = false;
    bool m_publishing = false;
    QTimer m_period;
    QTimer m_afterStudy;
    // The status line ages ("2 minutes ago"): it is said again every minute.
    QTimer m_restate;
    QString m_failure;
    QStringList m_skipped;
};

} // namespace mlaprep::gui
