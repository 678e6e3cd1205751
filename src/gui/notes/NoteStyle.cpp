#include "gui/notes/NoteStyle.h"

#include "gui/common/Theme.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace mlaprep::gui {

QString noteStyleSheet(const QPalette& palette)
{
    const bool dark = isDark(palette);
    const QString border = dark ? QStringLiteral("#555a61") : QStringLiteral("#c8ccd1");
    const QString header = dark ? QStringLiteral("#34373c") : QStringLiteral("#eef1f4");
    const QString code = dark ? QStringLiteral("#16171a") : QStringLiteral("#f4f5f7");
    const QString callout = dark ? QStringLiteral("#2c3a4d") : QStringLiteral("#e8f1fc");
    const QString trap = dark ? QStringLiteral("#4a2c2c") : QStringLiteral("#fdecea");
    const QString retiring = dark ? QStringLiteral("#45402a") : QStringLiteral("#fff6d6");
    const QString inlineCode = dark ? QStringLiteral("#ffb86b") : QStringLiteral("#a3320b");
    return QStringLiteral("body { line-height: 140%; }"
                          "h1 { font-size: x-large; margin-top: 6px; }"
                          "h2 { font-size: large; margin-top: 18px; }"
                          "h3 { font-size: medium; margin-top: 12px; }"
                          "table { border-collapse: collapse; margin: 8px 0px; }"
                          "th, td { border: 1px solid %1; padding: 4px 8px; }"
                          "th { background-color: %2; font-weight: bold; }"
                          "pre { background-color: %3; padding: 8px; font-family: monospace; }"
                          "code { font-family: monospace; color: %5; }"
                          "pre code { color: %6; }"
                          "blockquote { background-color: %4; padding: 6px 10px; margin: 8px 0px; }"
                          "blockquote.callout-trap { background-color: %7; }"
                          "blockquote.callout-retiring { background-color: %8; }")
        .arg(border, header, code, callout, inlineCode, palette.color(QPalette::Text).name(), trap, retiring);
}

void wrapCodeBlocks(QTextDocument* document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().nonBreakableLines()) {
            QTextBlockFormat format;
            format.setNonBreakableLines(false);
            QTextCursor(block).mergeBlockFormat(format);
        }
    }
}

} // namespace mlaprep::gui
