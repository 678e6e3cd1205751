#include "gui/sync/SyncRunner.h"

#include "gui/AppController.h"
#include "gui/common/Plural.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "services/SyncService.h"
#include "session/AppSession.h"

#include <QThread>

#include <memory>
#include <optional>

namespace mlaprep::gui {

namespace {

// What the learner did that other devices must see (not, say, which note was read last).
bool syncsToOtherDevices(const Changes& changes)
{
    return changes.studyQueue || changes.exams || changes.settings || changes.userCards
        || changes.errorReports;
}

} // namespace

SyncRunner::SyncRunner(AppController& app, QObject* parent)
    : QObject(parent)
    , m_app(app)
{
    m_period.setInterval(PeriodMs);
    connect(&m_period, &QTimer::timeout, this, &SyncRunner::syncNow);
    m_afterStudy.setSingleShot(true);
    m_afterStudy.setInterval(AfterStudyMs);
    connect(&m_afterStudy, &QTimer::timeout, this, &SyncRunner::syncNow);
    m_restate.setInterval(60 * 1000);
    connect(&m_restate, &QTimer::timeout, this, [this] { emit statusChanged(statusLine()); });
    connect(&m_app, &AppController::changed, this, [this](const Changes& changes) {
        if (!m_publishing && syncsToOtherDevices(changes) && m_period.isActive()) {
            m_afterStudy.start();
        }
    });
}

SyncRunner::~SyncRunner()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void SyncRunner::start()
{
    m_period.start();
    m_restate.start();
    syncNow();
}

bool SyncRunner::enabled()
{
    const auto folder = m_app.session().sync().folder();
    return folder.ok() && folder->has_value();
}

void SyncRunner::syncNow()
{
    if (m_worker) {
        m_again = true;
        return;
    }
    m_afterStudy.stop();
    const auto folder = m_app.session().sync().folder();
    if (!folder.ok() || !folder->has_value()) {
        m_failure = folder.ok() ? QString() : problemsText(folder.problems(), QStringLiteral("; "));
        emit statusChanged(statusLine());
        return;
    }
    AppSession& session = m_app.session();
    Store& store = session.store();
    const Clock& clock = session.clock();
    // Copied here: the worker never touches the GUI thread's services.
    const srs::SchedulerConfig config = session.study().config();
    auto outcome = std::make_shared<std::optional<Result<SyncSummary>>>();
    m_worker = QThread::create([&store, &clock, config, path = *folder.value(), outcome] {
        auto connection = store.openWorkerConnection();
        if (!connection) {
            outcome->emplace(Result<SyncSummary>::failure(connection.problems()));
            return;
        }
        outcome->emplace(SyncService(connection.value(), clock).sync(path, config));
    });
    connect(m_worker, &QThread::finished, this, [this, outcome] {
        m_worker->wait(); // finished comes just before the thread has ended
        delete m_worker;
        m_worker = nullptr;
        finish(**outcome);
        if (m_again) {
            m_again = false;
            syncNow();
        }
    });
    m_worker->start(QThread::LowPriority);
}

void SyncRunner::finish(const Result<SyncSummary>& outcome)
{
    m_skipped.clear();
    if (!outcome.ok()) {
        m_failure = problemsText(outcome.problems(), QStringLiteral("; "));
    } else {
        m_failure.clear();
        for (const auto& note : outcome->skipped) {
            m_skipped << toQString(note);
        }
        Changes changes = outcome->changes;
        m_app.session().adoptSyncedCards(changes);
        m_publishing = true;
        m_app.publish(changes);
        m_publishing = false;
    }
    emit statusChanged(statusLine());
    emit synced(outcome.ok());
}

QString SyncRunner::statusLine()
{
    const Clock& clock = m_app.session().clock();
    const auto status = m_app.session().sync().status();
    if (!status.ok()) {
        return tr("Sync status unknown: %1").arg(problemsText(status.problems(), QStringLiteral("; ")));
    }
    const Instant now = clock.now();
    QString line = toQString(describeSyncStatus(status.value(), now, clock.utcOffsetMinutes(now)));
    if (!m_failure.isEmpty()) {
        line += tr(" · the last sync failed: %1").arg(m_failure);
    } else if (!m_skipped.isEmpty()) {
        line += tr(" · %1 still arriving")
                    .arg(countOf(static_cast<long long>(m_skipped.size()), tr("segment"), tr("segments")));
    }
    return line;
}

} // namespace mlaprep::gui
