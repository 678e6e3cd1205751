#include "interop/FileChooser.h"

#include <QDir>
#include <QFileDialog>

#include <optional>

namespace mlaprep::gui::FileChooser {

namespace {

std::optional<QStringList>& nextNames()
{
    static std::optional<QStringList> names;
    return names;
}

std::optional<QStringList> takeNext()
{
    return std::exchange(nextNames(), std::nullopt);
}

} // namespace

QString openFile(QWidget* parent, const QString& title, const QString& filter)
{
    if (auto names = takeNext()) {
        return names->value(0);
    }
    return QFileDialog::getOpenFileName(parent, title, QDir::homePath(), filter);
}

QStringList openFiles(QWidget* parent, const QString& title, const QString& filter)
{
    if (auto names = takeNext()) {
        return *names;
    }
    return QFileDialog::getOpenFileNames(parent, title, QDir::homePath(), filter);
}

QString saveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filter)
{
    if (auto names = takeNext()) {
        return names->value(0);
    }
    return QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(suggestedName), filter);
}

QString directory(QWidget* parent, const QString& title)
{
    if (auto names = takeNext()) {
        return names->value(0);
    }
    return QFileDialog::getExistingDirectory(parent, title, QDir::homePath());
}

void setNextFileNames(const QStringList& names)
{
    nextNames() = names;
}

} // namespace mlaprep::gui::FileChooser
