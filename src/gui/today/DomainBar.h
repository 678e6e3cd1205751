#pragma once

#include <QWidget>

namespace mlaprep::gui {

// A bar whose track is as long as the domain's exam weight (relative to the heaviest domain) and whose
// fill is the learner's mastery of it: the filled length is mastery × weight. Unseen domains show a
// dashed empty track. The fill is the domain's own colour (design::domainColour), the same as in Stats,
// so colour names the domain and the length tells the mastery.
class DomainBar : public QWidget {
    Q_OBJECT

public:
    explicit DomainBar(QWidget* parent = nullptr);

    void setValues(double weight, double fill, bool unseen);
    void setColour(const QColor& colour);
    QColor colour() const { return m_colour; }
    double weight() const { return m_weight; }
    double fill() const { return m_fill; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double m_weight = 0.0;
    double m_fill = 0.0;
    bool m_unseen = true;
    QColor m_colour;
};

} // namespace mlaprep::gui
