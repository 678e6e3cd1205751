#include "gui/settings/SyncSettingsBox.h"

#include "gui/AppController.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/interop/FileChooser.h"
#include "gui/sync/SyncRunner.h"
#include "services/SyncService.h"
#include "session/AppSession.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace mlaprep::gui {

SyncSettingsBox::SyncSettingsBox(AppController& app, QWidget* parent)
    : QGroupBox(tr("Sync"), parent)
    , m_app(app)
    , m_folder(new QLabel(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_chooseButton(new QPushButton(tr("Sync &folder…"), this))
    , m_syncNowButton(new QPushButton(tr("Sync n&ow"), this))
    , m_devices(new QTableWidget(0, 4, this))
{
    m_folder->setObjectName(QStringLiteral("syncFolder"));
    m_folder->setWordWrap(true);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("syncStatusLine"));
    m_status->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("syncError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d0453a;"));
    m_error->hide();
    m_chooseButton->setObjectName(QStringLiteral("syncFolderButton"));
    m_chooseButton->setToolTip(tr("A folder your sync tool (Syncthing, Nextcloud, Dropbox, a network share) "
                                  "keeps the same on every machine. mlaprep writes its own files there."));
    m_syncNowButton->setObjectName(QStringLiteral("syncNowButton"));
    m_devices->setObjectName(QStringLiteral("syncDevices"));
    m_devices->setHorizontalHeaderLabels({ tr("Name"), tr("Device"), tr("Events"), tr("Last event") });
    m_devices->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_devices->verticalHeader()->hide();
    m_devices->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_devices->setToolTip(tr("Double-click a name to change it on every device."));
    m_devices->setMaximumHeight(140);

    connect(m_chooseButton, &QPushButton::clicked, this, &SyncSettingsBox::chooseFolder);
    connect(m_syncNowButton, &QPushButton::clicked, &m_app.sync(), &SyncRunner::syncNow);
    connect(&m_app.sync(), &SyncRunner::statusChanged, this, [this] { refresh(); });
    connect(&m_app.sync(), &SyncRunner::synced, this, [this] { refreshDevices(); });
    connect(m_devices, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!m_filling && item->column() == NameColumn) {
            rename(item->row());
        }
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_chooseButton);
    buttons->addWidget(m_syncNowButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_folder);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_devices);
    layout->addWidget(m_error);
    refresh();
    refreshDevices();
}

void SyncSettingsBox::chooseFolder()
{
    const QString chosen = FileChooser::directory(this, tr("Sync folder"));
    if (chosen.isEmpty()) {
        return;
    }
    auto changed = m_app.session().sync().setFolder(toStdString(chosen));
    if (!changed.ok()) {
        showProblem(problemsText(changed.problems()));
        return;
    }
    m_error->hide();
    m_app.publish(changed.value());
    refresh();
    refreshDevices();
    m_app.sync().syncNow();
}

void SyncSettingsBox::refresh()
{
    SyncService& service = m_app.session().sync();
    const auto folder = service.folder();
    const bool syncing = folder.ok() && folder->has_value();
    m_folder->setText(syncing ? tr("Sync folder: %1").arg(toQString(folder.value()->string()))
                              : tr("No sync folder: this device keeps its study to itself."));
    m_status->setText(m_app.sync().statusLine());
    m_syncNowButton->setEnabled(syncing);
}

void SyncSettingsBox::refreshDevices()
{
    // A name being typed is not thrown away by a sync ending meanwhile.
    if (m_devices->viewport()->isAncestorOf(QApplication::focusWidget())) {
        return;
    }
    const auto devices = m_app.session().sync().devices();
    m_filling = true;
    m_devices->setRowCount(0);
    if (devices.ok()) {
        for (const auto& device : devices.value()) {
            const int row = m_devices->rowCount();
            m_devices->insertRow(row);
            auto* name = new QTableWidgetItem(toQString(deviceLabel(device)));
            name->setData(Qt::UserRole, toQString(device.device));
            name->setFlags(name->flags() | Qt::ItemIsEditable);
            m_devices->setItem(row, NameColumn, name);
            const QString id = toQString(device.device.substr(0, 8));
            for (const auto& [column, text] :
                { std::pair { DeviceColumn, device.thisDevice ? tr("%1 (this one)").arg(id) : id },
                    std::pair { EventsColumn, QString::number(device.events) },
                    std::pair { LastColumn,
                        QDateTime::fromMSecsSinceEpoch(device.lastEventMs)
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm")) } }) {
                auto* cell = new QTableWidgetItem(text);
                cell->setFlags(cell->flags() & ~Qt::ItemIsEditable);
                m_devices->setItem(row, column, cell);
            }
        }
    } else {
        showProblem(problemsText(devices.problems()));
    }
    m_devices->setVisible(m_devices->rowCount() > 0);
    m_filling = false;
}

void SyncSettingsBox::rename(int row)
{
    QTableWidgetItem* item = m_devices->item(row, NameColumn);
    const std::string device = toStdString(item->data(Qt::UserRole).toString());
    auto changed = m_app.session().sync().renameDevice(device, toStdString(item->text()));
    if (!changed.ok()) {
        showProblem(problemsText(changed.problems()));
    } else {
        m_error->hide();
        m_app.publish(changed.value());
    }
    // Not while the table is still delivering this item's change.
    QTimer::singleShot(0, this, &SyncSettingsBox::refreshDevices);
}

void SyncSettingsBox::showProblem(const QString& text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace mlaprep::gui
