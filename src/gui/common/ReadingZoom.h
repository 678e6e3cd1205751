#pragma once

#include <QObject>

class QWidget;

namespace mlaprep::gui {

// One text size for every surface the learner reads (the question, a note, the report, the question
// window), changed with Ctrl+plus, Ctrl+minus and Ctrl+0 and kept on this device (QSettings): a screen
// size is a property of the machine, not of the learner's progress, so it is not synced.
class ReadingZoom : public QObject {
    Q_OBJECT

public:
    static constexpr int MinimumPercent = 70;
    static constexpr int MaximumPercent = 200;
    static constexpr int StepPercent = 10;

    static ReadingZoom& instance();

    int percent() const { return m_percent; }
    void zoomIn();
    void zoomOut();
    void reset();

    // Makes `surface` follow the zoom from now on: its font is the application's scaled by percent().
    static void follow(QWidget* surface);

signals:
    void changed(int percent);

private:
    ReadingZoom();
    void setPercent(int percent);

    int m_percent = 100;
};

} // namespace mlaprep::gui
