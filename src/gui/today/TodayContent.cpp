#include "gui/today/TodayContent.h"

#include "content/Bundle.h"
#include "gui/common/Plural.h"
#include "gui/common/QtConvert.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <cmath>

namespace mlaprep::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TodayContent", text);
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(static_cast<int>(std::lround(fraction * 100.0)));
}

QDate dateOfDay(std::int64_t day)
{
    return QDate(1970, 1, 1).addDays(day);
}

// What the forecast rests on (answers, the share of a mock seen before and how each part is expected to
// go) and the domain with the most points left on the table: its share of the exam times what it misses.
QString readinessBasisText(const analytics::Readiness& readiness)
{
    QString text
        = tr("Rests on %1: %2 of a mock's items seen before, about %3 right on those; about %4 on "
             "the rest, inferred from your other answers.")
              .arg(countOf(readiness.answers, tr("answer"), tr("answers")), percent(readiness.seenShare),
                  percent(readiness.seenExpected), percent(readiness.unseenExpected));
    const auto mostToGain = std::max_element(
        readiness.domains.begin(), readiness.domains.end(), [](const auto& a, const auto& b) {
            return a.share * (1.0 - a.expected) < b.share * (1.0 - b.expected);
        });
    if (mostToGain != readiness.domains.end() && mostToGain->share > 0.0) {
        text += QStringLiteral(" ")
            + tr("Most to gain: domain %1 %2 (about %3 right, %4 of the exam).")
                  .arg(toQString(mostToGain->id), toQString(mostToGain->title), percent(mostToGain->expected),
                      percent(mostToGain->share));
    }
    if (!readiness.hourGains.empty() && readiness.hourGains.front().points >= 1) {
        const analytics::StudyHourGain& best = readiness.hourGains.front();
        text += QStringLiteral(" ")
            + tr("An hour on task %1 (about %2) would add about %3 to a mock tomorrow.")
                  .arg(toQString(best.taskId), countOf(best.items, tr("question"), tr("questions")),
                      countOf(best.points, tr("point"), tr("points")));
    }
    return text;
}

void decideNextAction(TodayContent& content, const std::optional<srs::QueueCounts>& counts,
    const std::optional<Settings>& settings, std::optional<int> mocksTaken)
{
    const int reviews = counts ? counts->reviewLeft + counts->learningLeft : 0;
    if (settings && !settings->examDate) {
        content.nextAction = NextAction::SetExamDate;
        content.nextActionLabel = tr("Set your exam date");
        content.nextActionDetail
            = tr("With a date and your daily minutes, Today plans what to study each day.");
    } else if (reviews > 0) {
        content.nextAction = NextAction::StartReviews;
        content.nextActionLabel
            = tr("Start the %1").arg(countOf(reviews, tr("due review"), tr("due reviews")));
        content.nextActionDetail = tr("Reviews first: they are what you are about to forget.");
    } else if (counts && counts->newLeft > 0) {
        content.nextAction = NextAction::StartReviews;
        content.nextActionLabel
            = tr("Learn %1").arg(countOf(counts->newLeft, tr("new item"), tr("new items")));
        content.nextActionDetail = tr("No reviews are due: today's new cards and questions are next.");
    } else if (mocksTaken && *mocksTaken == 0) {
        content.nextAction = NextAction::FirstMock;
        content.nextActionLabel = tr("Take your first mock exam");
        content.nextActionDetail
            = tr("65 questions in 130 minutes on the exam blueprint: it shows where you stand.");
    } else if (!content.weakestTaskId.empty()) {
        content.nextAction = NextAction::StudyWeakest;
        content.nextActionLabel = tr("Study %1").arg(content.weakestTitle);
        content.nextActionDetail = tr("Nothing is due: read the note of your weakest task statement.");
    }
}

} // namespace

