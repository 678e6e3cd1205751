#include "gui/settings/RetentionChart.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace mlaprep::gui {

RetentionChart::RetentionChart(const Bundle& bundle, const sim::PlanSimOptions& base, QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("retentionChart"));
    m_view->setMinimumSize(380, 240);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->chart()->setTitle(tr("Exam-day recall by desired retention"));
    m_status->setWordWrap(true);
    m_status->setText(
        tr("Simulating %1 learners for %2 days to the exam…").arg(base.learners).arg(base.daysToExam));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_status);

    m_worker = std::thread([this, &bundle, base] {
        auto points
            = sim::retentionCurves(bundle, Retentions, Minutes, base, [this] { return m_cancelled.load(); });
        if (m_cancelled) {
            return;
        }
        // Back on the GUI thread; dropped if the chart is gone by then (the destructor joins first).
        QMetaObject::invokeMethod(
            this, [this, points = std::move(points)]() mutable { showPoints(std::move(points)); },
            Qt::QueuedConnection);
    });
}

RetentionChart::~RetentionChart()
{
    m_cancelled = true;
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

void RetentionChart::showPoints(std::vector<sim::RetentionPoint> points)
{
    m_points = std::move(points);
    m_finished = true;
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (auto* axis : chart->axes()) {
        chart->removeAxis(axis);
    }
    auto* minutesAxis = new QValueAxis(chart);
    minutesAxis->setTitleText(tr("minutes a day"));
    minutesAxis->setRange(0, Minutes.back());
    minutesAxis->setTickCount(4);
    minutesAxis->setLabelFormat(QStringLiteral("%d"));
    auto* recallAxis = new QValueAxis(chart);
    recallAxis->setTitleText(tr("recall %"));
    recallAxis->setRange(0, 100);
    recallAxis->setTickCount(5);
    recallAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(minutesAxis, Qt::AlignBottom);
    chart->addAxis(recallAxis, Qt::AlignLeft);
    for (const double retention : Retentions) {
        auto* series = new QLineSeries(chart);
        series->setName(QString::number(retention, 'f', 2));
        for (const auto& point : m_points) {
            if (point.retention == retention) {
                series->append(point.minutesPerDay, point.examDayRecall * 100.0);
            }
        }
        chart->addSeries(series);
        series->attachAxis(minutesAxis);
        series->attachAxis(recallAxis);
    }
    m_status->setText(tr("Simulated learners under the exam-day plan: a higher retention buys recall only "
                         "when the minutes allow the extra reviews."));
    emit computed();
}

} // namespace mlaprep::gui
