#include "gui/common/ProblemText.h"

#include "gui/common/QtConvert.h"

#include <QObject>
#include <QStringList>

namespace mlaprep::gui {

namespace {

QString kindLabel(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::Store:
        return QObject::tr("Your data file: ");
    case ProblemKind::Io:
        return QObject::tr("The file system: ");
    case ProblemKind::Internal:
        return QObject::tr("Internal error: ");
    case ProblemKind::UserInput:
    case ProblemKind::Bundle:
        break;
    }
    return {};
}

QString problemLine(const Problem& problem)
{
    QStringList where;
    if (!problem.file.empty()) {
        where << (problem.line > 0 ? toQString(problem.file + ":" + std::to_string(problem.line))
                                   : toQString(problem.file));
    }
    for (const std::string* part : { &problem.itemId, &problem.field }) {
        if (!part->empty()) {
            where << toQString(*part);
        }
    }
    const QString warning = problem.isError() ? QString() : QObject::tr("Warning: ");
    const QString location
        = where.isEmpty() ? QString() : where.join(QStringLiteral(": ")) + QStringLiteral(": ");
    return warning + kindLabel(problem.kind) + location + toQString(problem.message);
}

} // namespace

QString problemsText(const Problems& problems, const QString& separator)
{
    QStringList lines;
    for (const auto& problem : problems) {
        lines << problemLine(problem);
    }
    return lines.join(separator);
}

} // namespace mlaprep::gui
