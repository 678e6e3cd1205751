#pragma once

#include "sim/WorkloadSimulation.h"

#include <QWidget>

#include <atomic>
#include <thread>
#include <vector>

class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace mlaprep {
struct Bundle;
}

namespace mlaprep::gui {

// Settings' small chart: minutes a day against the recall predicted for exam day, one line per desired
// retention, from the workload simulator (sim::retentionCurves) run in a worker thread so the dialog
// stays responsive. Closing the dialog cancels the run.
class RetentionChart : public QWidget {
    Q_OBJECT

public:
    static inline const std::vector<double> Retentions { 0.80, 0.85, 0.90, 0.95 };
    static inline const std::vector<int> Minutes { 10, 20, 40, 60, 90 };

    // `bundle` must outlive the chart; `base` gives the days to the exam, learners, seed and timings.
    RetentionChart(const Bundle& bundle, const sim::PlanSimOptions& base, QWidget* parent = nullptr);
    ~RetentionChart() override;

    bool finished() const { return m_finished; }
    const std::vector<sim::RetentionPoint>& points() const { return m_points; }
    QChartView* view() const { return m_view; }

signals:
    void computed();

private:
    void showPoints(std::vector<sim::RetentionPoint> points);

    QChartView* m_view;
    QLabel* m_status;
    std::vector<sim::RetentionPoint> m_points;
    bool m_finished = false;
    std::atomic<bool> m_cancelled { false };
    std::thread m_worker;
};

} // namespace mlaprep::gui
