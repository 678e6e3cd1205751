#include "gui/common/Dialogs.h"

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

std::optional<int>& nextChoice()
{
    static std::optional<int> choice;
    return choice;
}

// Without a window manager nothing gives the focus back to the window a dialog came from.
void refocus(QWidget* parent)
{
    if (parent) {
        parent->window()->activateWindow();
    }
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
    refocus(parent);
    return box.clickedButton() == accept;
}

int choose(QWidget* parent, const QString& title, const QString& text, const QStringList& labels)
{
    if (auto choice = std::exchange(nextChoice(), std::nullopt)) {
        return *choice;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QList<QPushButton*> buttons;
    for (const QString& label : labels) {
        buttons.append(box.addButton(label, QMessageBox::AcceptRole));
    }
    box.addButton(QMessageBox::Cancel);
    if (!buttons.isEmpty()) {
        box.setDefaultButton(buttons.front());
    }
    box.exec();
    refocus(parent);
    return static_cast<int>(buttons.indexOf(qobject_cast<QPushButton*>(box.clickedButton())));
}

void setNextAnswer(std::optional<bool> answer)
{
    nextAnswer() = answer;
}

void setNextChoice(std::optional<int> choice)
{
    nextChoice() = choice;
}

} // namespace mlaprep::gui::Dialogs
