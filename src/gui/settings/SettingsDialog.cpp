#include "gui/settings/SettingsDialog.h"

#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/common/Theme.h"
#include "gui/reports/ReportErrorDialog.h"
#include "gui/settings/RetentionChart.h"
#include "gui/settings/SyncSettingsBox.h"
#include "services/PlanService.h"
#include "services/SettingsService.h"
#include "services/StudyService.h"
#include "srs/StudyDay.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mlaprep::gui {

SettingsDialog::SettingsDialog(const Bundle& bundle, AppServices services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_examDateSet(new QCheckBox(tr("I have booked the exam"), this))
    , m_examDate(new QDateEdit(this))
    , m_minutes(new QSpinBox(this))
    , m_retention(new QDoubleSpinBox(this))
    , m_newPerDay(new QSpinBox(this))
    , m_reviewsPerDay(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_examDate->setCalendarPopup(true);
    m_examDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    // No minimum date: it would refuse a year typed digit by digit ("2" < this year). save() checks.
    connect(m_examDateSet, &QCheckBox::toggled, m_examDate, &QWidget::setEnabled);
    m_minutes->setRange(static_cast<int>(MinutesPerDayRange.min), static_cast<int>(MinutesPerDayRange.max));
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min a day"));
    m_retention->setRange(DesiredRetentionRange.min, DesiredRetentionRange.max);
    m_retention->setSingleStep(0.01);
    m_retention->setDecimals(DesiredRetentionRange.decimals);
    m_retention->setToolTip(
        tr("The chance of recalling an item when it comes back. Higher means more reviews; "
           "0.90 is the FSRS default."));
    m_newPerDay->setRange(static_cast<int>(NewPerDayRange.min), static_cast<int>(NewPerDayRange.max));
    m_reviewsPerDay->setRange(
        static_cast<int>(ReviewsPerDayRange.min), static_cast<int>(ReviewsPerDayRange.max));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d0453a;"));
    m_error->hide();

    auto* exam = new QGroupBox(tr("Exam"), this);
    auto* examLayout = new QFormLayout(exam);
    examLayout->addRow(m_examDateSet);
    examLayout->addRow(tr("Exam &date:"), m_examDate);
    examLayout->addRow(tr("Study &time:"), m_minutes);
    exam->setEnabled(m_services.study != nullptr);

    auto* study = new QGroupBox(tr("Review queue"), this);
    auto* studyLayout = new QFormLayout(study);
    studyLayout->addRow(tr("Desired &retention:"), m_retention);
    studyLayout->addRow(tr("&New items a day:"), m_newPerDay);
    studyLayout->addRow(tr("Re&views a day (at most):"), m_reviewsPerDay);
    study->setEnabled(m_services.study != nullptr);
    if (m_services.study && m_services.plan) {
        m_chart = new RetentionChart(bundle, chartOptions(), study);
        studyLayout->addRow(m_chart);
    }

    auto* appearance = new QGroupBox(tr("Appearance"), this);
    auto* appearanceLayout = new QFormLayout(appearance);
    appearanceLayout->addRow(tr("T&heme:"), m_theme);
    appearanceLayout->addRow(
        new QLabel(tr("<i>Returning to System takes effect at the next start.</i>"), appearance));

    auto* content = new QGroupBox(tr("Content"), this);
    auto* contentLayout = new QVBoxLayout(content);
    auto* reports = new QPushButton(tr("Error &reports you filed…"), content);
    reports->setEnabled(m_services.reports != nullptr);
    connect(reports, &QPushButton::clicked, this,
        [this] { ErrorReportsDialog(*m_services.reports, this).exec(); });
    contentLayout->addWidget(reports, 0, Qt::AlignLeft);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(exam);
    layout->addWidget(study);
    layout->addWidget(appearance);
    layout->addWidget(content);
    if (m_services.app) {
        layout->addWidget(new SyncSettingsBox(*m_services.app, this));
    }
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    load();
}

sim::PlanSimOptions SettingsDialog::chartOptions() const
{
    sim::PlanSimOptions options;
    options.learners = ChartLearners;
    options.daysToExam = DefaultChartDays;
    if (auto settings = m_services.study->settings().settings(); settings.ok() && settings->examDate) {
        const auto left = settings->examDate->dayNumber() - m_services.plan->today();
        if (left > 0) {
            options.daysToExam = static_cast<int>(std::min<std::int64_t>(left, 365));
        }
    }
    if (auto timings = m_services.plan->timings(); timings.ok()) {
        options.timings = timings.value();
    }
    return options;
}

void SettingsDialog::load()
{
    if (m_services.study) {
        if (auto settings = m_services.study->settings().settings(); settings.ok()) {
            const auto& date = settings->examDate;
            m_examDateSet->setChecked(date.has_value());
            m_examDate->setEnabled(date.has_value());
            m_examDate->setDate(date
                    ? QDate(date->year, static_cast<int>(date->month), static_cast<int>(date->day))
                    : QDate::currentDate().addDays(42));
            m_minutes->setValue(settings->minutesPerDay);
            m_retention->setValue(settings->desiredRetention);
            m_newPerDay->setValue(settings->newPerDay);
            m_reviewsPerDay->setValue(settings->reviewsPerDay);
        }
    }
    const QString theme
        = QSettings().value(QString::fromLatin1(ThemeSettingKey), QStringLiteral("system")).toString();
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(theme)));
}

bool SettingsDialog::save()
{
    QStringList failures;
    if (m_services.study) {
        auto current = m_services.study->settings().settings();
        if (!current.ok()) {
            failures << problemsText(current.problems());
        } else {
            Settings settings = current.value();
            settings.examDate.reset();
            if (m_examDateSet->isChecked()) {
                const QDate date = m_examDate->date();
                settings.examDate = CalendarDate { date.year(), static_cast<unsigned>(date.month()),
                    static_cast<unsigned>(date.day()) };
            }
            settings.minutesPerDay = m_minutes->value();
            settings.desiredRetention = m_retention->value();
            settings.newPerDay = m_newPerDay->value();
            settings.reviewsPerDay = m_reviewsPerDay->value();
            if (auto changed = m_services.study->settings().save(settings); !changed.ok()) {
                failures << problemsText(changed.problems());
            } else {
                m_saved = changed.value();
            }
        }
    }
    const QString theme = m_theme->currentData().toString();
    QSettings().setValue(QString::fromLatin1(ThemeSettingKey), theme);
    if (auto chosen = themeFromString(theme); chosen && *chosen != Theme::System) {
        applyTheme(*qApp, *chosen);
    }
    m_error->setText(failures.join(QLatin1Char('\n')));
    m_error->setVisible(!failures.isEmpty());
    return failures.isEmpty();
}

} // namespace mlaprep::gui
