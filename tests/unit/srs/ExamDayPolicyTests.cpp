#include "fsrs/Fsrs.h"
#include "srs/ExamDayPolicy.h"
#include "srs/Scheduler.h"
#include "srs/StudyDay.h"

#include <catch2/catch.hpp>

#include <map>
#include <numeric>
#include <optional>
#include <set>

using namespace mlaprep;
using namespace mlaprep::srs;
using namespace std::chrono_literals;
using fsrs::Rating;

namespace {

// 2026-11-18 12:00 UTC, study day 20775 at the default 4 am day start.
const Instant Noon = fromEpochMilliseconds(1'795'003'200'000);
constexpr std::int64_t Today = 20'775;

ItemState reviewState(double stability, int daysSinceReview)
{
    ItemState state;
    state.phase = Phase::Review;
    state.memory = fsrs::MemoryState { stability, 5.0 };
    state.lastReview = Noon - 24h * daysSinceReview;
    state.reps = 3;
    state.due = Noon;
    return state;
}

ExamDayItem reviewItem(double stability, std::int64_t lastReviewDay, std::int64_t dueDay, double weight = 0.1)
{
    ExamDayItem item;
    item.weight = weight;
    item.phase = Phase::Review;
    item.memory = fsrs::MemoryState { stability, 5.0 };
    item.lastReviewDay = lastReviewDay;
    item.dueDay = dueDay;
    return item;
}

// Three tasks in two domains, introduced task by task as studyItemsOf orders them.
std::vector<StudyItem> threeTasks(int perTask)
{
    std::vector<StudyItem> items;
    const std::vector<std::pair<std::string, std::string>> tasks { { "1.1", "1" }, { "1.2", "1" },
        { "2.1", "2" } };
    for (const auto& [task, domain] : tasks) {
        for (int i = 0; i < perTask; ++i) {
            items.push_back(StudyItem { task + "-" + std::to_string(i),
                i % 2 ? ItemKind::Question : ItemKind::Card, task, domain == "1" ? 0.6 : 0.4, domain });
        }
    }
    return items;
}

PlanInputs planInputs(int daysLeft, int unseen)
{
    PlanInputs in;
    in.today = Today;
    in.examDay = Today + daysLeft;
    in.minutesPerDay = 600;
    in.newPerDay = 9999;
    in.unseenCards = unseen * 3 / 4;
    in.unseenQuestions = unseen - in.unseenCards;
    return in;
}

} // namespace

TEST_CASE(
    "an interval that would carry a weak item past the exam is pulled into the final days", "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const fsrs::MemoryState after { 12.0, 5.0 };
    const std::int64_t examDay = Today + 10;
    REQUIRE(recallOnExamDay(model, after, Today, examDay) < ExamRecallTarget);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const int days = examDayInterval(model, after, Today, 12, examDay, seed);
        CHECK(Today + days < examDay);
        CHECK(Today + days >= examDay - FinalStudyDays);
    }
    // Through the real scheduler: Good on a review due today lands before the exam with the date set,
    // beyond it without. The item: the weakest whose FSRS interval after Good reaches the exam.
    auto config = SchedulerConfig::defaultsForTesting();
    std::optional<ItemState> weak;
    for (double stability = 1.0; stability < 30.0 && !weak; stability += 0.5) {
        const ItemState candidate = reviewState(stability, static_cast<int>(stability));
        const Outcome good = preview(candidate, Noon, 0, config)[Rating::Good];
        if (good.intervalDays >= 10
            && recallOnExamDay(model, *good.state.memory, Today, examDay) < ExamRecallTarget) {
            weak = candidate;
        }
    }
    REQUIRE(weak);
    config.examDay = examDay;
    const Outcome examBound = preview(*weak, Noon, 0, config)[Rating::Good];
    CHECK(Today + examBound.intervalDays < examDay);
    CHECK(Today + examBound.intervalDays >= examDay - FinalStudyDays);
    CHECK(studyDay(examBound.state.due, 0, config.dayStartHour) == Today + examBound.intervalDays);
}

TEST_CASE("an item that will still be well recalled on exam day keeps its FSRS interval", "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const fsrs::MemoryState strong { 900.0, 3.0 };
    CHECK(examDayInterval(model, strong, Today, 400, Today + 10, 7) == 400);
    // An interval that lands before the exam is FSRS's too, and so is one when no study day is left.
    const fsrs::MemoryState weak { 2.0, 7.0 };
    CHECK(examDayInterval(model, weak, Today, 2, Today + 10, 7) == 2);
    CHECK(examDayInterval(model, weak, Today, 2, Today + 1, 7) == 2);
}

