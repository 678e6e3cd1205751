#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace mlaprep::gui {

// Every modal question the GUI asks goes through here, so that tests can answer it (KeePassXC's
// MessageBox::setNextAnswer) instead of blocking on a dialog.
namespace Dialogs {

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel);

// Tests: the next confirm() returns this without showing anything.
void setNextAnswer(std::optional<bool> answer);

} // namespace Dialogs

} // namespace mlaprep::gui
