#pragma once

// The exam-day objective (issue 19): with an exam date, plan so that the recall predicted for the exam
// day (FSRS retrievability at the exam, per item, weighted by the item's share of the blueprint) is as
// high as the learner's days allow. Pure: days, limits and FSRS parameters come in as values; without
// an exam date none of this is called and plain FSRS schedules.

#include "fsrs/Fsrs.h"
#include "srs/ItemKind.h"
#include "srs/Phase.h"
#include "srs/StudyItem.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep::srs {

// The study days right before the exam in which pulled reviews land.
inline constexpr int FinalStudyDays = 3;
// An item predicted below this on exam day gets a review in the final days. Above FSRS's usual 0.90,
// because a review just before the exam is worth more for the exam than one at the FSRS due date.
inline constexpr double ExamRecallTarget = 0.95;

// Seconds one look at an item takes. The defaults are what the issue 19 simulator assumes without a
// review log: a card is read and turned, a question (a scenario with four to six options) is read,
// answered and its explanation skimmed; a first sight takes longer than a review of either.
struct ReviewTimings {
    double cardFirstSight = 25.0;
    double cardReview = 10.0;
    double questionFirstSight = 90.0;
    double questionReview = 45.0;

    double seconds(ItemKind kind, bool firstSight) const;
    // A new item's first sight, its one learning step and a follow-up review before the exam.
    double newItemSeconds(ItemKind kind) const;
};

// Whether, with an exam date, a learning or relearning item rated `rating` graduates at once instead of
// taking its next step. A same-day look adds almost nothing to the stability FSRS predicts for the
// exam (its short-term formula leaves S nearly as it was after a recalled look), so after Hard or Good
// the step's minutes go to the next item instead. After Again the steps stay: the learner meets the
// item again the same day, having just seen the answer was wrong.
bool examDaySkipsStep(fsrs::Rating rating);

// Retrievability at the start of the exam day of an item last reviewed on lastReviewDay.
double recallOnExamDay(const fsrs::Fsrs& model, const fsrs::MemoryState& memory, std::int64_t lastReviewDay,
    std::int64_t examDay);

// The interval, in days from `today`, for an item whose state after today's review is `after` and to
// which FSRS gives `intervalDays`. An interval that reaches the exam day while the item would be
// predicted below ExamRecallTarget there is shortened to a day in the final FinalStudyDays (chosen by
// `seed`, never before tomorrow); every other interval is returned unchanged.
int examDayInterval(const fsrs::Fsrs& model, const fsrs::MemoryState& after, std::int64_t today,
    int intervalDays, std::int64_t examDay, std::uint64_t seed);

// One item as the exam-day ordering sees it. Days are study-day numbers.
struct ExamDayItem {
    double weight = 0.0; // examWeights
    Phase phase = Phase::New;
    std::optional<fsrs::MemoryState> memory;
    std::optional<std::int64_t> lastReviewDay;
    std::int64_t dueDay = 0;
    ItemKind kind = ItemKind::Question; // for the seconds a review takes
};

// A New item (never reviewed) of the given weight.
inline ExamDayItem unseenItem(double weight)
{
    ExamDayItem item;
    item.weight = weight;
    return item;
}

// Each item's share of the exam. The exam asks questions: a domain's blueprint weight is spread evenly
// over its question items (an exam draws a domain's items alike), so they sum to the domain's weight,
// and cards weigh 0 (they prepare for questions but are not asked). A bundle without questions (a
// deck of imported cards) spreads the weights over its cards instead.
std::vector<double> examWeights(const std::vector<StudyItem>& items);

// Predicted exam-day recall of an item (0 when it has never been reviewed).
double predictedExamRecall(const fsrs::Fsrs& model, const ExamDayItem& item, std::int64_t examDay);

// The exam-day recall a review today is expected to add to a Review-phase item if it is not looked at
// again before the exam: recalled with its retrievability today (rated Good) or forgotten (Again),
// against its predicted exam-day recall without the review. Unweighted.
double reviewGain(const fsrs::Fsrs& model, const ExamDayItem& item, std::int64_t today, std::int64_t examDay);

// What a first sight today is worth for the exam per second it takes: the item's weight times the
// exam-day recall of a first sight rated Good, over the seconds of a first sight of its kind.
double firstSightWorth(const fsrs::Fsrs& model, double weight, ItemKind kind, std::int64_t today,
    std::int64_t examDay, const ReviewTimings& timings);