TEST_CASE("an item already due after the exam is pulled before it in the final days", "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const std::int64_t examDay = Today + 20;
    // Reviewed a week ago with a long interval: due after the exam, predicted below the target.
    std::vector<ExamDayItem> items { reviewItem(20.0, Today - 7, examDay + 5) };
    REQUIRE(predictedExamRecall(model, items[0], examDay) < ExamRecallTarget);
    CHECK(examDayReviewOrder(model, items, Today, examDay).empty());
    CHECK(examDayReviewOrder(model, items, examDay - FinalStudyDays - 1, examDay).empty());
    for (std::int64_t day = examDay - FinalStudyDays; day < examDay; ++day) {
        CHECK(examDayReviewOrder(model, items, day, examDay) == std::vector<std::size_t> { 0 });
    }
    // Reviewed today already: not again.
    items[0].lastReviewDay = examDay - 1;
    CHECK(examDayReviewOrder(model, items, examDay - 1, examDay).empty());
}

TEST_CASE("the final days favour the items with the lowest weighted exam-day recall", "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const std::int64_t examDay = Today + 2;
    std::vector<ExamDayItem> items {
        reviewItem(30.0, Today - 3, examDay + 20, 0.1), // strong: after the exam, near the target
        reviewItem(3.0, Today - 5, Today, 0.1), // weak and due
        reviewItem(3.0, Today - 5, Today, 0.01), // as weak, but a tenth of the weight
        reviewItem(8.0, Today - 6, examDay + 1, 0.1), // pulled, between the two
    };
    const auto order = examDayReviewOrder(model, items, Today, examDay);
    CHECK(order == std::vector<std::size_t> { 1, 3, 2 });
}

TEST_CASE("short of minutes, a review worth less than a first sight waits while an unseen item can come in",
    "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const std::int64_t examDay = Today + 20;
    // Both due today: a weak question reviewed long ago, whose review would add much exam-day recall, and
    // a strong one that will be recalled on exam day anyway.
    std::vector<ExamDayItem> items { reviewItem(1.0, Today - 12, Today), reviewItem(40.0, Today - 3, Today) };
    const ReviewTimings timings;
    const auto worthPerSecond = [&](const ExamDayItem& item) {
        return item.weight * reviewGain(model, item, Today, examDay) / timings.seconds(item.kind, false);
    };
    REQUIRE(reviewGain(model, items[0], Today, examDay) > 0.0);
    REQUIRE(worthPerSecond(items[0]) > worthPerSecond(items[1]));

    // Without an unseen item to compare with (or with none left today), every due review is done.
    CHECK(examDayReviewOrder(model, items, Today, examDay).size() == 2);
    // An unseen item worth between the two: the strong review waits, the weak one is done.
    const double between = (worthPerSecond(items[0]) + worthPerSecond(items[1])) / 2.0;
    CHECK(
        examDayReviewOrder(model, items, Today, examDay, between, timings) == std::vector<std::size_t> { 0 });
    // A first sight of an unseen question of the same weight is worth more than either review: both wait.
    const double firstSight = firstSightWorth(model, 0.1, ItemKind::Question, Today, examDay, timings);
    CHECK(firstSight > worthPerSecond(items[0]));
    CHECK(examDayReviewOrder(model, items, Today, examDay, firstSight, timings).empty());
    // A waiting review is still due and weighed again on a later day.
    CHECK(examDayReviewOrder(model, items, Today + 1, examDay).size() == 2);
    // Cards weigh nothing for the exam: they wait while any question is unseen, and are done once only
    // cards are left to introduce.
    std::vector<ExamDayItem> cards { reviewItem(1.0, Today - 12, Today, 0.0) };
    cards[0].kind = ItemKind::Card;
    CHECK(examDayReviewOrder(model, cards, Today, examDay, firstSight, timings).empty());
    const double unseenCard = firstSightWorth(model, 0.0, ItemKind::Card, Today, examDay, timings);
    CHECK(examDayReviewOrder(model, cards, Today, examDay, unseenCard, timings).size() == 1);
}

