#include "gui/interop/FileChooser.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

#include <optional>

namespace mlaprep::gui::FileChooser {

namespace {

std::optional<QStringList>& nextNames()
{
    static std::optional<QStringList> names;
    return names;
}

constexpr const char* LastFolderKey = "files/lastFolder";

std::optional<QStringList> takeNext()
{
    return std::exchange(nextNames(), std::nullopt);
}

// Remembers the folder of a chosen file (or the chosen folder itself) for the next dialog.
QString remember(const QString& path, bool isFolder = false)
{
    if (!path.isEmpty()) {
        QSettings().setValue(QString::fromLatin1(LastFolderKey),
            isFolder ? QDir(path).absolutePath() : QFileInfo(path).absolutePath());
    }
    return path;
}

} // namespace

QString lastFolder()
{
    const QString folder = QSettings().value(QString::fromLatin1(LastFolderKey)).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString openFile(QWidget* parent, const QString& title, const QString& filter)
{
    if (auto names = takeNext()) {
        return remember(names->value(0));
    }
    return remember(QFileDialog::getOpenFileName(parent, title, lastFolder(), filter));
}

QStringList openFiles(QWidget* parent, const QString& title, const QString& filter)
{
    const QStringList names = [&] {
        if (auto next = takeNext()) {
            return *next;
        }
        return QFileDialog::getOpenFileNames(parent, title, lastFolder(), filter);
    }();
    if (!names.isEmpty()) {
        remember(names.front());
    }
    return names;
}

QString saveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filter)
{
    if (auto names = takeNext()) {
        return remember(names->value(0));
    }
    return remember(
        QFileDialog::getSaveFileName(parent, title, QDir(lastFolder()).filePath(suggestedName), filter));
}

QString directory(QWidget* parent, const QString& title)
{
    if (auto names = takeNext()) {
        return remember(names->value(0), true);
    }
    return remember(QFileDialog::getExistingDirectory(parent, title, lastFolder()), true);
}

void setNextFileNames(const QStringList& names)
{
    nextNames() = names;
}

} // namespace mlaprep::gui::FileChooser
