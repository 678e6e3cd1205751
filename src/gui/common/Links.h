#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class QLabel;
class QTextBrowser;
class QWidget;

namespace mlaprep::gui {

// What a click on a link in content may do (one rule for every view): an https: address opens in the
// system browser after the learner confirms; an anchor ("#slug") scrolls the view; a relative path is
// handed to `inBundle` (the Notes screen opens the note); anything else (file:, javascript:, data:, …)
// does nothing.
void openContentLink(
    QWidget* parent, const QUrl& url, const std::function<void(const QString&)>& inBundle = {});

// Routes a browser's or label's link clicks through openContentLink instead of Qt's own handling,
// which would show a file: link's target inside the app.
void routeContentLinks(QTextBrowser* browser, const std::function<void(const QString&)>& inBundle = {});
void routeContentLinks(QLabel* label);

} // namespace mlaprep::gui