TEST_CASE("with an exam date a recalled learning item graduates at once and a forgotten one keeps its steps",
    "[srs][exam-day]")
{
    auto config = SchedulerConfig::defaultsForTesting();
    const Preview plain = preview(ItemState {}, Noon, 0, config);
    REQUIRE(plain[Rating::Good].state.phase == Phase::Learning);
    REQUIRE(plain[Rating::Hard].state.phase == Phase::Learning);

    config.examDay = Today + 20;
    const Preview exam = preview(ItemState {}, Noon, 0, config);
    for (const Rating rating : { Rating::Hard, Rating::Good, Rating::Easy }) {
        INFO("rating " << static_cast<int>(rating));
        CHECK(exam[rating].state.phase == Phase::Review);
        CHECK(exam[rating].intervalDays >= 1);
        REQUIRE(exam[rating].state.memory);
        CHECK(exam[rating].state.memory->stability == plain[rating].state.memory->stability);
    }
    CHECK(exam[Rating::Again].state.phase == Phase::Learning);
    CHECK(exam[Rating::Again].state.due == plain[Rating::Again].state.due);

    // A lapsed review relearns the same way: Hard, which repeats the step without a date, graduates.
    const ItemState relearning = apply(reviewState(5.0, 5), Rating::Again, Noon, 0, config);
    REQUIRE(relearning.phase == Phase::Relearning);
    auto noDate = config;
    noDate.examDay.reset();
    REQUIRE(preview(relearning, Noon + 10min, 0, noDate)[Rating::Hard].state.phase == Phase::Relearning);
    const Preview again = preview(relearning, Noon + 10min, 0, config);
    CHECK(again[Rating::Again].state.phase == Phase::Relearning);
    CHECK(again[Rating::Hard].state.phase == Phase::Review);
}

TEST_CASE("every task is met early and every new item gets a review before the exam", "[srs][exam-day]")
{
    const std::vector<StudyItem> items = threeTasks(20);
    const std::vector<std::size_t> order = examDayNewOrder(items);
    REQUIRE(order.size() == items.size());
    CHECK(std::set<std::size_t>(order.begin(), order.end()).size() == items.size());
    // Every task among the first few: the tasks take turns instead of following one another.
    std::set<std::string> firstTasks;
    for (std::size_t i = 0; i < 4; ++i) {
        firstTasks.insert(items[order[i]].taskId);
    }
    CHECK(firstTasks.size() == 3);
    // The exam's questions come before the cards, and within a task and kind the given order stays.
    std::map<std::pair<std::string, ItemKind>, std::size_t> lastIndex;
    bool cardSeen = false;
    for (const std::size_t i : order) {
        const auto key = std::make_pair(items[i].taskId, items[i].kind);
        if (lastIndex.count(key)) {
            CHECK(i > lastIndex[key]);
        }
        lastIndex[key] = i;
        cardSeen = cardSeen || items[i].kind == ItemKind::Card;
        CHECK_FALSE((cardSeen && items[i].kind == ItemKind::Question));
    }

    for (const int daysLeft : { 30, 6, 3, 2 }) {
        const StudyPlan plan = buildStudyPlan(planInputs(daysLeft, static_cast<int>(items.size())));
        INFO("days left " << daysLeft);
        CHECK(plan.coverageFeasible);
        const int introduced = std::accumulate(plan.days.begin(), plan.days.end(), 0,
            [](int sum, const PlanDay& day) { return sum + day.newCards + day.newQuestions; });
        CHECK(introduced == static_cast<int>(items.size()));
        for (const auto& day : plan.days) {
            if (day.newCards + day.newQuestions > 0) {
                // Seen at least twice before the exam: the first sight, and a review on a later day.
                CHECK(day.day <= plan.lastNewDay);
                CHECK(day.day <= plan.today()->day + daysLeft - 2);
            }
        }
        if (daysLeft > FinalStudyDays + 1) {
            CHECK(plan.lastNewDay == Today + daysLeft - 1 - FinalStudyDays);
        }
    }
}

TEST_CASE(
    "limits that cannot cover every task before the exam are reported with what is needed", "[srs][exam-day]")
{
    PlanInputs in = planInputs(10, 1000);
    in.newPerDay = 20;
    in.minutesPerDay = 30;
    const StudyPlan plan = buildStudyPlan(in);
    CHECK_FALSE(plan.coverageFeasible);
    CHECK_FALSE(plan.onTrack);
    // Ten days: new items up to the fourth day before the exam, less the mock six days before: six days.
    CHECK(plan.newPerDayNeeded == 167);
    CHECK(plan.minutesNeeded > 30);

    in.newPerDay = plan.newPerDayNeeded;
    in.minutesPerDay = static_cast<int>(std::ceil(plan.minutesNeeded));
    const StudyPlan raised = buildStudyPlan(in);
    CHECK(raised.coverageFeasible);
    CHECK(raised.onTrack);

    // The exam is tomorrow: nothing unseen can be seen twice.
    const StudyPlan tomorrow = buildStudyPlan(planInputs(1, 5));
    CHECK_FALSE(tomorrow.coverageFeasible);
    CHECK(buildStudyPlan(planInputs(1, 0)).coverageFeasible);
}