// The Review-phase items to review today under the exam-day policy, most valuable first: those due by
// today, and in the final days those due on or after the exam that are predicted below
// ExamRecallTarget (pulled before it). Items reviewed today already are left out. The order is by the
// exam-day recall the item would lose, weight × (1 − predicted exam-day recall), highest first, so the
// last days favour the items with the lowest weighted exam-day recall. Indices into `items`.
//
// The minutes a review takes are minutes not spent on an unseen item. `newItemWorth`, given while an
// unseen item can still be introduced today, is firstSightWorth of the next one: a review whose
// weighted reviewGain per second is below it waits (it stays due and is weighed again tomorrow), so
// a learner short of minutes meets more of the exam before going over what is already known. FSRS's
// forgetting curve is flat enough that a single look still holds about half its recall a month later,
// which is why, short of minutes, a first sight usually wins.
std::vector<std::size_t> examDayReviewOrder(const fsrs::Fsrs& model, const std::vector<ExamDayItem>& items,
    std::int64_t today, std::int64_t examDay, std::optional<double> newItemWorth = std::nullopt,
    const ReviewTimings& timings = {});

// The order new items are introduced in before an exam: first the items the exam weighs (its
// questions), the tasks taking turns in proportion to their share of the exam (highest averages) so
// every task is met early instead of one task after another; then the cards, the tasks taking turns the
// same way. Within a task and kind the given order stays. Indices into `items`.
std::vector<std::size_t> examDayNewOrder(const std::vector<StudyItem>& items);

// The plan's inputs; days are study-day numbers, the exam on examDay.
struct PlanInputs {
    std::int64_t today = 0;
    std::int64_t examDay = 0;
    int minutesPerDay = 40;
    int newPerDay = 20;
    int unseenCards = 0;
    int unseenQuestions = 0;
    // Reviews and learning steps due today, already scheduled.
    int dueToday = 0;
    // Items due on or after the exam and predicted below ExamRecallTarget: each is pulled before it.
    int lastLookItems = 0;
    ReviewTimings timings;
    double mockMinutes = 150.0;
};

struct PlanDay {
    std::int64_t day = 0;
    int newCards = 0;
    int newQuestions = 0;
    int lastLook = 0;
    bool mock = false;
    double minutes = 0.0; // estimated, reviews included
};

// The exam-date plan: unseen items spread evenly over the study days up to the last day that still
// leaves a review before the exam (every task seen at least twice: its first sight and a later review),
// full mocks weekly and twice in the final week, and the items pulled before the exam in the final
// days. Recomputed every day, so a missed day spreads over the days left.
struct StudyPlan {
    bool examSet = false;
    bool examPassed = false;
    int daysLeft = 0; // study days before the exam day
    std::vector<PlanDay> days; // today first, up to the day before the exam
    // The last day new items are introduced on.
    std::int64_t lastNewDay = 0;
    // New items a day the coverage needs, and whether the daily new limit allows it. Not feasible also
    // when the exam is so close that an item seen today could not be reviewed again before it.
    int newPerDayNeeded = 0;
    int newPerDayLimit = 0; // the learner's, as given
    bool coverageFeasible = true;
    double minutesNeeded = 0.0; // the busiest day without a mock
    bool onTrack = true; // coverage feasible and minutesNeeded fits minutesPerDay
    const PlanDay* today() const { return days.empty() ? nullptr : &days.front(); }
    // The next day with a mock, if any.
    const PlanDay* nextMock() const;
};

StudyPlan buildStudyPlan(const PlanInputs& inputs);

// How the learner rates reviews (Review-phase answers), as shares that add up to 1.
struct RatingMix {
    double again = 0.0;
    double hard = 0.0;
    double good = 1.0;
    double easy = 0.0;

    // The learner's own shares from counts of Again, Hard, Good and Easy, once there are at least
    // MinRatedReviews; below that, every review rated Good (nothing to go by yet).
    static RatingMix fromCounts(const std::array<std::int64_t, 4>& counts);
    // The rating that `u` in [0, 1) falls on, the shares laid end to end in rating order.
    fsrs::Rating pick(double u) const;
};
inline constexpr std::int64_t MinRatedReviews = 20;
// Paths drawn per seen item when the mix is not all Good: enough for a stable mean over a bundle.
inline constexpr int ForecastPaths = 8;

// Predicted exam-day recall, in total and per domain, for a learner who keeps to a pace of new items.
struct ExamForecast {
    double recall = 0.0; // weighted by examWeights
    std::map<std::string, double> byDomain; // mean over each domain's items
};

// The expected-value projection Today shows: each seen item is reviewed when due under the exam-day
// policy and rated as the learner rates reviews (`mix`: with every review Good, one path; otherwise
// the mean over ForecastPaths paths drawn from a seed of the item's id, so Today's figure does not
// flicker), each unseen item is introduced at `newPerDay` in exam-day order
// until the last new day and then follows the same path; an item still unseen on exam day counts 0.
// Intervals are FSRS's at `desiredRetention`. The exam asks questions, so the forecast is over the
// question items (over every item for a bundle without any), as plan-sim's exam_day_recall is.
// `states[i]` is the state of `items[i]`.
ExamForecast forecastExamRecall(const fsrs::Fsrs& model, const std::vector<StudyItem>& items,
    const std::vector<ExamDayItem>& states, std::int64_t today, std::int64_t examDay, int newPerDay,
    double desiredRetention, const RatingMix& mix = {});

} // namespace mlaprep::srs
