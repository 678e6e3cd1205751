#include "gui/stats/StatsPage.h"

#include "gui/common/Design.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/Theme.h"
#include "gui/common/WeakTaskHtml.h"
#include "gui/stats/RealExamsText.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace mlaprep::gui {

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

QDate dateOf(std::int64_t day)
{
    return QDate(1970, 1, 1).addDays(day);
}

// A study day as a chart x value: noon of that date, UTC, so the axis shows the date itself.
qreal xOf(std::int64_t day)
{
    return static_cast<qreal>(QDateTime(dateOf(day), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}

QString shortDate(std::int64_t day)
{
    return QLocale().toString(dateOf(day), QStringLiteral("MMM d"));
}

// A reference line (desired retention, the pass mark): dashed in the text colour, so no data colour is
// spent on it.
QPen referencePen(const QPalette& palette)
{
    QPen pen(palette.color(QPalette::Text));
    pen.setWidthF(1.5);
    pen.setStyle(Qt::DashLine);
    return pen;
}

QPen seriesPen(const QColor& colour)
{
    QPen pen(colour);
    pen.setWidthF(2.5);
    return pen;
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(design::Grid, design::Grid, design::Grid, design::Grid));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// One flat look per palette (no theme gradient): the page's base colour, text-coloured titles and labels,
// faint grid lines. Called once the chart has its axes.
void applyFlatTheme(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor meta = design::colours(palette).meta;
    QColor grid = meta;
    grid.setAlpha(60);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid), 1.0));
    chart->setBackgroundRoundness(4.0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(meta);
        axis->setLinePen(QPen(meta, 1.0));
        axis->setGridLinePen(QPen(grid, 1.0));
        QFont titleFont = axis->titleFont();
        titleFont.setBold(false);
        axis->setTitleFont(titleFont);
    }
}

// A date axis over [firstDay, lastDay], padded half a week so single points sit inside.
QDateTimeAxis* dateAxis(std::int64_t firstDay, std::int64_t lastDay)
{
    auto* axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("MMM d"));
    axis->setMin(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xOf(firstDay)) - 3 * DayMs, Qt::UTC));
    axis->setMax(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xOf(lastDay)) + 3 * DayMs, Qt::UTC));
    axis->setTickCount(std::clamp(static_cast<int>((lastDay - firstDay) / 7) + 2, 2, 7));
    return axis;
}

// A percent axis from just below the lowest value (to a multiple of ten) up to 100 %.
QValueAxis* percentAxis(double lowest)
{
    const double low = std::clamp(std::floor(lowest / 10.0) * 10.0 - 10.0, 0.0, 90.0);
    auto* axis = new QValueAxis;
    axis->setRange(low, 100.0);
    const double step = 100.0 - low > 50.0 ? 20.0 : 10.0;
    axis->setTickCount(static_cast<int>(std::lround((100.0 - low) / step)) + 1);
    axis->setLabelFormat(QStringLiteral("%d%%"));
    return axis;
}

// A value axis under bars at positions 0 … days-1, labelled with the date every week (and the first day).
QCategoryAxis* dayBarAxis(std::int64_t firstDay, int days, std::int64_t labelled)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(-0.5);
    axis->setRange(-0.5, days - 0.5);
    for (int i = 0; i < days; ++i) {
        if ((firstDay + i - labelled) % 7 == 0) {
            axis->append(firstDay + i == labelled ? QObject::tr("today") : shortDate(firstDay + i), i);
        }
    }
    axis->setGridLineVisible(false);
    return axis;
}

QValueAxis* countAxis(int maximum)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, std::max(5, maximum));
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->applyNiceNumbers();
    return axis;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void showBarTips(QBarSet* set, std::int64_t firstDay, const QString& what)
{
    QObject::connect(set, &QBarSet::hovered, set, [set, firstDay, what](bool status, int index) {
        if (status) {
            QToolTip::showText(QCursor::pos(),
                QObject::tr("%1: %2 %3").arg(shortDate(firstDay + index)).arg(set->at(index)).arg(what));
        }
    });
}

// The first day the weekly charts show for a range of `days` (0 = everything).
std::int64_t rangeStart(std::int64_t firstWeek, std::int64_t today, int days)
{
    return days > 0 ? std::max(firstWeek, weekStartOf(today - days + 1)) : firstWeek;
}

} // namespace

