#pragma once

#include <QString>

namespace mlaprep {
struct Card;
}

namespace mlaprep::gui {

// The line above a card in Review: "Card · task 1.2 · new". Orientation cards and the learner's own
// imported cards have no task statement and say what they are instead.
QString cardHeading(const Card& card, const QString& phase);

} // namespace mlaprep::gui
