#pragma once

#include "analytics/BulletAccuracy.h"

#include <QString>

namespace mlaprep::gui {

// The weakest task statement and the accuracy on each of its exam-guide bullets, as an HTML heading and
// table (the exam report and the Stats screen show the same figures).
QString weakTaskBulletsHtml(const analytics::WeakTaskBullets& weakest);

} // namespace mlaprep::gui
