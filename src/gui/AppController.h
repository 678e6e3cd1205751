#pragma once

#include "gui/AppServices.h"
#include "services/Changes.h"

#include <QObject>
#include <QString>

#include <functional>

namespace mlaprep {
class AppSession;
struct AnkiImportRequest;
struct AnkiImportSummary;
struct Bundle;
template <typename T> class Result;
} // namespace mlaprep

namespace mlaprep::gui {

class SyncRunner;

// The GUI's one way into the learner's session: it owns no data, runs the intents that replace the
// session's bundle snapshot, and announces what every intent changed, so each screen repaints only what
// it shows (Anki's op_executed(changes)). One controller per window's session.
class AppController : public QObject {
    Q_OBJECT

public:
    explicit AppController(AppSession& session, QObject* parent = nullptr);

    AppSession& session() { return m_session; }
    // The current snapshot's bundle: read it again after changed() with `bundle` set.
    const Bundle& bundle() const;
    // The current services, for a screen being built now.
    AppServices services();

    // Syncing through the learner's sync folder, off the GUI thread; publishes what each merge changed.
    SyncRunner& sync() { return *m_sync; }

    // Tells every view what an intent changed; nothing is emitted for an empty Changes.
    void publish(const Changes& changes);
    // Imports an Anki file (one transaction); cards that were added make a new snapshot (changes.bundle).
    Result<AnkiImportSummary> importAnki(const AnkiImportRequest& request);

    // File → Open bundle…: set by the composition root, which gives the bundle its own window and session.
    void setBundleOpener(std::function<void(const QString& bundleDir)> opener)
    {
        m_openBundle = std::move(opener);
    }
    bool canOpenBundles() const { return static_cast<bool>(m_openBundle); }
    void openBundle(const QString& bundleDir);

signals:
    void changed(const mlaprep::Changes& changes);

private:
    AppSession& m_session;
    std::function<void(const QString&)> m_openBundle;
    SyncRunner* m_sync;
};

} // namespace mlaprep::gui
