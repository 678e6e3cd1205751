#pragma once

#include "gui/AppServices.h"
#include "services/Changes.h"
#include "sim/WorkloadSimulation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

class RetentionChart;

// Settings (File → Settings…, Ctrl+,): the exam date and daily minutes the plan is built from, the
// desired retention and daily limits of the review queue, and the theme. Save hands every field to
// SettingsService in one call (one transaction for what changed) and shows every problem it names.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(const Bundle& bundle, AppServices services, QWidget* parent = nullptr);

    // Applies what changed; false (with the reason shown in the dialog) when a service refused.
    bool save();
    // What the last successful save changed, for the window to publish.
    const Changes& saved() const { return m_saved; }

    QDateEdit* examDate() const { return m_examDate; }
    QCheckBox* examDateSet() const { return m_examDateSet; }
    QDoubleSpinBox* retention() const { return m_retention; }
    QSpinBox* newPerDay() const { return m_newPerDay; }
    QComboBox* theme() const { return m_theme; }
    // Minutes a day against exam-day recall per retention (null without the study and plan services).
    RetentionChart* retentionChart() const { return m_chart; }

    // The chart simulates few learners: it shows the shape, plan-sim gives the figures.
    static constexpr int ChartLearners = 12;
    static constexpr int DefaultChartDays = 30;

private:
    void load();
    sim::PlanSimOptions chartOptions() const;

    AppServices m_services;
    QCheckBox* m_examDateSet;
    QDateEdit* m_examDate;
    QSpinBox* m_minutes;
    QDoubleSpinBox* m_retention;
    QSpinBox* m_newPerDay;
    QSpinBox* m_reviewsPerDay;
    QComboBox* m_theme;
    QLabel* m_error;
    RetentionChart* m_chart = nullptr;
    Changes m_saved;
};

} // namespace mlaprep::gui
