#pragma once

#include <QWidget>

namespace mlaprep::gui {

// A screen that is planned but not built yet: says what it will do, so the sidebar never leads nowhere.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    PlaceholderPage(const QString& title, const QString& promise, QWidget* parent = nullptr);
};

} // namespace mlaprep::gui