TodayContent buildTodayContent(const Bundle& bundle, const std::optional<srs::QueueCounts>& counts,
    const std::optional<ProgressSummary>& progress, const std::optional<Settings>& settings,
    const std::optional<srs::StudyPlan>& plan, std::int64_t today, const std::optional<ExamOutlook>& outlook,
    std::optional<int> mocksTaken)
{
    TodayContent content;

    if (settings && settings->examDate) {
        const std::int64_t left = settings->examDate->dayNumber() - today;
        const QString date = QLocale().toString(
            dateOfDay(settings->examDate->dayNumber()), QStringLiteral("ddd d MMM yyyy"));
        if (left > 1) {
            content.examLine = tr("%1 days to your exam (%2)").arg(left).arg(date);
        } else if (left == 1) {
            content.examLine = tr("Your exam is tomorrow (%1)").arg(date);
        } else if (left == 0) {
            content.examLine = tr("Your exam is today. Good luck!");
        } else {
            content.examLine = tr("Your exam date (%1) has passed: set a new one").arg(date);
        }
    } else {
        content.examLine = tr("No exam date set: set one to get a daily plan");
    }

    if (counts) {
        content.queueEmpty = counts->total() == 0;
        content.queueLine = content.queueEmpty
            ? tr("Nothing due today. Read a note, drill your weakest task or take a mock.")
            : tr("Due today: %1 reviews · %2 learning · %3 new")
                  .arg(counts->reviewLeft)
                  .arg(counts->learningLeft)
                  .arg(counts->newLeft);
    } else {
        content.queueLine = tr("The review queue is not available.");
    }

    if (progress) {
        const auto& readiness = progress->readiness;
        content.readinessKnown = readiness.enoughData;
        if (readiness.enoughData) {
            content.readinessScore = QString::number(readiness.scaled);
            const QString verdict = readiness.passProbability >= 0.8 ? tr("pass likely")
                : readiness.passProbability >= 0.4                   ? tr("borderline")
                                                                     : tr("pass unlikely yet");
            content.readinessRange
                = tr("Estimate, 80 % range %1–%2 · %3 (%4 chance ≥ %5)")
                      .arg(readiness.scaledLow)
                      .arg(readiness.scaledHigh)
                      .arg(verdict,
                          readiness.passProbability > 0.99       ? tr("> 99 %")
                              : readiness.passProbability < 0.01 ? tr("< 1 %")
                                                                 : percent(readiness.passProbability))
                      .arg(bundle.exam.pass);
            content.readinessBasis = readinessBasisText(readiness);
        } else {
            content.readinessScore = QStringLiteral("—");
            content.readinessRange = tr("Not enough data yet: %1.").arg(toQString(readiness.reason));
        }
        double heaviest = 0.0;
        for (const auto& domain : progress->mastery.domains) {
            heaviest = std::max(heaviest, domain.weight);
        }
        for (const auto& domain : progress->mastery.domains) {
            DomainBarContent bar;
            bar.label = toQString(domain.domainId) + QStringLiteral(" · ") + toQString(domain.title);
            bar.unseen = domain.answers == 0 && domain.itemsSeen == 0;
            bar.weight = heaviest > 0.0 ? domain.weight / heaviest : 0.0;
            bar.fill = bar.unseen ? 0.0 : domain.estimate.mean;
            bar.detail = (bar.unseen ? tr("unseen") : tr("mastery %1").arg(percent(domain.estimate.mean)))
                + tr(" · %1 of the exam").arg(percent(domain.weight));
            content.domains.push_back(bar);
        }
        if (const auto* weakest = progress->mastery.weakestTask()) {
            content.weakestTaskId = weakest->taskId;
            const Task* task = bundle.findTask(weakest->taskId);
            content.weakestTitle = toQString(weakest->taskId) + QStringLiteral("  ")
                + (task ? toQString(task->title) : QString());
            content.weakestDetail = weakest->unseen() ? tr("Not studied yet · %1 items").arg(weakest->items)
                                                      : tr("Mastery %1 · %2 of %3 items seen · %4 answers")
                                                            .arg(percent(weakest->estimate.mean))
                                                            .arg(weakest->itemsSeen)
                                                            .arg(weakest->items)
                                                            .arg(weakest->answers);
        }
    }

    if (plan && plan->examSet && plan->today()) {
        const srs::PlanDay& day = *plan->today();
        QStringList parts;
        if (day.mock) {
            parts << tr("take a full mock exam");
        }
        const int planned = day.newCards + day.newQuestions;
        // The queue never serves more new items than today's limit allows; the plan says so, not more.
        const int allowed = counts ? std::min(planned, counts->newLeft) : planned;
        if (allowed > 0) {
            parts << tr("meet %1").arg(countOf(allowed, tr("new item"), tr("new items")));
        }
        if (allowed < planned) {
            content.newLimitLine = tr("The plan would bring in %1 today; your daily limit allows %2. "
                                      "Raise “New items a day” in Settings to keep pace.")
                                       .arg(planned)
                                       .arg(allowed);
        }
        if (day.lastLook > 0) {
            parts << tr("give %1 a last look").arg(countOf(day.lastLook, tr("item"), tr("items")));
        }
        if (parts.isEmpty()) {
            parts << tr("keep up with the reviews");
        }
        content.planLine = tr("Today's plan: %1 (about %2 min).")
                               .arg(parts.join(tr(", ")))
                               .arg(static_cast<int>(std::lround(day.minutes)));
        if (const auto* mock = plan->nextMock(); mock && !day.mock) {
            content.planLine
                += tr(" Next mock: %1.")
                       .arg(QLocale().toString(dateOfDay(mock->day), QStringLiteral("ddd d MMM")));
        }
        // Behind either way: too few minutes, or too few days to see every task twice.
        content.onTrack = plan->onTrack && plan->coverageFeasible;
        const int minutesNeeded = static_cast<int>(std::lround(plan->minutesNeeded));
        const int minutesSet = settings ? settings->minutesPerDay : 0;
        if (!plan->coverageFeasible && plan->newPerDayNeeded > plan->newPerDayLimit) {
            content.raiseNewPerDayTo = plan->newPerDayNeeded;
            content.trackLine
                = tr("Behind: seeing every task twice before the exam needs %1 new items a day "
                     "(your limit is %2) and about %3 minutes a day. <a href=\"raise\">Raise the "
                     "limit to %1</a> or move the date.")
                      .arg(plan->newPerDayNeeded)
                      .arg(plan->newPerDayLimit)
                      .arg(minutesNeeded);
        } else if (!plan->coverageFeasible) {
            content.trackLine
                = tr("Behind: the exam is too close for every task to be seen twice. Review what "
                     "you can, or move the date.");
        } else {
            content.trackLine = plan->onTrack
                ? tr("On track: the busiest day needs about %1 of your %2 minutes.")
                      .arg(minutesNeeded)
                      .arg(minutesSet)
                : tr("Behind: the plan needs about %1 minutes a day, you set %2. Study longer or move the "
                     "date.")
                      .arg(minutesNeeded)
                      .arg(minutesSet);
        }
    } else if (plan && plan->examSet) {
        content.planLine
            = plan->examPassed ? tr("The exam date has passed.") : tr("Exam day: no new material today.");
    } else {
        content.planLine
            = tr("Set your exam date and daily minutes, and the plan spreads what is left over the days.");
    }
    if (outlook) {
        content.outlookLine = tr("Predicted recall on exam day: %1 if you keep the plan (today's pace: %2)")
                                  .arg(percent(outlook->keepingPlan.recall), percent(outlook->atPace.recall));
        QStringList domains;
        for (const auto& [domainId, recall] : outlook->keepingPlan.byDomain) {
            domains << tr("domain %1 %2").arg(toQString(domainId), percent(recall));
        }
        if (!domains.isEmpty()) {
            content.outlookLine += QStringLiteral("\n") + domains.join(QStringLiteral(" · "));
        }
    }
    decideNextAction(content, counts, settings, mocksTaken);
    return content;
}

} // namespace mlaprep::gui
