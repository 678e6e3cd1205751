#include "gui/today/PlanDialog.h"

#include "gui/common/Design.h"
#include "gui/common/QtConvert.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace mlaprep::gui {

PlanDialog::PlanDialog(const Settings& settings, const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_today(today)
    , m_hasDate(new QCheckBox(tr("I have booked my exam"), this))
    , m_date(new QDateEdit(this))
    , m_minutes(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("Exam date and plan"));
    m_date->setObjectName(QStringLiteral("planDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(settings.examDate ? QDate(settings.examDate->year,
                        static_cast<int>(settings.examDate->month), static_cast<int>(settings.examDate->day))
                                      : today.addDays(42));
    // Checked also without a date: the learner opened this to set one.
    m_hasDate->setChecked(true);
    m_date->setEnabled(m_hasDate->isChecked());
    connect(m_hasDate, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    m_minutes->setRange(static_cast<int>(MinutesPerDayRange.min), static_cast<int>(MinutesPerDayRange.max));
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(settings.minutesPerDay);
    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(design::colours(palette()).wrong.name()));
    m_error->hide();

    auto* form = new QFormLayout(this);
    form->setContentsMargins(2 * design::Grid, 2 * design::Grid, 2 * design::Grid, 2 * design::Grid);
    form->setSpacing(design::Grid);
    form->addRow(m_hasDate);
    form->addRow(tr("Exam &date:"), m_date);
    form->addRow(tr("&Minutes per day:"), m_minutes);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PlanDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Settings PlanDialog::settings() const
{
    Settings settings = m_settings;
    settings.minutesPerDay = m_minutes->value();
    const QDate date = m_date->date();
    settings.examDate = m_hasDate->isChecked() ? std::optional(CalendarDate { date.year(),
                            static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()) })
                                               : std::nullopt;
    return settings;
}

void PlanDialog::accept()
{
    const auto problems = checkSettings(settings(), m_settings, QDate(1970, 1, 1).daysTo(m_today));
    if (!problems.empty()) {
        QStringList messages;
        for (const auto& problem : problems) {
            messages << toQString(problem.message);
        }
        m_error->setText(messages.join(QLatin1Char('\n')));
        m_error->show();
        m_date->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace mlaprep::gui
