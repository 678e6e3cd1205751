#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace mlaprep::gui {

// Every modal question the GUI asks goes through here, so that tests can answer it (KeePassXC's
// MessageBox::setNextAnswer) instead of blocking on a dialog.
namespace Dialogs {

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel);

// Offers one button per label and Cancel; returns the index of the label chosen, or -1 for Cancel (also
// Escape or closing the box). The first label is the default.
int choose(QWidget* parent, const QString& title, const QString& text, const QStringList& labels);

// Tests: the next confirm() returns this without showing anything.
void setNextAnswer(std::optional<bool> answer);
// Tests: the next choose() returns this index (-1: Cancel) without showing anything.
void setNextChoice(std::optional<int> choice);

} // namespace Dialogs

} // namespace mlaprep::gui
