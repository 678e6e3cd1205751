#pragma once

#include "common/Problem.h"

#include <QString>

namespace mlaprep::gui {

// Every problem of an operation, one per line (or joined by `separator` where one line is all there is
// room for), each as "where: message" with the file, line, item and field that are known; a data-file,
// disk or internal problem says so first, since its fix is not in the content. Screens show all of them,
// never only the first: the second is often the one the learner can act on.
QString problemsText(const Problems& problems, const QString& separator = QStringLiteral("\n"));

} // namespace mlaprep::gui
