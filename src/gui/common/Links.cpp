#include "gui/common/Links.h"

#include "content/HtmlScan.h"
#include "gui/common/Dialogs.h"
#include "gui/common/QtConvert.h"

#include <QDesktopServices>
#include <QLabel>
#include <QTextBrowser>

namespace mlaprep::gui {

void openContentLink(QWidget* parent, const QUrl& url, const std::function<void(const QString&)>& inBundle)
{
    const QString text = url.toString();
    if (!isAllowedLinkTarget(toStdString(text))) {
        return;
    }
    if (url.scheme().compare(QStringLiteral("https"), Qt::CaseInsensitive) == 0) {
        if (Dialogs::confirm(parent, QObject::tr("Open in your browser"),
                QObject::tr("Open this address in your web browser?\n\n%1").arg(text), QObject::tr("Open"))) {
            QDesktopServices::openUrl(url);
        }
        return;
    }
    if (text.startsWith(QLatin1Char('#'))) {
        if (auto* browser = qobject_cast<QTextBrowser*>(parent)) {
            browser->scrollToAnchor(url.fragment());
        }
        return;
    }
    if (inBundle) {
        inBundle(text);
    }
}

void routeContentLinks(QTextBrowser* browser, const std::function<void(const QString&)>& inBundle)
{
    browser->setOpenLinks(false);
    browser->setOpenExternalLinks(false);
    QObject::connect(browser, &QTextBrowser::anchorClicked, browser,
        [browser, inBundle](const QUrl& url) { openContentLink(browser, url, inBundle); });
}

void routeContentLinks(QLabel* label)
{
    label->setOpenExternalLinks(false);
    QObject::connect(label, &QLabel::linkActivated, label,
        [label](const QString& link) { openContentLink(label, QUrl(link)); });
}

} // namespace mlaprep::gui
