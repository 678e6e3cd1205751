#include "gui/today/TodayPage.h"

#include "content/Bundle.h"
#include "gui/AppServices.h"
#include "gui/common/Design.h"
#include "gui/common/DeskStyle.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/today/DomainBar.h"
#include "gui/today/PlanDialog.h"
#include "gui/today/RealResultBox.h"
#include "services/ExamService.h"
#include "services/PlanService.h"
#include "services/ProgressService.h"
#include "services/RealExamService.h"
#include "services/StudyService.h"

#include <QDialog>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace mlaprep::gui {

namespace {

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TodayPage::TodayPage(const Bundle& bundle, const AppServices& services, QWidget* parent)
    : QWidget(parent)
    , m_bundle(bundle)
    , m_services(services)
    , m_examLine(wrappingLabel(this))
    , m_realResult(new RealResultBox(bundle.exam, this))
    , m_next(new QPushButton(this))
    , m_nextDetail(wrappingLabel(this))
    , m_behind(new QPushButton(tr("Change minutes or date…"), this))
    , m_newLimitLine(wrappingLabel(this))
    , m_setDate(new QPushButton(tr("Set exam &date…"), this))
    , m_queueLine(wrappingLabel(this))
    , m_start(new QPushButton(tr("&Start review"), this))
    , m_mock(new QPushButton(tr("Take a &mock exam"), this))
    , m_score(new QLabel(this))
    , m_range(wrappingLabel(this))
    , m_basis(wrappingLabel(this))
    , m_weakTitle(wrappingLabel(this))
    , m_weakDetail(wrappingLabel(this))
    , m_study(new QPushButton(tr("S&tudy"), this))
    , m_drill(new QPushButton(tr("D&rill"), this))
    , m_planLine(wrappingLabel(this))
    , m_trackLine(wrappingLabel(this))
    , m_outlookLine(wrappingLabel(this))
{
    setObjectName(QStringLiteral("todayPage"));
    auto* title = new QLabel(tr("Today"), this);
    title->setFont(design::font(font(), design::TextRole::PageTitle));
    m_examLine->setFont(design::font(font(), design::TextRole::Section));
    m_examLine->setObjectName(QStringLiteral("todayExamLine"));

    // The one next action leads the page; every other button is secondary.
    m_next->setObjectName(QStringLiteral("todayNextAction"));
    makePrimary(m_next);
    m_next->setMinimumWidth(36 * design::Grid);
    m_nextDetail->setObjectName(QStringLiteral("todayNextDetail"));
    m_behind->setObjectName(QStringLiteral("todayBehind"));
    m_behind->setToolTip(tr("Study longer each day or move the exam date"));
    m_newLimitLine->setObjectName(QStringLiteral("todayNewLimit"));

    m_start->setObjectName(QStringLiteral("todayStart"));
    m_start->setToolTip(tr("Review today's queue (Alt+S)"));
    m_mock->setToolTip(tr("A timed 65-question mock on the exam blueprint (Alt+M)"));
    m_study->setToolTip(tr("Open the note of the weakest task statement (Alt+T)"));
    m_drill->setToolTip(tr("A practice session on the weakest task statement only (Alt+R)"));
    m_setDate->setToolTip(tr("Exam date and minutes per day for the plan (Alt+D)"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_examLine, 1);
    header->addWidget(m_setDate);

    auto* nextBox = new QFrame(this);
    nextBox->setObjectName(QStringLiteral("todayNextBox"));
    nextBox->setFrameShape(QFrame::StyledPanel);
    auto* nextLayout = new QHBoxLayout(nextBox);
    nextLayout->setContentsMargins(2 * design::Grid, 2 * design::Grid, 2 * design::Grid, 2 * design::Grid);
    nextLayout->setSpacing(2 * design::Grid);
    nextLayout->addWidget(m_next);
    nextLayout->addWidget(m_nextDetail, 1);

    auto* queueBox = new QGroupBox(tr("Today's queue"), this);
    auto* queueLayout = new QVBoxLayout(queueBox);
    queueLayout->addWidget(m_queueLine);
    auto* queueButtons = new QHBoxLayout;
    queueButtons->addWidget(m_start);
    queueButtons->addWidget(m_mock);
    queueButtons->addStretch(1);
    queueLayout->addLayout(queueButtons);

    auto* readinessBox
        = new QGroupBox(tr("Readiness (estimated scaled score, pass %1)").arg(bundle.exam.pass), this);
    auto* readinessLayout = new QHBoxLayout(readinessBox);
    QFont scoreFont = m_score->font();
    scoreFont.setPointSizeF(scoreFont.pointSizeF() * 2.4);
    scoreFont.setBold(true);
    m_score->setFont(scoreFont);
    m_score->setObjectName(QStringLiteral("todayScore"));
    m_score->setMinimumWidth(m_score->fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    m_range->setObjectName(QStringLiteral("todayRange"));
    m_basis->setObjectName(QStringLiteral("todayReadinessBasis"));
    readinessLayout->addWidget(m_score);
    auto* readinessText = new QVBoxLayout;
    readinessText->addWidget(m_range);
    readinessText->addWidget(m_basis);
    readinessLayout->addLayout(readinessText, 1);

    auto* planBox = new QGroupBox(tr("Plan"), this);
    auto* planLayout = new QVBoxLayout(planBox);
    planLayout->addWidget(m_planLine);
    planLayout->addWidget(m_newLimitLine);
    auto* trackRow = new QHBoxLayout;
    trackRow->addWidget(m_trackLine, 1);
    trackRow->addWidget(m_behind, 0, Qt::AlignTop);
    planLayout->addLayout(trackRow);
    planLayout->addWidget(m_outlookLine);
    m_outlookLine->setObjectName(QStringLiteral("todayExamOutlook"));
    m_trackLine->setTextFormat(Qt::RichText);
    m_trackLine->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_trackLine, &QLabel::linkActivated, this, [this] { raiseNewLimit(); });

    auto* domainBox = new QGroupBox(tr("Domains: mastery × exam weight"), this);
    auto* domainLayout = new QGridLayout(domainBox);
    domainLayout->setColumnStretch(1, 1);
    for (std::size_t i = 0; i < bundle.domains.size(); ++i) {
        auto* label = new QLabel(domainBox);
        auto* bar = new DomainBar(domainBox);
        auto* detail = new QLabel(domainBox);
        const int row = static_cast<int>(i) * 2;
        domainLayout->addWidget(label, row, 0, 1, 2);
        domainLayout->addWidget(bar, row + 1, 0, 1, 1);
        domainLayout->addWidget(detail, row + 1, 1, 1, 1);
        domainLayout->setColumnStretch(0, 3);
        m_barLabels.push_back(label);
        m_bars.push_back(bar);
        m_barDetails.push_back(detail);
        bar->setColour(design::domainColour(static_cast<int>(i) + 1));
    }

    auto* weakBox = new QGroupBox(tr("Weakest task statement"), this);
    auto* weakLayout = new QVBoxLayout(weakBox);
    QFont weakFont = m_weakTitle->font();
    weakFont.setBold(true);
    m_weakTitle->setFont(weakFont);
    weakLayout->addWidget(m_weakTitle);
    weakLayout->addWidget(m_weakDetail);
    auto* weakButtons = new QHBoxLayout;
    weakButtons->addWidget(m_study);
    weakButtons->addWidget(m_drill);
    weakButtons->addStretch(1);
    weakLayout->addLayout(weakButtons);

    auto* grid = new QGridLayout;
    grid->addWidget(queueBox, 0, 0);
    grid->addWidget(readinessBox, 1, 0);
    grid->addWidget(planBox, 2, 0);
    grid->addWidget(domainBox, 0, 1, 2, 1);
    grid->addWidget(weakBox, 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(2 * design::Grid);
    grid->setVerticalSpacing(2 * design::Grid);
    grid->setRowStretch(3, 1);

    auto* inner = new QWidget(this);
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(3 * design::Grid, 2 * design::Grid, 3 * design::Grid, 2 * design::Grid);
    innerLayout->setSpacing(2 * design::Grid);
    innerLayout->addWidget(title);
    innerLayout->addLayout(header);
    innerLayout->addWidget(m_realResult);
    innerLayout->addWidget(nextBox);
    innerLayout->addLayout(grid, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_start, &QPushButton::clicked, this, &TodayPage::startReviewRequested);
    connect(m_mock, &QPushButton::clicked, this, &TodayPage::mockRequested);
    connect(m_study, &QPushButton::clicked, this,
        [this] { emit studyTaskRequested(toQString(m_content.weakestTaskId)); });
    connect(m_drill, &QPushButton::clicked, this,
        [this] { emit drillTaskRequested(toQString(m_content.weakestTaskId)); });
    connect(m_setDate, &QPushButton::clicked, this, &TodayPage::editPlan);
    connect(m_behind, &QPushButton::clicked, this, &TodayPage::editPlan);
    connect(m_next, &QPushButton::clicked, this, &TodayPage::runNextAction);
    connect(m_realResult, &RealResultBox::resultGiven, this, &TodayPage::recordRealResult);
    connect(m_realResult, &RealResultBox::moveDateRequested, this, &TodayPage::editPlan);

    refresh();
}

void TodayPage::refresh()
{
    std::optional<srs::QueueCounts> counts;
    std::optional<ProgressSummary> progress;
    std::optional<Settings> settings;
    std::optional<srs::StudyPlan> plan;
    std::optional<ExamOutlook> outlook;
    std::int64_t today = 0;
    QStringList errors;
    if (m_services.study) {
        auto result = m_services.study->counts();
        result.ok() ? void(counts = result.value()) : void(errors << problemsText(result.problems()));
    }
    if (m_services.progress) {
        auto result = m_services.progress->summary();
        result.ok() ? void(progress = result.value()) : void(errors << problemsText(result.problems()));
    }
    if (m_services.study) {
        if (auto current = m_services.study->settings().settings(); current.ok()) {
            settings = current.value();
        }
    }
    if (m_services.plan) {
        today = m_services.plan->today();
        auto result = m_services.plan->plan(counts ? counts->reviewLeft + counts->learningLeft : 0);
        result.ok() ? void(plan = result.value()) : void(errors << problemsText(result.problems()));
        if (plan && plan->examSet) {
            auto forecast = m_services.plan->outlook();
            forecast.ok() ? void(outlook = forecast.value())
                          : void(errors << problemsText(forecast.problems()));
        }
    }
    std::optional<int> mocksTaken;
    if (m_services.exams) {
        if (auto history = m_services.exams->history(); history.ok()) {
            mocksTaken = static_cast<int>(
                std::count_if(history->begin(), history->end(), [](const AttemptSummary& attempt) {
                    return attempt.mode == ExamMode::Exam && attempt.finishReason != FinishReason::Abandoned;
                }));
        }
    }
    std::optional<CalendarDate> awaitingResult;
    if (m_services.realExams) {
        auto result = m_services.realExams->awaitingResult();
        result.ok() ? void(awaitingResult = result.value()) : void(errors << problemsText(result.problems()));
    }
    m_realResult->setVisible(awaitingResult.has_value());
    if (awaitingResult) {
        m_realResult->ask(
            *awaitingResult, m_services.plan && awaitingResult->dayNumber() == m_services.plan->today());
    }
    m_content = buildTodayContent(m_bundle, counts, progress, settings, plan, today, outlook, mocksTaken);
    m_next->setText(m_content.nextActionLabel);
    m_nextDetail->setText(m_content.nextActionDetail);
    m_next->parentWidget()->setVisible(m_content.nextAction != NextAction::None);

    m_examLine->setText(m_content.examLine);
    m_setDate->setVisible(m_services.plan != nullptr);
    m_queueLine->setText(m_content.queueLine);
    m_start->setEnabled(m_services.study != nullptr && !m_content.queueEmpty);
    m_mock->setEnabled(m_services.exams != nullptr);
    m_score->setText(m_content.readinessScore.isEmpty() ? QStringLiteral("—") : m_content.readinessScore);
    m_range->setText(m_content.readinessRange.isEmpty() ? tr("Readiness appears once progress is tracked.")
                                                        : m_content.readinessRange);
    m_basis->setText(m_content.readinessBasis);
    m_basis->setVisible(!m_content.readinessBasis.isEmpty());
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        if (i < m_content.domains.size()) {
            const auto& domain = m_content.domains[i];
            m_barLabels[i]->setText(domain.label);
            m_barDetails[i]->setText(domain.detail);
            m_bars[i]->setValues(domain.weight, domain.fill, domain.unseen);
        } else {
            m_barLabels[i]->setText(toQString(m_bundle.domains[i].id + " · " + m_bundle.domains[i].title));
            m_barDetails[i]->clear();
            m_bars[i]->setValues(0.0, 0.0, true);
        }
    }
    m_weakTitle->setText(m_content.weakestTitle.isEmpty() ? tr("—") : m_content.weakestTitle);
    m_weakDetail->setText(m_content.weakestDetail);
    m_study->setEnabled(!m_content.weakestTaskId.empty());
    m_drill->setEnabled(!m_content.weakestTaskId.empty() && m_services.exams != nullptr);
    m_planLine->setText(m_content.planLine);
    m_trackLine->setText(m_content.trackLine);
    m_trackLine->setVisible(!m_content.trackLine.isEmpty());
    m_trackLine->setStyleSheet(m_content.onTrack ? QString() : QStringLiteral("font-weight: bold;"));
    m_outlookLine->setText(m_content.outlookLine);
    m_outlookLine->setVisible(!m_content.outlookLine.isEmpty());
    m_behind->setVisible(!m_content.onTrack && m_services.plan != nullptr);
    m_newLimitLine->setText(m_content.newLimitLine);
    m_newLimitLine->setVisible(!m_content.newLimitLine.isEmpty());
    if (!errors.isEmpty()) {
        emit errorOccurred(errors.join(QStringLiteral("; ")));
    }
}

bool TodayPage::publish(const Result<Changes>& changes)
{
    if (!changes.ok()) {
        emit errorOccurred(problemsText(changes.problems()));
        return false;
    }
    emit changed(changes.value());
    refresh();
    return true;
}

bool TodayPage::setPlanSettings(const Settings& settings)
{
    if (!m_services.study) {
        return false;
    }
    return publish(m_services.study->settings().save(settings));
}

bool TodayPage::recordRealResult(const RealExamScore& score)
{
    if (!m_services.realExams) {
        return false;
    }
    return publish(m_services.realExams->record(m_realResult->examDate(), score));
}

bool TodayPage::raiseNewLimit()
{
    if (!m_services.study || m_content.raiseNewPerDayTo <= 0) {
        return false;
    }
    const int newPerDay = m_content.raiseNewPerDayTo;
    return publish(
        m_services.study->settings().change([&](Settings& settings) { settings.newPerDay = newPerDay; }));
}

void TodayPage::editPlan()
{
    if (!m_services.plan || !m_services.study) {
        return;
    }
    auto current = m_services.study->settings().settings();
    const QDate today = QDate(1970, 1, 1).addDays(m_services.plan->today());
    auto* dialog = new PlanDialog(current.ok() ? current.value() : Settings {}, today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setPlanSettings(dialog->settings()); });
    dialog->open();
    emit planDialogOpened(dialog);
}

QPushButton* TodayPage::leadingButton() const
{
    return m_content.nextAction == NextAction::None ? m_start : m_next;
}

void TodayPage::runNextAction()
{
    switch (m_content.nextAction) {
    case NextAction::SetExamDate:
        editPlan();
        break;
    case NextAction::StartReviews:
        emit startReviewRequested();
        break;
    case NextAction::FirstMock:
        emit mockRequested();
        break;
    case NextAction::StudyWeakest:
        emit studyTaskRequested(toQString(m_content.weakestTaskId));
        break;
    case NextAction::None:
        break;
    }
}

} // namespace mlaprep::gui
