#include "gui/exam/ExamStartView.h"

#include "content/Bundle.h"
#include "gui/common/ClockText.h"
#include "gui/common/QtConvert.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace mlaprep::gui {

namespace {

std::uint64_t freshSeed()
{
    return QRandomGenerator::global()->generate64() >> 1; // SQLite keeps signed 64-bit integers
}

} // namespace

ExamStartView::ExamStartView(const Bundle& bundle, QWidget* parent)
    : QWidget(parent)
    , m_error(new QLabel(this))
    , m_resumeBox(new QWidget(this))
    , m_resumeText(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_passMark(bundle.exam.pass)
{
    auto* title = new QLabel(tr("<h2>Practice exams</h2>"), this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d0453a;"));
    m_error->hide();

    auto* resumeLayout = new QHBoxLayout(m_resumeBox);
    auto* resume = new QPushButton(tr("&Resume"), m_resumeBox);
    resume->setObjectName(QStringLiteral("resumeButton"));
    auto* abandon = new QPushButton(tr("&Abandon…"), m_resumeBox);
    abandon->setObjectName(QStringLiteral("abandonOpenButton"));
    abandon->setToolTip(tr("Give the attempt up: it stays in your history as abandoned, unscored"));
    resumeLayout->addWidget(m_resumeText, 1);
    resumeLayout->addWidget(resume);
    resumeLayout->addWidget(abandon);
    connect(resume, &QPushButton::clicked, this, &ExamStartView::resumeRequested);
    connect(abandon, &QPushButton::clicked, this, &ExamStartView::abandonRequested);
    m_resumeBox->hide();

    m_history->setObjectName(QStringLiteral("examHistory"));
    m_history->setHeaderLabels(
        { tr("Date"), tr("Kind"), tr("Correct"), tr("Scaled (estimate)"), tr("Result"), tr("Taken on") });
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->setToolTip(tr("Enter or double-click opens the report"));
    connect(m_history, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        // An attempt running on another device has no report here yet.
        if (const QVariant id = item->data(0, Qt::UserRole); id.isValid()) {
            emit reportRequested(id.toLongLong());
        }
    });

    auto* groups = new QHBoxLayout;
    groups->addWidget(buildMockGroup(), 1);
    groups->addWidget(buildPracticeGroup(bundle), 2);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(title);
    layout->addWidget(m_error);
    layout->addWidget(m_resumeBox);
    layout->addLayout(groups);
    layout->addWidget(new QLabel(tr("<b>History</b>"), content));
    layout->addWidget(m_history, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QGroupBox* ExamStartView::buildMockGroup()
{
    auto* group = new QGroupBox(tr("Full mock exam"), this);
    auto* text = new QLabel(tr("65 questions over the exam blueprint (28/26/22/24 %), 130 minutes, flag and "
                               "review as in the real test, a score report at the end."),
        group);
    text->setWordWrap(true);
    m_extraTime = new QCheckBox(tr("+30 minutes (the ESL accommodation)"), group);
    m_realism = new QCheckBox(tr("Realism: 15 unscored items, revealed in the report"), group);
    m_startMock = new QPushButton(tr("Start &mock exam"), group);
    m_startMock->setObjectName(QStringLiteral("startMockButton"));
    m_startMock->setDefault(true);
    connect(m_startMock, &QPushButton::clicked, this, [this] { emit startRequested(mockRequest()); });
    auto* layout = new QVBoxLayout(group);
    layout->addWidget(text);
    layout->addWidget(m_extraTime);
    layout->addWidget(m_realism);
    layout->addStretch(1);
    layout->addWidget(m_startMock);
    return group;
}

QGroupBox* ExamStartView::buildPracticeGroup(const Bundle& bundle)
{
    auto* group = new QGroupBox(tr("Practice session (instant feedback)"), this);
    auto* layout = new QGridLayout(group);
    int row = 0;
    m_practiceCount = new QSpinBox(group);
    m_practiceCount->setRange(1, 65);
    m_practiceCount->setValue(20);
    layout->addWidget(new QLabel(tr("Questions:"), group), row, 0);
    layout->addWidget(m_practiceCount, row++, 1);

    auto* domains = new QWidget(group);
    auto* domainLayout = new QHBoxLayout(domains);
    domainLayout->setContentsMargins(0, 0, 0, 0);
    auto* tasks = new QWidget(group);
    auto* taskLayout = new QGridLayout(tasks);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    for (const auto& domain : bundle.domains) {
        auto* box = new QCheckBox(tr("Domain %1").arg(toQString(domain.id)), domains);
        box->setToolTip(toQString(domain.title));
        m_domainBoxes[domain.id] = box;
        domainLayout->addWidget(box);
        int taskRow = 0;
        for (const auto& task : domain.tasks) {
            auto* taskBox = new QCheckBox(toQString(task.id), tasks);
            taskBox->setToolTip(toQString(task.title));
            m_taskBoxes[task.id] = taskBox;
            taskLayout->addWidget(taskBox, taskRow++, column);
        }
        ++column;
    }
    domainLayout->addStretch(1);
    layout->addWidget(new QLabel(tr("Domains:"), group), row, 0);
    layout->addWidget(domains, row++, 1);
    layout->addWidget(new QLabel(tr("Task statements:"), group), row, 0, Qt::AlignTop);
    layout->addWidget(tasks, row++, 1);

    auto* types = new QWidget(group);
    auto* typeLayout = new QHBoxLayout(types);
    typeLayout->setContentsMargins(0, 0, 0, 0);
    for (auto [type, label] :
        { std::pair { QuestionType::Single, tr("Single") }, { QuestionType::Multi, tr("Multiple response") },
            { QuestionType::Ordering, tr("Ordering") }, { QuestionType::Matching, tr("Matching") } }) {
        auto* box = new QCheckBox(label, types);
        m_typeBoxes[type] = box;
        typeLayout->addWidget(box);
    }
    typeLayout->addStretch(1);
    layout->addWidget(new QLabel(tr("Item types:"), group), row, 0);
    layout->addWidget(types, row++, 1);

    m_bullet = new QComboBox(group);
    m_bullet->setObjectName(QStringLiteral("practiceBullet"));
    m_bullet->addItem(tr("Any bullet"), QString());
    for (const Bullet* bullet : bundle.bullets()) {
        const QString text = toQString(bullet->id + " " + bullet->text);
        m_bullet->addItem(text, toQString(bullet->id));
        m_bullet->setItemData(m_bullet->count() - 1, text, Qt::ToolTipRole);
    }
    m_bullet->setMinimumContentsLength(40);
    m_bullet->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_bullet->setToolTip(tr("Drill one exam-guide bullet: only questions that train it"));
    m_bullet->setEnabled(m_bullet->count() > 1);
    layout->addWidget(new QLabel(tr("Exam-guide bullet:"), group), row, 0);
    layout->addWidget(m_bullet, row++, 1);

    m_missedIn = new QSpinBox(group);
    m_missedIn->setRange(0, 20);
    m_missedIn->setSpecialValueText(tr("off"));
    m_missedIn->setSuffix(tr(" attempts"));
    layout->addWidget(new QLabel(tr("Missed in my last:"), group), row, 0);
    layout->addWidget(m_missedIn, row++, 1, Qt::AlignLeft);
    m_neverSeen = new QCheckBox(tr("Only questions I have never seen"), group);
    layout->addWidget(m_neverSeen, row++, 1);
    m_timed = new QCheckBox(tr("Timed at the exam's pace (2 minutes a question)"), group);
    layout->addWidget(m_timed, row++, 1);
    auto* hint = new QLabel(tr("<i>Nothing ticked means everything.</i>"), group);
    layout->addWidget(hint, row++, 1);
    m_startPractice = new QPushButton(tr("Start &practice"), group);
    m_startPractice->setObjectName(QStringLiteral("startPracticeButton"));
    connect(m_startPractice, &QPushButton::clicked, this, [this] { emit startRequested(practiceRequest()); });
    layout->addWidget(m_startPractice, row, 1, Qt::AlignRight);
    return group;
}

StartRequest ExamStartView::mockRequest() const
{
    StartRequest request;
    request.mode = ExamMode::Exam;
    request.seed = freshSeed();
    request.extraTime = m_extraTime->isChecked();
    request.unscoredRealism = m_realism->isChecked();
    return request;
}

StartRequest ExamStartView::practiceRequest() const
{
    StartRequest request;
    request.mode = ExamMode::Practice;
    request.seed = freshSeed();
    request.questions = m_practiceCount->value();
    request.timed = m_timed->isChecked();
    for (const auto& [id, box] : m_domainBoxes) {
        if (box->isChecked()) {
            request.domains.insert(id);
        }
    }
    for (const auto& [id, box] : m_taskBoxes) {
        if (box->isChecked()) {
            request.tasks.insert(id);
        }
    }
    for (const auto& [type, box] : m_typeBoxes) {
        if (box->isChecked()) {
            request.types.insert(type);
        }
    }
    request.missedInLastAttempts = m_missedIn->value();
    request.neverSeen = m_neverSeen->isChecked();
    request.bullet = toStdString(m_bullet->currentData().toString());
    return request;
}

void ExamStartView::setOpenAttempt(const ExamSession* session)
{
    m_resumeBox->setVisible(session != nullptr);
    m_startMock->setEnabled(!session);
    m_startPractice->setEnabled(!session);
    if (session) {
        const AttemptState& attempt = session->attempt();
        const QString kind = attempt.mode == ExamMode::Exam ? tr("mock exam") : tr("practice session");
        const auto remaining = session->remainingMs();
        m_resumeText->setText(tr("<b>An unfinished %1</b>%2: %3 of %4 answered, %5 flagged%6.")
                                  .arg(kind, session->isPaused() ? tr(" (paused)") : QString())
                                  .arg(attempt.answeredCount())
                                  .arg(attempt.items.size())
                                  .arg(attempt.flaggedCount())
                                  .arg(remaining ? tr(", %1 left").arg(clockText(*remaining)) : QString()));
    }
}

void ExamStartView::setHistory(
    const std::vector<AttemptSummary>& history, const std::vector<AttemptElsewhere>& elsewhere)
{
    m_history->clear();
    const auto dateText = [](Instant at) {
        return QDateTime::fromMSecsSinceEpoch(toEpochMilliseconds(at))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    for (const auto& attempt : elsewhere) {
        auto* item = new QTreeWidgetItem(m_history);
        const QString device = toQString(attempt.device);
        item->setText(DateColumn, dateText(attempt.started));
        item->setText(KindColumn, attempt.mode == ExamMode::Exam ? tr("Mock") : tr("Practice"));
        item->setText(CorrectColumn, QStringLiteral("—"));
        item->setText(ScaledColumn, QStringLiteral("—"));
        item->setText(ResultColumn, tr("In progress on %1").arg(device));
        item->setText(DeviceColumn, device);
        item->setToolTip(
            ResultColumn, tr("Only %1 can resume or end it; it shows here once it ends").arg(device));
        item->setFlags(Qt::ItemIsEnabled);
    }
    for (const auto& attempt : history) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setData(0, Qt::UserRole, static_cast<qint64>(attempt.id));
        item->setText(DateColumn, dateText(attempt.started));
        item->setText(KindColumn,
            attempt.mode == ExamMode::Exam ? tr("Mock (%1 items)").arg(attempt.items)
                                           : tr("Practice (%1 items)").arg(attempt.items));
        item->setText(DeviceColumn, attempt.device.empty() ? tr("This device") : toQString(attempt.device));
        if (attempt.finishReason == FinishReason::Abandoned) {
            item->setText(CorrectColumn, QStringLiteral("—"));
            item->setText(ScaledColumn, QStringLiteral("—"));
            item->setText(ResultColumn, tr("Abandoned"));
            continue;
        }
        item->setText(
            CorrectColumn, QStringLiteral("%1/%2").arg(attempt.scoredCorrect).arg(attempt.scoredTotal));
        item->setText(ScaledColumn, QString::number(attempt.scaledScore));
        item->setText(
            ResultColumn, attempt.scaledScore >= m_passMark ? tr("Pass") : tr("Below %1").arg(m_passMark));
    }
    if (history.empty() && elsewhere.empty()) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, tr("No attempts yet: start a mock exam or a practice session above."));
        item->setFlags(Qt::NoItemFlags);
        item->setFirstColumnSpanned(true);
    }
}

void ExamStartView::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mlaprep::gui
