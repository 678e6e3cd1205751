#pragma once

#include "services/SettingsService.h"

#include <QDate>
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QSpinBox;

namespace mlaprep::gui {

// The exam date and daily minutes the plan is built from. The date field takes a typed year (it has no
// minimum, which would refuse "2" as the first digit of 2027); a date out of the settings' range is
// refused on OK with the message checkSettings gives.
class PlanDialog : public QDialog {
    Q_OBJECT

public:
    PlanDialog(const Settings& settings, const QDate& today, QWidget* parent = nullptr);

    Settings settings() const;
    QDateEdit* dateEdit() const { return m_date; }
    QCheckBox* hasDateBox() const { return m_hasDate; }
    QLabel* errorLabel() const { return m_error; }

    void accept() override;

private:
    Settings m_settings;
    QDate m_today;
    QCheckBox* m_hasDate;
    QDateEdit* m_date;
    QSpinBox* m_minutes;
    QLabel* m_error;
};

} // namespace mlaprep::gui
