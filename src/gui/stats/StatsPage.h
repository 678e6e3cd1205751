#pragma once

#include "services/StatsService.h"

#include <QWidget>

#include <array>
#include <optional>

class QComboBox;
class QLabel;
class QStackedWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace mlaprep::gui {

// The Stats screen: accuracy per domain per week, answers per day, the due forecast, retention achieved
// against desired and the exam score history against the pass mark, as Qt Charts, and the weakest task
// statement's accuracy per exam-guide bullet; a message instead while there is no study history. Reads one
// StatsService report whenever it is shown and only draws it. One legend of the domains (their design
// colours, full titles) serves every chart; the weekly charts show the last 30 or 90 days or everything;
// every chart has axis titles, hover tooltips and axes scaled to its data.
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
    // The real exams beside their forecasts (rich text; empty when none is recorded).
    QString realExamsText() const;
    int seriesCount(int chart) const;
    // Points (line and scatter series) or bar values (bar series) of every series of a chart.
    int pointCount(int chart) const;
    QChart* chart(int index) const;
    QComboBox* rangeBox() const { return m_range; }
    QWidget* domainLegend() const { return m_domainLegend; }
    const std::optional<StatsReport>& report() const { return m_report; }

signals:
    void errorOccurred(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void draw();
    void setChart(int index, QChart* chart);
    void buildDomainLegend();

    StatsService& m_stats;
    std::optional<StatsReport> m_report;
    QStackedWidget* m_states;
    QLabel* m_empty;
    QLabel* m_summary;
    QLabel* m_weakTask;
    QLabel* m_realExams;
    QComboBox* m_range;
    QWidget* m_domainLegend;
    std::array<QChartView*, ChartCount> m_views {};
};

} // namespace mlaprep::gui
