#include "gui/stats/RealExamsText.h"

#include "gui/common/QtConvert.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace mlaprep::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RealExamsText", text);
}

QString resultLine(const RealExamResultRow& result)
{
    const QDate date = QDate::fromString(toQString(result.examDate), Qt::ISODate);
    const ForecastBefore& forecast = result.forecast;
    const QString verdict = result.passed ? tr("passed") : tr("not passed");
    QString line
        = tr("<b>%1</b>: %2 · the day before, the forecast was %3 (%4 % range %5–%6, pass chance %7 %)")
              .arg(QLocale().toString(date, QStringLiteral("ddd d MMM yyyy")),
                  result.scaled ? QStringLiteral("%1, %2").arg(*result.scaled).arg(verdict) : verdict)
              .arg(forecast.estimate)
              .arg(static_cast<int>(std::lround(forecast.interval * 100.0)))
              .arg(forecast.low)
              .arg(forecast.high)
              .arg(static_cast<int>(std::lround(forecast.passProbability * 100.0)));
    if (result.scaled) {
        line += *result.scaled < forecast.low ? tr(": below the range")
            : *result.scaled > forecast.high  ? tr(": above the range")
                                              : tr(": inside the range");
    }
    if (!forecast.enoughData) {
        line += tr(" (on too little data to act on)");
    }
    return line + QStringLiteral(".");
}

} // namespace

QString realExamsText(const std::vector<RealExamResultRow>& results)
{
    if (results.empty()) {
        return {};
    }
    QStringList lines;
    for (const auto& result : results) {
        lines << resultLine(result);
    }
    return tr("<b>Your real exams</b><br>") + lines.join(QStringLiteral("<br>"));
}

} // namespace mlaprep::gui
