#include "gui/questions/QuestionView.h"

#include "content/MarkdownHtml.h"
#include "gui/common/Links.h"
#include "gui/common/QtConvert.h"
#include "gui/common/ReadingZoom.h"
#include "gui/common/Shortcuts.h"
#include "gui/questions/OptionRow.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace mlaprep::gui {

namespace {

constexpr std::array<const char*, 9> CountWords { "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
    "SEVEN", "EIGHT" };
constexpr int IdRole = Qt::UserRole + 1;
constexpr int TextRole = Qt::UserRole + 2;

// Six dots, the usual sign that a row can be dragged, in the palette's text colour.
QIcon dragHandleIcon(const QPalette& palette)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette.color(QPalette::PlaceholderText));
    for (int column = 0; column < 2; ++column) {
        for (int row = 0; row < 3; ++row) {
            painter.drawEllipse(QPointF(5.5 + column * 5.0, 3.5 + row * 4.5), 1.5, 1.5);
        }
    }
    return QIcon(pixmap);
}

QString html(const std::string& markdown)
{
    return toQString(markdownToHtml(markdown));
}

QString letterOf(std::size_t index)
{
    return QString(QChar(u'A' + static_cast<char16_t>(index)));
}

// Option texts in combo boxes and lists are plain text: drop the Markdown marks that would show.
QString plain(const std::string& markdown)
{
    QString text = toQString(markdown);
    text.remove(QLatin1Char('`'));
    text.remove(QStringLiteral("**"));
    return text;
}

} // namespace

QuestionView::QuestionView(QWidget* parent)
    : QWidget(parent)
    , m_scenario(new QLabel(this))
    , m_stem(new QLabel(this))
    , m_instruction(new QLabel(this))
    , m_body(new QWidget(this))
    , m_bodyLayout(new QVBoxLayout(m_body))
    , m_feedback(new QLabel(this))
{
    setObjectName(QStringLiteral("questionView"));
    ReadingZoom::follow(this);
    for (QLabel* label : { m_scenario, m_stem, m_instruction, m_feedback }) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        routeContentLinks(label);
    }
    m_scenario->setObjectName(QStringLiteral("caseScenario"));
    m_scenario->setFrameShape(QFrame::StyledPanel);
    m_scenario->setMargin(8);
    m_scenario->setAutoFillBackground(true);
    m_scenario->setBackgroundRole(QPalette::AlternateBase);
    m_stem->setObjectName(QStringLiteral("questionStem"));
    m_instruction->setObjectName(QStringLiteral("questionInstruction"));
    m_feedback->setObjectName(QStringLiteral("questionFeedback"));
    m_feedback->setFrameShape(QFrame::StyledPanel);
    m_feedback->setMargin(8);
    m_bodyLayout->setContentsMargins(0, 0, 0, 0);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_stem);
    contentLayout->addWidget(m_instruction);
    contentLayout->addWidget(m_body);
    contentLayout->addWidget(m_feedback);
    contentLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    // A case study's scenario stays pinned beside its children, scrolling on its own, as in the exam driver.
    m_scenarioPane = new QScrollArea(this);
    m_scenarioPane->setWidgetResizable(true);
    m_scenarioPane->setFrameShape(QFrame::NoFrame);
    m_scenarioPane->setWidget(m_scenario);
    m_scenario->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_scenarioPane);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    registerShortcut(ShortcutId::ChooseOption, this, [this](int index) { chooseOption(index); });
    registerShortcut(ShortcutId::MoveStep, this, [this](int index) { moveCurrentStep(index == 0 ? -1 : 1); });
    clear();
}

