#pragma once

#include <QWidget>

class QAbstractButton;
class QLabel;

namespace mlaprep::gui {

// One answer option: a radio button or check box, its text as wrapped rich text (clicking the text
// toggles the button, as in the exam driver) and, in feedback mode, the option's "why". A right-click
// asks to strike the option through (strikeRequested); a struck option reads crossed out and faint, and
// can still be chosen, as on the real exam.
class OptionRow : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Radio, Check };

    OptionRow(Kind kind, const QString& letter, const QString& html, QWidget* parent = nullptr);

    QAbstractButton* button() const { return m_button; }
    void setWhy(const QString& html, bool correct, bool chosen);
    void clearWhy();
    void setStruck(bool struck);
    bool isStruck() const { return m_struck; }

signals:
    void strikeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QAbstractButton* m_button;
    QLabel* m_text;
    QLabel* m_why;
    bool m_struck = false;
};

} // namespace mlaprep::gui
