#include "gui/AppController.h"

#include "gui/sync/SyncRunner.h"
#include "services/AnkiService.h"
#include "session/AppSession.h"

namespace mlaprep::gui {

AppController::AppController(AppSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_sync(new SyncRunner(*this, this))
{
}

const Bundle& AppController::bundle() const
{
    return m_session.bundle();
}

AppServices AppController::services()
{
    AppServices services;
    services.app = this;
    services.store = &m_session.store();
    services.notes = &m_session.notes();
    services.study = &m_session.study();
    services.parameterFit = &m_session.parameterFit();
    services.exams = &m_session.exams();
    services.progress = &m_session.progress();
    services.realExams = &m_session.realExams();
    services.plan = &m_session.plan();
    services.stats = &m_session.stats();
    services.search = &m_session.search();
    services.bookmarks = &m_session.bookmarks();
    services.anki = &m_session.anki();
    services.reports = &m_session.reports();
    return services;
}

void AppController::publish(const Changes& changes)
{
    if (changes.any()) {
        emit changed(changes);
    }
}

Result<AnkiImportSummary> AppController::importAnki(const AnkiImportRequest& request)
{
    auto summary = m_session.importAnki(request);
    if (summary) {
        publish(summary->changes);
    }
    return summary;
}

void AppController::openBundle(const QString& bundleDir)
{
    if (m_openBundle) {
        m_openBundle(bundleDir);
    }
}

} // namespace mlaprep::gui
