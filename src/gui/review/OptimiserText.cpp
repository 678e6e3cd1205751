#include "gui/review/OptimiserText.h"

#include "gui/common/Plural.h"

#include <QCoreApplication>

#include <cmath>

namespace mlaprep::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("OptimiserText", text);
}

} // namespace

QString optimiserSummary(const fsrs::Evaluation& before, const fsrs::Evaluation& after)
{
    const double gain
        = before.logLoss > 0.0 ? (before.logLoss - after.logLoss) / before.logLoss * 100.0 : 0.0;
    const QString fit = gain >= 0.5
        ? tr("The fitted settings predict what you remember %1 % better than the current ones.")
              .arg(static_cast<int>(std::lround(gain)))
        : gain <= -0.5 ? tr("The fitted settings predict what you remember %1 % worse than the current ones.")
                             .arg(static_cast<int>(std::lround(-gain)))
                       : tr("The fitted settings predict what you remember as well as the current ones.");
    return tr("Learned from %1 of yours.")
               .arg(countOf(before.predictions, tr("past review"), tr("past reviews")))
        + QLatin1Char('\n') + fit + QLatin1Char('\n')
        + tr("On average its recall estimates are off by %1 percentage points (now %2).")
              .arg(after.rmse * 100.0, 0, 'f', 1)
              .arg(before.rmse * 100.0, 0, 'f', 1);
}

} // namespace mlaprep::gui