void QuestionView::clear()
{
    m_rows.clear();
    m_matchBoxes.clear();
    m_orderList = nullptr;
    m_confirmOrder = nullptr;
    m_orderConfirmed = false;
    while (QLayoutItem* item = m_bodyLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_scenarioPane->hide();
    m_feedback->hide();
}

void QuestionView::showQuestion(const Question& question, const std::vector<std::string>& optionOrder,
    const std::optional<Answer>& answer, const Question* caseParent)
{
    clear();
    m_question = &question;
    m_caseParent = caseParent;
    m_optionOrder = optionOrder;
    if (m_optionOrder.empty()) {
        for (const auto& option : question.options) {
            m_optionOrder.push_back(option.id);
        }
    }
    if (caseParent) {
        m_scenario->setText(QStringLiteral("<b>%1</b>").arg(tr("Case study")) + html(caseParent->scenario));
        m_scenarioPane->show();
    }
    m_stem->setText(html(question.stem));
    switch (question.type) {
    case QuestionType::Single:
        m_instruction->setText(
            tr("<i>Choose one answer (keys A–%1).</i>").arg(letterOf(m_optionOrder.size() - 1)));
        buildChoices(answer);
        break;
    case QuestionType::Multi: {
        const std::size_t keys = question.answerIds.size();
        m_instruction->setText(
            tr("<i>Select %1 (keys A–%2 toggle).</i>")
                .arg(QString::fromLatin1(keys < CountWords.size() ? CountWords[keys] : "ALL"))
                .arg(letterOf(m_optionOrder.size() - 1)));
        buildChoices(answer);
        break;
    }
    case QuestionType::Ordering:
        m_instruction->setText(tr("<i>Put the steps in order: drag them, or select one and press Alt+Up / "
                                  "Alt+Down.</i>"));
        buildOrdering(answer);
        break;
    case QuestionType::Matching:
        m_instruction->setText(tr("<i>Match each item on the left with one option.</i>"));
        buildMatching(answer);
        break;
    case QuestionType::Case:
        break;
    }
    setReadOnly(m_readOnly);
    refreshFeedback();
}

void QuestionView::buildChoices(const std::optional<Answer>& answer)
{
    const auto kind
        = m_question->type == QuestionType::Single ? OptionRow::Kind::Radio : OptionRow::Kind::Check;
    auto* group = new QButtonGroup(m_body);
    group->setExclusive(kind == OptionRow::Kind::Radio);
    for (std::size_t i = 0; i < m_optionOrder.size(); ++i) {
        const Option* option = m_question->findOption(m_optionOrder[i]);
        if (!option) {
            continue;
        }
        auto* row = new OptionRow(kind, letterOf(i), html(option->text), m_body);
        row->setProperty("optionId", toQString(option->id));
        const bool chosen = answer
            && std::find(answer->choices.begin(), answer->choices.end(), option->id) != answer->choices.end();
        row->button()->setChecked(chosen);
        group->addButton(row->button());
        connect(row->button(), &QAbstractButton::toggled, this,
            [this, row](bool checked) { onChoiceToggled(row, checked); });
        const int index = static_cast<int>(m_rows.size());
        connect(row, &OptionRow::strikeRequested, this, [this, index] { toggleStrike(index); });
        if (m_strikeable) {
            row->setToolTip(withShortcut(
                tr("Right-click to strike this option through, or restore it"), ShortcutId::ExamStrike));
        }
        m_bodyLayout->addWidget(row);
        m_rows.push_back(row);
    }
}

void QuestionView::onChoiceToggled(OptionRow* row, bool checked)
{
    if (m_question->type == QuestionType::Multi && checked) {
        const auto checkedCount = std::count_if(
            m_rows.begin(), m_rows.end(), [](OptionRow* r) { return r->button()->isChecked(); });
        if (static_cast<std::size_t>(checkedCount) > m_question->answerIds.size()) {
            const QSignalBlocker blocker(row->button());
            row->button()->setChecked(false);
            m_instruction->setText(tr("<i>Select %1 — clear one of your choices before picking another.</i>")
                                       .arg(QString::fromLatin1(CountWords[std::min<std::size_t>(
                                           m_question->answerIds.size(), CountWords.size() - 1)])));
            return;
        }
    }
    if (m_question->type == QuestionType::Single && !checked) {
        return; // the radio that was unchecked; the checked one reports the change
    }
    emit answerChanged();
}

void QuestionView::buildOrdering(const std::optional<Answer>& answer)
{
    m_orderList = new QListWidget(m_body);
    m_orderList->setObjectName(QStringLiteral("orderingList"));
    m_orderList->setDragDropMode(QAbstractItemView::InternalMove);
    m_orderList->setWordWrap(true);
    m_orderList->setAlternatingRowColors(true);
    m_orderList->setSpacing(2);
    m_orderList->setToolTip(tr("Drag a step by its handle, or select it and press Alt+Up / Alt+Down"));
    const QIcon handle = dragHandleIcon(palette());
    const std::vector<std::string>& order
        = answer && !answer->choices.empty() ? answer->choices : m_optionOrder;
    for (const auto& id : order) {
        if (const Option* option = m_question->findOption(id)) {
            auto* item = new QListWidgetItem(handle, QString(), m_orderList);
            item->setData(IdRole, toQString(id));
            item->setData(TextRole, plain(option->text));
        }
    }
    numberSteps();
    m_orderList->setCurrentRow(0);
    m_orderConfirmed = answer.has_value() && !answer->choices.empty();
    connect(m_orderList->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        numberSteps();
        m_orderConfirmed = true;
        emit answerChanged();
    });
    m_confirmOrder = new QPushButton(tr("Use this order"), m_body);
    m_confirmOrder->setToolTip(tr("Record the order as shown, when it is already the one you want"));
    connect(m_confirmOrder, &QPushButton::clicked, this, [this] {
        m_orderConfirmed = true;
        emit answerChanged();
    });
    m_bodyLayout->addWidget(m_orderList);
    m_bodyLayout->addWidget(m_confirmOrder, 0, Qt::AlignLeft);
}

