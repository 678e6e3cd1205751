#include "common/Dialogs.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace mlaprep::gui::Dialogs {

namespace {

std::optional<bool>& nextAnswer()
{
    static std::optional<bool> answer;
    return answer;
}

} // namespace

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptLabel)
{
    if (auto answer = std::exchange(nextAnswer(), std::nullopt)) {
        return *answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton* accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    if (parent) {
        // Without a window manager nothing gives the focus back to the window the dialog came from.
        parent->window()->activateWindow();
    }
    return box.clickedButton() == accept;
}

void setNextAnswer(std::optional<bool> answer)
{
    nextAnswer() = answer;
}

} // namespace mlaprep::gui::Dialogs
