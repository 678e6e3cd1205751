#include "gui/search/ItemStateText.h"

#include <QCoreApplication>

#include <cmath>

namespace mlaprep::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ItemStateText", text);
}

QString phaseName(srs::Phase phase)
{
    switch (phase) {
    case srs::Phase::New:
        return tr("New");
    case srs::Phase::Learning:
        return tr("Learning");
    case srs::Phase::Review:
        return tr("Review");
    case srs::Phase::Relearning:
        return tr("Relearning");
    }
    return {};
}

} // namespace

QString itemStateText(const ItemProgress& progress, Instant now)
{
    if (progress.phase == srs::Phase::New && !progress.lastRight) {
        return tr("Not studied yet.");
    }
    QStringList parts { phaseName(progress.phase) };
    if (progress.recall) {
        parts << tr("recall %1 %").arg(static_cast<int>(std::lround(*progress.recall * 100)));
    }
    if (progress.due) {
        const double days = std::chrono::duration<double, std::ratio<86400>>(*progress.due - now).count();
        parts << (days <= 0.0 ? tr("due now")
                : days < 1.0  ? tr("due today")
                              : tr("due in %1 days").arg(static_cast<int>(std::lround(days))));
    }
    if (progress.lastRight) {
        parts << (*progress.lastRight ? tr("last answer right") : tr("last answer wrong"));
    }
    if (progress.lapses > 0) {
        parts << tr("%1 lapses").arg(progress.lapses);
    }
    return parts.join(QStringLiteral(" · "));
}

QString itemStateBadge(const ItemProgress& progress)
{
    if (progress.phase == srs::Phase::New && !progress.lastRight) {
        return tr("new");
    }
    QString badge = progress.recall
        ? QStringLiteral("%1 %").arg(static_cast<int>(std::lround(*progress.recall * 100)))
        : phaseName(progress.phase).toLower();
    if (progress.lastRight) {
        badge += *progress.lastRight ? QStringLiteral(" ✓") : QStringLiteral(" ✗");
    }
    return badge;
}

} // namespace mlaprep::gui
