#pragma once

#include "services/StatsService.h"

#include <QWidget>

#include <array>
#include <optional>

class QLabel;
class QStackedWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace mlaprep::gui {

// The Stats screen: accuracy per domain per week, answers per day, the due forecast, retention achieved
// against desired and the exam score history against 720, as Qt Charts, and the weakest task
// statement's accuracy per exam-guide bullet; a message instead while there is no study history. Reads one
// StatsService report whenever it is shown and only draws it.
class StatsPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int ChartCount = 5;

    explicit StatsPage(StatsService& stats, QWidget* parent = nullptr);

    void refresh();

    // For tests: what is on screen, without the Qt Charts headers.
    bool showsEmptyState() const;
    QString emptyText() const;
    QString summaryText() const;
    // The weakest task statement's accuracy per exam-guide bullet (rich text; empty when none).
    QString weakTaskText() const;
    int seriesCount(int chart) const;
    // Points (line and scatter series) or bar values (bar series) of every series of a chart.
    int pointCount(int chart) const;
    const std::optional<StatsReport>& report() const { return m_report; }

signals:
    void errorOccurred(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void draw();
    void setChart(int index, QChart* chart);

    StatsService& m_stats;
    std::optional<StatsReport> m_report;
    QStackedWidget* m_states;
    QLabel* m_empty;
    QLabel* m_summary;
    QLabel* m_weakTask;
    std::array<QChartView*, ChartCount> m_views {};
};

} // namespace mlaprep::gui
