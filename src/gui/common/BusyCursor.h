#pragma once

#include <QCursor>
#include <QGuiApplication>

namespace mlaprep::gui {

// The wait cursor for the life of the object, for one service call that runs a second or two on the GUI
// thread (an Anki import of 20,000 notes takes about 2 s): too short for a progress dialog that would
// only flash, too long to leave the pointer looking idle.
class BusyCursor {
public:
    BusyCursor() { QGuiApplication::setOverrideCursor(QCursor(Qt::WaitCursor)); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

} // namespace mlaprep::gui
