#include "gui/interop/InteropMenu.h"

#include "content/Bundle.h"
#include "gui/AppController.h"
#include "gui/common/BusyCursor.h"
#include "gui/common/Dialogs.h"
#include "gui/common/ExamSeal.h"
#include "gui/common/ProblemText.h"
#include "gui/common/QtConvert.h"
#include "gui/interop/FileChooser.h"
#include "gui/reports/ReportErrorDialog.h"
#include "services/AnkiService.h"
#include "services/ErrorReportService.h"
#include "services/QuestionBankService.h"
#include "services/StudyService.h"
#include "session/AppSession.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include <filesystem>

namespace mlaprep::gui {

InteropMenu::InteropMenu(AppController& app, QWidget* window)
    : QObject(window)
    , m_app(app)
    , m_window(window)
{
}

void InteropMenu::addTo(QMenu* menu)
{
    QAction* open = menu->addAction(tr("&Open bundle…"), this, &InteropMenu::openBundle);
    open->setObjectName(QStringLiteral("openBundleAction"));
    sealInExam(open);
    open->setEnabled(m_app.canOpenBundles());
    menu->addSeparator();
    QAction* exportAnki = menu->addAction(tr("&Export to Anki…"), this, &InteropMenu::exportToAnki);
    exportAnki->setObjectName(QStringLiteral("exportAnkiAction"));
    sealInExam(exportAnki);
    QAction* importAnki = menu->addAction(tr("&Import from Anki…"), this, &InteropMenu::importFromAnki);
    importAnki->setObjectName(QStringLiteral("importAnkiAction"));
    sealInExam(importAnki);
    QAction* bank = menu->addAction(tr("Import question &bank…"), this, &InteropMenu::importQuestionBank);
    bank->setObjectName(QStringLiteral("importQuestionBankAction"));
    sealInExam(bank);
    menu->addSeparator();
    QAction* report = menu->addAction(tr("&Report an error…"), this, &InteropMenu::reportError);
    report->setObjectName(QStringLiteral("reportErrorAction"));
    QAction* reports = menu->addAction(tr("Error re&ports…"), this, &InteropMenu::showErrorReports);
    reports->setObjectName(QStringLiteral("errorReportsAction"));
}

void InteropMenu::exportToAnki()
{
    const QString path = FileChooser::saveFile(m_window, tr("Export to Anki"), QStringLiteral("mlaprep.apkg"),
        tr("Anki package (*.apkg);;Anki text notes (*.txt)"));
    if (path.isEmpty()) {
        return;
    }
    const std::filesystem::path out = toStdString(path);
    const auto exportNow = [&] {
        const BusyCursor busy;
        return path.endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive)
            ? exportAnkiText(m_app.bundle(), {}, out)
            : m_app.session().anki().exportPackage(
                m_app.bundle(), {}, out, m_app.session().study().config().desiredRetention);
    };
    const Result<AnkiExportSummary> exported = exportNow();
    if (!exported) {
        QMessageBox::warning(m_window, tr("Export to Anki"), problemsText(exported.problems()));
        return;
    }
    emit message(tr("Exported %1 cards to %2").arg(exported->notes).arg(QFileInfo(path).fileName()));
}

void InteropMenu::importFromAnki()
{
    const QString path = FileChooser::openFile(
        m_window, tr("Import from Anki"), tr("Anki files (*.apkg *.txt *.csv *.tsv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    AnkiImportRequest request;
    request.file = toStdString(path);
    const auto importNow = [&] {
        const BusyCursor busy;
        return m_app.importAnki(request);
    };
    auto summary = importNow();
    if (summary && summary->rejected > 0 && !summary->committed) {
        const QString details = QString::fromStdString(summary->errors.front())
            + (summary->errors.size() > 1 ? tr("\n… and %1 more").arg(summary->errors.size() - 1)
                                          : QString());
        if (!Dialogs::confirm(m_window, tr("Import from Anki"),
                tr("%1 of %2 notes cannot be imported:\n%3\n\nImport the other %4?")
                    .arg(summary->rejected)
                    .arg(summary->read)
                    .arg(details)
                    .arg(summary->read - summary->rejected - summary->duplicates),
                tr("Import what I can"))) {
            emit message(tr("Nothing was imported from %1").arg(QFileInfo(path).fileName()));
            return;
        }
        request.importWhatYouCan = true;
        summary = importNow();
    }
    if (!summary) {
        QMessageBox::warning(m_window, tr("Import from Anki"), problemsText(summary.problems()));
        return;
    }
    emit message(tr("Imported %1 cards from %2; %3 duplicates skipped, %4 rejected")
                     .arg(summary->imported)
                     .arg(QFileInfo(path).fileName())
                     .arg(summary->duplicates)
                     .arg(summary->rejected));
}

void InteropMenu::importQuestionBank()
{
    const QStringList files
        = FileChooser::openFiles(m_window, tr("Import question bank"), tr("JSON (*.json)"));
    if (files.isEmpty()) {
        return;
    }
    const QString dir = FileChooser::directory(m_window, tr("New, empty folder for the imported bundle"));
    if (dir.isEmpty()) {
        return;
    }
    std::vector<std::filesystem::path> paths;
    for (const QString& name : files) {
        paths.push_back(toStdString(name));
    }
    auto imported = m_app.session().questionBank().importFiles(paths, toStdString(dir));
    if (!imported) {
        QMessageBox::warning(m_window, tr("Import question bank"), problemsText(imported.problems()));
        return;
    }
    const interop::ConvertedBank& bank = imported->bank;
    emit message(tr("Converted %1 questions into %2 (%3 things not mapped)")
                     .arg(bank.questions)
                     .arg(dir)
                     .arg(bank.problems.size()));
    if (!imported->bundleProblems.empty()) {
        QMessageBox::warning(m_window, tr("Import question bank"),
            tr("The converted bundle in %1 has problems and may not open:\n%2")
                .arg(dir, problemsText(imported->bundleProblems)));
        return;
    }
    if (m_app.canOpenBundles()
        && Dialogs::confirm(m_window, tr("Import question bank"),
            tr("%1 questions were converted into %2.\n%3 things could not be mapped.\n\nOpen the new bundle "
               "now?")
                .arg(bank.questions)
                .arg(dir)
                .arg(bank.problems.size()),
            tr("Open bundle"))) {
        m_app.openBundle(dir);
    }
}

void InteropMenu::openBundle()
{
    const QString dir = FileChooser::directory(m_window, tr("Open bundle"));
    if (!dir.isEmpty()) {
        m_app.openBundle(dir);
    }
}

void InteropMenu::reportError()
{
    const auto [kind, itemId] = m_currentItem ? m_currentItem() : std::pair<QString, QString>();
    reportErrorOn(kind, itemId);
}

void InteropMenu::reportErrorOn(const QString& kind, const QString& itemId)
{
    auto* dialog = new ReportErrorDialog(m_app.bundle(), m_app.session().reports(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!itemId.isEmpty()) {
        dialog->setItem(kind, itemId);
    }
    connect(dialog, &QDialog::accepted, this, [this] { emit message(tr("Error report saved. Thank you.")); });
    dialog->open();
}

void InteropMenu::setCurrentItem(std::function<std::pair<QString, QString>()> currentItem)
{
    m_currentItem = std::move(currentItem);
}

void InteropMenu::showErrorReports()
{
    auto* dialog = new ErrorReportsDialog(m_app.session().reports(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace mlaprep::gui