void QuestionView::buildMatching(const std::optional<Answer>& answer)
{
    // Prompts are the reading; the choices are short labels: give the prompts the wider column.
    auto* form = new QWidget(m_body);
    form->setObjectName(QStringLiteral("matchingForm"));
    auto* layout = new QGridLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(16);
    layout->setVerticalSpacing(8);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);
    int row = 0;
    for (const auto& prompt : m_question->prompts) {
        auto* combo = new QComboBox(form);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        combo->addItem(tr("— choose —"));
        for (const auto& id : m_optionOrder) {
            if (const Option* option = m_question->findOption(id)) {
                combo->addItem(plain(option->text), toQString(id));
            }
        }
        if (answer) {
            auto chosen = answer->pairs.find(prompt.id);
            if (chosen != answer->pairs.end()) {
                combo->setCurrentIndex(std::max(0, combo->findData(toQString(chosen->second))));
            }
        }
        connect(combo, &QComboBox::activated, this, [this] { emit answerChanged(); });
        auto* label = new QLabel(html(prompt.text), form);
        label->setObjectName(QStringLiteral("matchingPrompt"));
        label->setWordWrap(true);
        label->setBuddy(combo);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        layout->addWidget(label, row, 0);
        layout->addWidget(combo, row, 1, Qt::AlignVCenter);
        ++row;
        m_matchBoxes.emplace_back(prompt.id, combo);
    }
    m_bodyLayout->addWidget(form);
}

QWidget* QuestionView::answerFocusWidget() const
{
    if (m_orderList) {
        return m_orderList;
    }
    return m_matchBoxes.empty() ? nullptr : m_matchBoxes.front().second;
}

void QuestionView::numberSteps()
{
    for (int i = 0; m_orderList && i < m_orderList->count(); ++i) {
        QListWidgetItem* item = m_orderList->item(i);
        item->setText(QStringLiteral("%1.  %2").arg(i + 1).arg(item->data(TextRole).toString()));
    }
}

std::vector<std::string> QuestionView::orderingIds() const
{
    std::vector<std::string> ids;
    for (int i = 0; m_orderList && i < m_orderList->count(); ++i) {
        ids.push_back(toStdString(m_orderList->item(i)->data(IdRole).toString()));
    }
    return ids;
}

std::optional<Answer> QuestionView::currentAnswer() const
{
    if (!m_question) {
        return std::nullopt;
    }
    Answer answer;
    switch (m_question->type) {
    case QuestionType::Single:
    case QuestionType::Multi:
        for (OptionRow* row : m_rows) {
            if (row->button()->isChecked()) {
                answer.choices.push_back(toStdString(row->property("optionId").toString()));
            }
        }
        break;
    case QuestionType::Ordering:
        if (m_orderConfirmed) {
            answer.choices = orderingIds();
        }
        break;
    case QuestionType::Matching:
        for (const auto& [promptId, combo] : m_matchBoxes) {
            const QString optionId = combo->currentData().toString();
            if (!optionId.isEmpty()) {
                answer.pairs[promptId] = toStdString(optionId);
            }
        }
        break;
    case QuestionType::Case:
        break;
    }
    return answer.empty() ? std::nullopt : std::optional<Answer>(answer);
}

void QuestionView::chooseOption(int index)
{
    if (m_readOnly || index < 0 || static_cast<std::size_t>(index) >= m_rows.size()) {
        return;
    }
    QAbstractButton* button = m_rows[static_cast<std::size_t>(index)]->button();
    if (m_question->type == QuestionType::Single) {
        button->setChecked(true);
    } else {
        button->toggle();
    }
}

