#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace mlaprep::gui::FileChooser {

// File dialogs for import and export, with a seam so tests can answer them (KeePassXC's
// fileDialog()->setNextFileName) instead of blocking on a native dialog. An empty result is a cancel.
// Each dialog opens in the folder of the last file or folder chosen (kept with QSettings), else home.
QString openFile(QWidget* parent, const QString& title, const QString& filter);
QStringList openFiles(QWidget* parent, const QString& title, const QString& filter);
QString saveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filter);
QString directory(QWidget* parent, const QString& title);

QString lastFolder();

// Tests: the next dialog returns these without showing anything.
void setNextFileNames(const QStringList& names);

} // namespace mlaprep::gui::FileChooser