TEST_CASE("without an exam date the scheduler is plain FSRS", "[srs][exam-day]")
{
    const auto plain = SchedulerConfig::defaultsForTesting();
    auto farExam = plain;
    farExam.examDay = Today + 36'500 * 2; // beyond any interval: the policy changes nothing
    const fsrs::Fsrs model(plain.parameters);
    for (const double stability : { 0.5, 3.0, 12.0, 60.0, 400.0 }) {
        for (const int since : { 1, 5, 30 }) {
            const ItemState state = reviewState(stability, since);
            const Preview a = preview(state, Noon, 0, plain);
            const Preview b = preview(state, Noon, 0, farExam);
            const fsrs::NextStates next = model.nextStates(state.memory, plain.desiredRetention, since);
            for (const Rating rating : fsrs::AllRatings) {
                CHECK(a[rating].intervalDays == b[rating].intervalDays);
                CHECK(a[rating].state.due == b[rating].state.due);
            }
            CHECK(a[Rating::Good].intervalDays == next.good.intervalDays);
        }
    }
}

TEST_CASE("the exam-day forecast rises with the pace and counts unseen items as 0", "[srs][exam-day]")
{
    const fsrs::Fsrs model;
    const std::vector<StudyItem> items = threeTasks(40);
    const std::vector<double> weights = examWeights(items);
    std::vector<ExamDayItem> states;
    for (const double weight : weights) {
        states.push_back(unseenItem(weight));
    }
    const std::int64_t examDay = Today + 20;
    const ExamForecast none = forecastExamRecall(model, items, states, Today, examDay, 0, 0.9);
    CHECK(none.recall == 0.0);
    const ExamForecast slow = forecastExamRecall(model, items, states, Today, examDay, 2, 0.9);
    const ExamForecast fast = forecastExamRecall(model, items, states, Today, examDay, 20, 0.9);
    CHECK(slow.recall > 0.0);
    CHECK(fast.recall > slow.recall);
    CHECK(fast.recall <= 1.0);
    REQUIRE(fast.byDomain.size() == 2);
    CHECK(fast.byDomain.at("1") > 0.8);
    // Domain weights spread over their items: each domain's weights add up to its share.
    double domainOne = 0.0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        domainOne += items[i].domainId == "1" ? weights[i] : 0.0;
    }
    CHECK(domainOne == Approx(0.6));
}

TEST_CASE("the exam-day forecast rates reviews as the learner does, not all Good", "[srs][exam-day]")
{
    // Too few reviews to go by: every review Good, as before any history.
    const RatingMix none = RatingMix::fromCounts({ 1, 0, 5, 0 });
    CHECK(none.good == 1.0);
    const RatingMix mix = RatingMix::fromCounts({ 30, 10, 50, 10 });
    CHECK(mix.again == Approx(0.3));
    CHECK(mix.easy == Approx(0.1));
    CHECK(mix.pick(0.0) == Rating::Again);
    CHECK(mix.pick(0.35) == Rating::Hard);
    CHECK(mix.pick(0.85) == Rating::Good);
    CHECK(mix.pick(0.95) == Rating::Easy);

    const fsrs::Fsrs model;
    const std::vector<StudyItem> items = threeTasks(20);
    const std::vector<double> weights = examWeights(items);
    const std::int64_t examDay = Today + 30;
    std::vector<ExamDayItem> states;
    for (std::size_t i = 0; i < items.size(); ++i) {
        // Seen a few days ago and due soon, so several reviews lie before the exam.
        ExamDayItem item = reviewItem(3.0, Today - 3, Today + static_cast<std::int64_t>(i % 3), weights[i]);
        item.kind = items[i].kind;
        states.push_back(item);
    }
    const ExamForecast allGood = forecastExamRecall(model, items, states, Today, examDay, 0, 0.9);
    const ExamForecast own = forecastExamRecall(model, items, states, Today, examDay, 0, 0.9, mix);
    CHECK(own.recall < allGood.recall);
    CHECK(own.recall > 0.0);
    // Drawn from seeds of the item ids: the same figure every time Today asks.
    CHECK(forecastExamRecall(model, items, states, Today, examDay, 0, 0.9, mix).recall == own.recall);
    // A learner who forgets more often is forecast lower.
    const auto forgetful = forecastExamRecall(
        model, items, states, Today, examDay, 0, 0.9, RatingMix::fromCounts({ 50, 10, 30, 10 }));
    CHECK(forgetful.recall < own.recall);
}
