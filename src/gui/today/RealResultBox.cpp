#include "gui/today/RealResultBox.h"

#include "gui/common/Design.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mlaprep::gui {

RealResultBox::RealResultBox(const ExamSpec& exam, QWidget* parent)
    : QFrame(parent)
    , m_question(new QLabel(this))
    , m_score(new QSpinBox(this))
    , m_saveScore(new QPushButton(tr("Save s&core"), this))
    , m_passed(new QPushButton(tr("I p&assed"), this))
    , m_failed(new QPushButton(tr("I did n&ot pass"), this))
    , m_notSat(new QPushButton(tr("Not sat yet: change the dat&e…"), this))
{
    setObjectName(QStringLiteral("todayRealResult"));
    setFrameShape(QFrame::StyledPanel);
    m_question->setWordWrap(true);
    m_question->setFont(design::font(font(), design::TextRole::Section));
    auto* why
        = new QLabel(tr("It is kept with the forecast made the day before, so you and mlaprep can see how "
                        "well the forecast did. Give the scaled score from your score report, or only "
                        "pass or fail."),
            this);
    why->setWordWrap(true);
    // Empty ("—") until the learner types a score, so Save cannot record a number nobody gave.
    m_score->setRange(exam.scaleMin - 1, exam.scaleMax);
    m_score->setSpecialValueText(tr("—"));
    m_score->setValue(m_score->minimum());
    m_saveScore->setEnabled(false);
    connect(m_score, &QSpinBox::valueChanged, this,
        [this](int value) { m_saveScore->setEnabled(value != m_score->minimum()); });
    m_score->setAccessibleName(tr("Scaled score"));
    m_score->setToolTip(
        tr("Your scaled score, %1–%2 (pass %3)").arg(exam.scaleMin).arg(exam.scaleMax).arg(exam.pass));
    auto* scoreLabel = new QLabel(tr("Scaled score:"), this);
    scoreLabel->setBuddy(m_score);

    auto* row = new QHBoxLayout;
    row->setSpacing(design::Grid);
    row->addWidget(scoreLabel);
    row->addWidget(m_score);
    row->addWidget(m_saveScore);
    row->addSpacing(2 * design::Grid);
    row->addWidget(m_passed);
    row->addWidget(m_failed);
    row->addStretch(1);
    row->addWidget(m_notSat);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2 * design::Grid, 2 * design::Grid, 2 * design::Grid, 2 * design::Grid);
    layout->setSpacing(design::Grid);
    layout->addWidget(m_question);
    layout->addWidget(why);
    layout->addLayout(row);

    connect(m_saveScore, &QPushButton::clicked, this, [this] {
        emit resultGiven(RealExamScore { m_score->value(), std::nullopt });
    });
    connect(m_passed, &QPushButton::clicked, this, [this] {
        emit resultGiven(RealExamScore { std::nullopt, true });
    });
    connect(m_failed, &QPushButton::clicked, this, [this] {
        emit resultGiven(RealExamScore { std::nullopt, false });
    });
    connect(m_notSat, &QPushButton::clicked, this, &RealResultBox::moveDateRequested);
}

void RealResultBox::ask(CalendarDate examDate, bool today)
{
    m_examDate = examDate;
    const QDate date(examDate.year, static_cast<int>(examDate.month), static_cast<int>(examDate.day));
    m_question->setText(today ? tr("After your exam today: how did it go?")
                              : tr("Your exam was on %1. How did it go?")
                                    .arg(QLocale().toString(date, QStringLiteral("dddd d MMMM"))));
}

} // namespace mlaprep::gui