void QuestionView::moveCurrentStep(int delta)
{
    if (m_readOnly || !m_orderList) {
        return;
    }
    const int row = m_orderList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_orderList->count()) {
        return;
    }
    QListWidgetItem* item = m_orderList->takeItem(row);
    m_orderList->insertItem(target, item);
    numberSteps();
    m_orderList->setCurrentRow(target);
    m_orderConfirmed = true;
    emit answerChanged();
}

void QuestionView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (OptionRow* row : m_rows) {
        row->button()->setEnabled(!readOnly);
    }
    if (m_orderList) {
        m_orderList->setDragDropMode(
            readOnly ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
        m_confirmOrder->setEnabled(!readOnly);
    }
    for (const auto& [promptId, combo] : m_matchBoxes) {
        combo->setEnabled(!readOnly);
    }
}

void QuestionView::setFeedbackVisible(bool visible)
{
    m_feedbackVisible = visible;
    refreshFeedback();
}

void QuestionView::refreshFeedback()
{
    if (!m_question) {
        return;
    }
    for (OptionRow* row : m_rows) {
        row->clearWhy();
    }
    if (!m_feedbackVisible) {
        m_feedback->hide();
        return;
    }
    const auto answer = currentAnswer();
    QString text;
    if (answer) {
        const bool right = isCorrect(*m_question, *answer);
        text += right ? tr("<p><b style=\"color:#2e9d4f\">Correct.</b></p>")
                      : tr("<p><b style=\"color:#d0453a\">Not quite.</b></p>");
    } else {
        text += tr("<p><b>Not answered.</b></p>");
    }
    const auto isKey = [this](const std::string& id) {
        return std::find(m_question->answerIds.begin(), m_question->answerIds.end(), id)
            != m_question->answerIds.end();
    };
    for (OptionRow* row : m_rows) {
        const std::string id = toStdString(row->property("optionId").toString());
        if (const Option* option = m_question->findOption(id)) {
            row->setWhy(html(option->why), isKey(id), row->button()->isChecked());
        }
    }
    if (m_question->type == QuestionType::Ordering) {
        text += tr("<p><b>Correct order:</b></p><ol>");
        for (const auto& id : m_question->answerIds) {
            if (const Option* option = m_question->findOption(id)) {
                text += QStringLiteral("<li>%1 <i>%2</i></li>")
                            .arg(plain(option->text).toHtmlEscaped(), plain(option->why).toHtmlEscaped());
            }
        }
        text += QStringLiteral("</ol>");
    } else if (m_question->type == QuestionType::Matching) {
        text += tr("<p><b>Correct matches:</b></p><ul>");
        for (const auto& prompt : m_question->prompts) {
            auto key = m_question->answerPairs.find(prompt.id);
            const Option* option
                = key == m_question->answerPairs.end() ? nullptr : m_question->findOption(key->second);
            if (option) {
                text += QStringLiteral("<li>%1 → <b>%2</b>: <i>%3</i></li>")
                            .arg(plain(prompt.text).toHtmlEscaped(), plain(option->text).toHtmlEscaped(),
                                plain(option->why).toHtmlEscaped());
            }
        }
        text += QStringLiteral("</ul>");
    }
    text += html(m_question->explanation);
    const auto& refs = m_question->refs.empty() && m_caseParent ? m_caseParent->refs : m_question->refs;
    if (!refs.empty()) {
        text += tr("<p><b>References:</b> ");
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const QString url = toQString(refs[i]).toHtmlEscaped();
            text += QStringLiteral("%1<a href=\"%2\">%2</a>")
                        .arg(i == 0 ? QString() : QStringLiteral(" · "), url);
        }
        text += QStringLiteral("</p>");
    }
    m_feedback->setText(text);
    m_feedback->show();
}

void QuestionView::setStrikeable(bool strikeable)
{
    m_strikeable = strikeable;
}

void QuestionView::setStruck(const std::set<std::string>& optionIds)
{
    for (OptionRow* row : m_rows) {
        row->setStruck(optionIds.count(toStdString(row->property("optionId").toString())) > 0);
    }
}

void QuestionView::toggleStrike(int index)
{
    if (!m_strikeable || m_readOnly || index < 0 || static_cast<std::size_t>(index) >= m_rows.size()) {
        return;
    }
    OptionRow* row = m_rows[static_cast<std::size_t>(index)];
    row->setStruck(!row->isStruck());
    emit strikeToggled(row->property("optionId").toString(), row->isStruck());
}

} // namespace mlaprep::gui