StatsPage::StatsPage(StatsService& stats, QWidget* parent)
    : QWidget(parent)
    , m_stats(stats)
    , m_states(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_weakTask(new QLabel(this))
    , m_realExams(new QLabel(this))
    , m_range(new QComboBox(this))
    , m_domainLegend(new QWidget(this))
{
    setObjectName(QStringLiteral("statsPage"));
    auto* title = new QLabel(tr("Stats"), this);
    title->setFont(design::font(font(), design::TextRole::PageTitle));
    m_range->setObjectName(QStringLiteral("statsRange"));
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("All time"), 0);
    m_range->setCurrentIndex(1);
    m_range->setToolTip(tr("The span of the weekly charts (accuracy, retention, exam scores)"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { draw(); });
    m_domainLegend->setObjectName(QStringLiteral("statsDomainLegend"));

    m_empty->setObjectName(QStringLiteral("statsEmpty"));
    m_empty->setText(tr("No study history yet: review or take a mock and your charts appear here."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_empty->setFont(emptyFont);

    m_summary->setObjectName(QStringLiteral("statsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_realExams->setObjectName(QStringLiteral("statsRealExams"));
    m_realExams->setWordWrap(true);
    m_realExams->setTextFormat(Qt::RichText);
    m_realExams->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_weakTask->setObjectName(QStringLiteral("statsWeakTask"));
    m_weakTask->setWordWrap(true);
    m_weakTask->setTextFormat(Qt::RichText);
    m_weakTask->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < ChartCount; ++i) {
        auto* view = new QChartView(charts);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 280);
        view->setFrameShape(QFrame::NoFrame);
        m_views[static_cast<std::size_t>(i)] = view;
    }
    // Top row the three trends (accuracy, retention, exam scores), bottom row the two day-by-day bars,
    // on a six-column grid so both rows fill the width.
    grid->addWidget(m_views[0], 0, 0, 1, 2);
    grid->addWidget(m_views[3], 0, 2, 1, 2);
    grid->addWidget(m_views[4], 0, 4, 1, 2);
    grid->addWidget(m_views[1], 1, 0, 1, 3);
    grid->addWidget(m_views[2], 1, 3, 1, 3);
    for (int column = 0; column < 6; ++column) {
        grid->setColumnStretch(column, 1);
    }

    auto* inner = new QWidget(this);
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(0, 0, 0, 0);
    innerLayout->setSpacing(design::Grid);
    innerLayout->addWidget(m_summary);
    innerLayout->addWidget(m_domainLegend);
    innerLayout->addWidget(m_weakTask);
    innerLayout->addWidget(m_realExams);
    innerLayout->addWidget(charts, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);

    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addStretch(2);
    m_states->addWidget(emptyPage);
    m_states->addWidget(scroll);

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_range);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(3 * design::Grid, 2 * design::Grid, 3 * design::Grid, 2 * design::Grid);
    layout->setSpacing(design::Grid);
    layout->addLayout(header);
    layout->addWidget(m_states, 1);
}

void StatsPage::buildDomainLegend()
{
    if (m_domainLegend->layout() || !m_report) {
        return;
    }
    // Two columns: four full titles in one row would widen the page past the window.
    auto* grid = new QGridLayout(m_domainLegend);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(3 * design::Grid);
    grid->setVerticalSpacing(design::Grid / 2);
    int index = 0;
    for (const auto& domain : m_report->domainAccuracy) {
        auto* label = new QLabel(m_domainLegend);
        label->setObjectName(QStringLiteral("statsDomainLegendEntry"));
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setText(
            QStringLiteral("<span style='color:%1; font-size:large'>■</span> %2 · %3")
                .arg(design::domainColour(index + 1).name(), toQString(domain.domainId).toHtmlEscaped(),
                    toQString(domain.title).toHtmlEscaped()));
        grid->addWidget(label, index / 2, index % 2);
        ++index;
    }
}

QChart* StatsPage::chart(int index) const
{
    return m_views.at(static_cast<std::size_t>(index))->chart();
}

void StatsPage::refresh()
{
    auto result = m_stats.report();
    if (!result.ok()) {
        m_report.reset();
        emit errorOccurred(problemsText(result.problems()));
    } else {
        m_report = result.value();
    }
    draw();
}

bool StatsPage::showsEmptyState() const
{
    return m_states->currentIndex() == 0;
}

QString StatsPage::emptyText() const
{
    return m_empty->text();
}

QString StatsPage::summaryText() const
{
    return m_summary->text();
}

QString StatsPage::weakTaskText() const
{
    return m_weakTask->text();
}

QString StatsPage::realExamsText() const
{
    return m_realExams->text();
}

int StatsPage::seriesCount(int chart) const
{
    const QChart* c = m_views.at(static_cast<std::size_t>(chart))->chart();
    return static_cast<int>(c->series().size());
}

int StatsPage::pointCount(int chart) const
{
    int count = 0;
    for (auto* series : m_views.at(static_cast<std::size_t>(chart))->chart()->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series)) {
            count += static_cast<int>(xy->count());
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            for (auto* set : bars->barSets()) {
                for (int i = 0; i < set->count(); ++i) {
                    count += set->at(i) > 0 ? 1 : 0;
                }
            }
        }
    }
    return count;
}

