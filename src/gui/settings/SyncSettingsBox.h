#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mlaprep::gui {

class AppController;

// Settings → Sync: the sync folder of this device (chosen with the folder chooser, kept on this device
// only), the status line, Sync now, and every device seen, with the names the learner gives them (a
// name is synced, so every device shows it). Each change is saved at once, not with the dialog's Save.
class SyncSettingsBox : public QGroupBox {
    Q_OBJECT

public:
    // Device table columns.
    enum Column { NameColumn, DeviceColumn, EventsColumn, LastColumn };

    explicit SyncSettingsBox(AppController& app, QWidget* parent = nullptr);

    // Asks for the folder (FileChooser::directory), keeps it and syncs.
    void chooseFolder();
    // The folder and the status line; the device table.
    void refresh();
    void refreshDevices();

    QLabel* statusLine() const { return m_status; }
    QTableWidget* devices() const { return m_devices; }

private:
    void rename(int row);
    void showProblem(const QString& text);

    AppController& m_app;
    QLabel* m_folder;
    QLabel* m_status;
    QLabel* m_error;
    QPushButton* m_chooseButton;
    QPushButton* m_syncNowButton;
    QTableWidget* m_devices;
    bool m_filling = false;
};

} // namespace mlaprep::gui