void StatsPage::setChart(int index, QChart* chart)
{
    QChartView* view = m_views.at(static_cast<std::size_t>(index));
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

void StatsPage::draw()
{
    const QPalette& colours = palette();
    const design::Colours& semantic = design::colours(colours);
    if (!m_report || m_report->empty) {
        m_states->setCurrentIndex(0);
        for (int i = 0; i < ChartCount; ++i) {
            setChart(i, newChart(QString()));
        }
        return;
    }
    m_states->setCurrentIndex(1);
    const StatsReport& report = *m_report;
    buildDomainLegend();
    const int rangeDays = m_range->currentData().toInt();

    // The summary line.
    int last30 = 0;
    for (const auto& day : report.reviewsPerDay) {
        last30 += day.total();
    }
    int dueWeek = 0;
    for (std::size_t i = 0; i < report.dueForecast.size() && i < 7; ++i) {
        dueWeek += report.dueForecast[i].items;
    }
    QString summary = tr("Answers: %1 in total, %2 in the last 30 days. Due in the next 7 days: %3.")
                          .arg(report.totalAnswers)
                          .arg(last30)
                          .arg(dueWeek);
    int mocks = 0;
    const ExamScorePoint* lastMock = nullptr;
    for (const auto& exam : report.exams) {
        if (exam.mock) {
            ++mocks;
            lastMock = &exam;
        }
    }
    if (lastMock) {
        summary += QLatin1Char(' ')
            + tr("Mock exams taken: %1; the last scored %2 (an estimate; pass %3).")
                  .arg(mocks)
                  .arg(lastMock->scaledScore)
                  .arg(report.passingScore);
    }
    m_summary->setText(summary);
    m_weakTask->setText(report.weakestTask ? weakTaskBulletsHtml(*report.weakestTask) : QString());
    m_realExams->setText(gui::realExamsText(report.realExams));
    m_realExams->setVisible(!report.realExams.empty());
    m_weakTask->setVisible(report.weakestTask.has_value());

    // The span the weekly charts share: from the first week with an answer (or the range's start) to today.
    std::int64_t firstWeek = weekStartOf(report.today);
    for (const auto& domain : report.domainAccuracy) {
        if (!domain.weeks.empty()) {
            firstWeek = std::min(firstWeek, domain.weeks.front().weekStart);
        }
    }
    firstWeek = rangeStart(firstWeek, report.today, rangeDays);
    const auto inRange = [firstWeek](std::int64_t day) { return day >= firstWeek; };

    // 1. Accuracy per domain per week.
    {
        QChart* chart = newChart(tr("Accuracy per domain (% right per week)"));
        double lowest = 100.0;
        for (const auto& domain : report.domainAccuracy) {
            for (const auto& week : domain.weeks) {
                lowest = inRange(week.weekStart) ? std::min(lowest, week.percent()) : lowest;
            }
        }
        auto* x = dateAxis(firstWeek, report.today);
        x->setTitleText(tr("Week"));
        auto* y = percentAxis(lowest);
        y->setTitleText(tr("Right"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        int number = 1;
        for (const auto& domain : report.domainAccuracy) {
            auto* series = new QLineSeries;
            series->setName(toQString(domain.domainId + " · " + domain.title));
            series->setPen(seriesPen(design::domainColour(number++)));
            series->setPointsVisible(true);
            std::vector<WeekAccuracy> weeks;
            for (const auto& week : domain.weeks) {
                if (inRange(week.weekStart)) {
                    series->append(xOf(week.weekStart), week.percent());
                    weeks.push_back(week);
                }
            }
            attach(chart, series, x, y);
            const QString title = toQString(domain.title);
            connect(series, &QLineSeries::hovered, series, [weeks, title](const QPointF& point, bool state) {
                if (!state) {
                    return;
                }
                for (const auto& week : weeks) {
                    if (std::abs(xOf(week.weekStart) - point.x()) < 3.5 * DayMs) {
                        QToolTip::showText(QCursor::pos(),
                            tr("%1\nweek of %2: %3 of %4 right (%5%)")
                                .arg(title, shortDate(week.weekStart))
                                .arg(week.right)
                                .arg(week.answers)
                                .arg(std::lround(week.percent())));
                        return;
                    }
                }
            });
        }
        // The page's one domain legend names the colours in full.
        chart->legend()->setVisible(false);
        applyFlatTheme(chart, colours);
        setChart(0, chart);
    }

    // 2. Answers per day, last 30 days.
    {
        QChart* chart = newChart(tr("Answers per day (last 30 days)"));
        const std::int64_t firstDay = report.reviewsPerDay.front().day;
        auto* review = new QBarSet(tr("Review"));
        auto* exam = new QBarSet(tr("Exams and practice"));
        int maximum = 0;
        for (const auto& day : report.reviewsPerDay) {
            review->append(day.review);
            exam->append(day.exam);
            maximum = std::max(maximum, day.total());
        }
        review->setColor(semantic.accent);
        review->setBorderColor(semantic.accent);
        exam->setColor(semantic.meta);
        exam->setBorderColor(semantic.meta);
        showBarTips(review, firstDay, tr("on the Review screen"));
        showBarTips(exam, firstDay, tr("in exams and practice"));
        auto* series = new QStackedBarSeries;
        series->setBarWidth(0.8);
        series->append(review);
        series->append(exam);
        auto* x = dayBarAxis(firstDay, StatsReport::Days, report.today);
        x->setTitleText(tr("Day"));
        auto* y = countAxis(maximum);
        y->setTitleText(tr("Answers"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        attach(chart, series, x, y);
        applyFlatTheme(chart, colours);
        setChart(1, chart);
    }

    // 3. Due forecast, next 30 days.
    {
        QChart* chart = newChart(tr("Due forecast (next 30 days, overdue counted today)"));
        auto* due = new QBarSet(tr("Items due"));
        due->setColor(semantic.due);
        due->setBorderColor(semantic.due);
        int maximum = 0;
        for (const auto& day : report.dueForecast) {
            due->append(day.items);
            maximum = std::max(maximum, day.items);
        }
        showBarTips(due, report.today, tr("due"));
        auto* series = new QStackedBarSeries;
        series->setBarWidth(0.8);
        series->append(due);
        auto* x = dayBarAxis(report.today, StatsReport::Days, report.today);
        x->setTitleText(tr("Day"));
        auto* y = countAxis(maximum);
        y->setTitleText(tr("Items due"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        attach(chart, series, x, y);
        chart->legend()->setVisible(false);
        applyFlatTheme(chart, colours);
        setChart(2, chart);
    }

    // 4. Retention achieved against desired.
    {
        QChart* chart = newChart(tr("Retention achieved vs desired (per week)"));
        const double desired = report.desiredRetention * 100.0;
        double low = desired;
        std::vector<WeekAccuracy> weeks;
        for (const auto& week : report.retention) {
            if (inRange(week.weekStart)) {
                low = std::min(low, week.percent());
                weeks.push_back(week);
            }
        }
        auto* x = dateAxis(firstWeek, report.today);
        x->setTitleText(tr("Week"));
        auto* y = percentAxis(low);
        y->setTitleText(tr("Recalled"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto* achieved = new QLineSeries;
        achieved->setName(tr("Recalled"));
        achieved->setPen(seriesPen(semantic.accent));
        achieved->setPointsVisible(true);
        for (const auto& week : weeks) {
            achieved->append(xOf(week.weekStart), week.percent());
        }
        auto* target = new QLineSeries;
        target->setName(tr("Desired %1%").arg(std::lround(desired)));
        target->setPen(referencePen(colours));
        target->append(x->min().toMSecsSinceEpoch(), desired);
        target->append(x->max().toMSecsSinceEpoch(), desired);
        attach(chart, achieved, x, y);
        attach(chart, target, x, y);
        connect(achieved, &QLineSeries::hovered, achieved, [weeks](const QPointF& point, bool state) {
            for (const auto& week : weeks) {
                if (state && std::abs(xOf(week.weekStart) - point.x()) < 3.5 * DayMs) {
                    QToolTip::showText(QCursor::pos(),
                        tr("week of %1: %2 of %3 reviews recalled")
                            .arg(shortDate(week.weekStart))
                            .arg(week.right)
                            .arg(week.answers));
                    return;
                }
            }
        });
        applyFlatTheme(chart, colours);
        setChart(3, chart);
    }

    // 5. Exam score history against the pass mark.
    {
        QChart* chart = newChart(tr("Exam scores (scaled estimate)"));
        std::vector<ExamScorePoint> exams;
        std::int64_t firstDay = report.today;
        int lowest = report.passingScore;
        int highest = report.passingScore;
        for (const auto& exam : report.exams) {
            if (rangeDays == 0 || exam.day > report.today - rangeDays) {
                exams.push_back(exam);
                firstDay = std::min(firstDay, exam.day);
                lowest = std::min(lowest, exam.scaledScore);
                highest = std::max(highest, exam.scaledScore);
            }
        }
        auto* x = dateAxis(firstDay, report.today);
        x->setTitleText(tr("Date"));
        auto* y = new QValueAxis;
        // From a hundred below the lowest score to a hundred above the highest, the pass mark in between.
        y->setRange(std::max(100, (lowest / 100 - 1) * 100), std::min(1000, (highest / 100 + 2) * 100));
        y->setTickCount(static_cast<int>((y->max() - y->min()) / 100) + 1);
        y->setLabelFormat(QStringLiteral("%d"));
        y->setTitleText(tr("Scaled score"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto* mocksSeries = new QLineSeries;
        mocksSeries->setName(tr("Mock exams"));
        mocksSeries->setPen(seriesPen(semantic.accent));
        mocksSeries->setPointsVisible(true);
        auto* practice = new QScatterSeries;
        practice->setName(tr("Practice sessions"));
        practice->setMarkerSize(9.0);
        practice->setColor(semantic.meta);
        practice->setBorderColor(semantic.meta);
        for (const auto& exam : exams) {
            (exam.mock ? static_cast<QXYSeries*>(mocksSeries) : practice)
                ->append(static_cast<qreal>(exam.finishedMs), exam.scaledScore);
        }
        auto* pass = new QLineSeries;
        pass->setName(tr("Pass %1").arg(report.passingScore));
        pass->setPen(referencePen(colours));
        pass->append(x->min().toMSecsSinceEpoch(), report.passingScore);
        pass->append(x->max().toMSecsSinceEpoch(), report.passingScore);
        attach(chart, mocksSeries, x, y);
        const bool hasPractice = practice->count() > 0;
        if (hasPractice) {
            attach(chart, practice, x, y);
        } else {
            delete practice;
            practice = nullptr;
        }
        attach(chart, pass, x, y);
        const auto tip = [exams](const QPointF& point, bool state) {
            for (const auto& exam : exams) {
                if (state && std::abs(static_cast<qreal>(exam.finishedMs) - point.x()) < DayMs / 4.0) {
                    QToolTip::showText(QCursor::pos(),
                        tr("%1 %2: %3 (%4 of %5 right)")
                            .arg(exam.mock ? tr("Mock") : tr("Practice"), shortDate(exam.day))
                            .arg(exam.scaledScore)
                            .arg(exam.scoredCorrect)
                            .arg(exam.scoredTotal));
                    return;
                }
            }
        };
        connect(mocksSeries, &QLineSeries::hovered, mocksSeries, tip);
        if (hasPractice) {
            connect(practice, &QScatterSeries::hovered, practice, tip);
        }
        if (exams.empty()) {
            chart->setTitle(chart->title() + tr(" — no finished exam in this range"));
        }
        applyFlatTheme(chart, colours);
        setChart(4, chart);
    }
}

void StatsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_report) {
        draw();
    }
}

} // namespace mlaprep::gui
