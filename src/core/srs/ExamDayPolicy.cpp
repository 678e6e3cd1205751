#include "srs/ExamDayPolicy.h"

#include "common/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace mlaprep::srs {

namespace {

// `total` spread over `slots` as evenly as possible, the earlier slots taking the remainder.
int share(int total, int slots, int index)
{
    if (slots <= 0) {
        return 0;
    }
    return total / slots + (index < total % slots ? 1 : 0);
}

// The last day new items are introduced on: the final days are left for reviews, or, when the exam is
// closer than that, the day before the day before the exam (so the first sight still gets a review).
std::int64_t lastNewDayFor(std::int64_t today, std::int64_t examDay)
{
    const std::int64_t beforeFinalDays = examDay - 1 - FinalStudyDays;
    return beforeFinalDays >= today ? beforeFinalDays : examDay - 2;
}

double blendedReviewSeconds(const ReviewTimings& timings)
{
    return (timings.cardReview + timings.questionReview) / 2.0;
}

} // namespace

double ReviewTimings::seconds(ItemKind kind, bool firstSight) const
{
    if (kind == ItemKind::Card) {
        return firstSight ? cardFirstSight : cardReview;
    }
    return firstSight ? questionFirstSight : questionReview;
}

double ReviewTimings::newItemSeconds(ItemKind kind) const
{
    return seconds(kind, true) + 2.0 * seconds(kind, false);
}

bool examDaySkipsStep(fsrs::Rating rating)
{
    return rating != fsrs::Rating::Again;
}

double recallOnExamDay(const fsrs::Fsrs& model, const fsrs::MemoryState& memory, std::int64_t lastReviewDay,
    std::int64_t examDay)
{
    return model.retrievability(
        memory, static_cast<double>(std::max<std::int64_t>(0, examDay - lastReviewDay)));
}

int examDayInterval(const fsrs::Fsrs& model, const fsrs::MemoryState& after, std::int64_t today,
    int intervalDays, std::int64_t examDay, std::uint64_t seed)
{
    if (today + intervalDays < examDay) {
        return intervalDays;
    }
    const std::int64_t first = std::max(today + 1, examDay - FinalStudyDays);
    const std::int64_t last = examDay - 1;
    if (first > last || recallOnExamDay(model, after, today, examDay) >= ExamRecallTarget) {
        return intervalDays;
    }
    const auto span = static_cast<std::uint64_t>(last - first + 1);
    return static_cast<int>(last - static_cast<std::int64_t>(seed % span) - today);
}

std::vector<double> examWeights(const std::vector<StudyItem>& items)
{
    const bool anyQuestion = std::any_of(
        items.begin(), items.end(), [](const StudyItem& item) { return item.kind == ItemKind::Question; });
    const auto counts
        = [&](const StudyItem& item) { return !anyQuestion || item.kind == ItemKind::Question; };
    std::unordered_map<std::string, int> perDomain;
    auto domainKey
        = [](const StudyItem& item) { return item.domainId.empty() ? item.taskId : item.domainId; };
    for (const auto& item : items) {
        perDomain[domainKey(item)] += counts(item) ? 1 : 0;
    }
    std::vector<double> weights;
    weights.reserve(items.size());
    for (const auto& item : items) {
        weights.push_back(counts(item) ? item.domainShare / perDomain[domainKey(item)] : 0.0);
    }
    return weights;
}

double predictedExamRecall(const fsrs::Fsrs& model, const ExamDayItem& item, std::int64_t examDay)
{
    if (!item.memory || !item.lastReviewDay) {
        return 0.0;
    }
    return recallOnExamDay(model, *item.memory, *item.lastReviewDay, examDay);
}

double reviewGain(const fsrs::Fsrs& model, const ExamDayItem& item, std::int64_t today, std::int64_t examDay)
{
    if (!item.memory || !item.lastReviewDay) {
        return 0.0;
    }
    const double elapsed = static_cast<double>(std::max<std::int64_t>(0, today - *item.lastReviewDay));
    const double left = static_cast<double>(std::max<std::int64_t>(0, examDay - today));
    const double chance = model.retrievability(*item.memory, elapsed);
    const auto recallAfter = [&](fsrs::Rating rating) {
        return model.retrievability(model.nextState(*item.memory, elapsed, rating), left);
    };
    return chance * recallAfter(fsrs::Rating::Good) + (1.0 - chance) * recallAfter(fsrs::Rating::Again)
        - predictedExamRecall(model, item, examDay);
}

double firstSightWorth(const fsrs::Fsrs& model, double weight, ItemKind kind, std::int64_t today,
    std::int64_t examDay, const ReviewTimings& timings)
{
    const double left = static_cast<double>(std::max<std::int64_t>(0, examDay - today));
    return weight * model.retrievability(model.initialState(fsrs::Rating::Good), left)
        / timings.seconds(kind, true);
}

std::vector<std::size_t> examDayReviewOrder(const fsrs::Fsrs& model, const std::vector<ExamDayItem>& items,
    std::int64_t today, std::int64_t examDay, std::optional<double> newItemWorth,
    const ReviewTimings& timings)
{
    const bool finalDays = today >= examDay - FinalStudyDays && today < examDay;
    std::vector<std::pair<std::size_t, double>> chosen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ExamDayItem& item = items[i];
        if (item.phase != Phase::Review || !item.memory || !item.lastReviewDay
            || *item.lastReviewDay >= today) {
            continue;
        }
        const double recall = predictedExamRecall(model, item, examDay);
        const bool due = item.dueDay <= today;
        const bool pulled = finalDays && item.dueDay >= examDay && recall < ExamRecallTarget;
        const bool worthItsMinutes = !newItemWorth
            || item.weight * reviewGain(model, item, today, examDay) / timings.seconds(item.kind, false)
                >= *newItemWorth;
        if ((due || pulled) && worthItsMinutes) {
            chosen.emplace_back(i, item.weight * (1.0 - recall));
        }
    }
    std::stable_sort(
        chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::size_t> order;
    order.reserve(chosen.size());
    for (const auto& [index, value] : chosen) {
        order.push_back(index);
    }
    return order;
}

namespace {

// Appends the groups' items to `order`, the groups taking turns in proportion to their weights (highest
// averages; ties to the earlier group), each group's items in their own order.
void takeTurns(
    std::vector<std::pair<std::vector<std::size_t>, double>>& groups, std::vector<std::size_t>& order)
{
    std::vector<std::size_t> taken(groups.size(), 0);
    while (true) {
        std::optional<std::size_t> best;
        double bestQuotient = -1.0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (taken[g] >= groups[g].first.size()) {
                continue;
            }
            const double quotient = groups[g].second / static_cast<double>(taken[g] + 1);
            if (quotient > bestQuotient) {
                best = g;
                bestQuotient = quotient;
            }
        }
        if (!best) {
            return;
        }
        order.push_back(groups[*best].first[taken[*best]++]);
    }
}

} // namespace

std::vector<std::size_t> examDayNewOrder(const std::vector<StudyItem>& items)
{
    const std::vector<double> weights = examWeights(items);
    // First the items the exam weighs (its questions), the tasks taking turns by their share of the
    // exam; then the rest (cards), the tasks taking turns by their domains' shares.
    std::vector<std::pair<std::vector<std::size_t>, double>> weighted;
    std::vector<std::pair<std::vector<std::size_t>, double>> rest;
    std::unordered_map<std::string, std::size_t> weightedTask;
    std::unordered_map<std::string, std::size_t> restTask;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool counts = weights[i] > 0.0;
        auto& groups = counts ? weighted : rest;
        auto& index = counts ? weightedTask : restTask;
        const auto [found, added] = index.emplace(items[i].taskId, groups.size());
        if (added) {
            groups.emplace_back();
        }
        auto& group = groups[found->second];
        group.first.push_back(i);
        group.second += counts ? weights[i] : items[i].domainShare + 1e-9;
    }
    std::vector<std::size_t> order;
    order.reserve(items.size());
    takeTurns(weighted, order);
    takeTurns(rest, order);
    return order;
}

const PlanDay* StudyPlan::nextMock() const
{
    const auto found = std::find_if(days.begin(), days.end(), [](const PlanDay& day) { return day.mock; });
    return found == days.end() ? nullptr : &*found;
}

StudyPlan buildStudyPlan(const PlanInputs& inputs)
{
    StudyPlan plan;
    plan.examSet = true;
    plan.newPerDayLimit = inputs.newPerDay;
    const int unseen = inputs.unseenCards + inputs.unseenQuestions;
    const std::int64_t left = inputs.examDay - inputs.today;
    if (left <= 0) {
        plan.examPassed = left < 0;
        plan.coverageFeasible = unseen == 0;
        plan.onTrack = plan.coverageFeasible;
        return plan;
    }
    plan.daysLeft = static_cast<int>(left);
    for (std::int64_t d = inputs.today; d < inputs.examDay; ++d) {
        plan.days.push_back(PlanDay { d });
    }
    const auto daysBeforeExam = [&](const PlanDay& day) { return inputs.examDay - day.day; };

    // Mocks: two in the final week (6 and 2 days before), then weekly going back from the first. A plan
    // of a day or two has no room for a mock besides studying.
    if (plan.daysLeft >= 3) {
        for (auto& day : plan.days) {
            const std::int64_t before = daysBeforeExam(day);
            day.mock = before == 2 || (before >= 6 && (before - 6) % 7 == 0);
        }
    }

    // New material on the study days up to the last new day, mock days left out while others remain.
    plan.lastNewDay = lastNewDayFor(inputs.today, inputs.examDay);
    std::vector<PlanDay*> learning;
    for (auto& day : plan.days) {
        if (day.day <= plan.lastNewDay && !day.mock) {
            learning.push_back(&day);
        }
    }
    if (learning.empty()) {
        for (auto& day : plan.days) {
            if (day.day <= plan.lastNewDay) {
                learning.push_back(&day);
            }
        }
    }
    // The exam is tomorrow: what is unseen gets its one look today, and the plan says it falls short.
    const bool secondLookPossible = !learning.empty();
    if (learning.empty()) {
        learning.push_back(&plan.days.front());
    }
    const int learningDays = static_cast<int>(learning.size());
    plan.newPerDayNeeded = (unseen + learningDays - 1) / learningDays;
    plan.coverageFeasible = unseen == 0 || (secondLookPossible && plan.newPerDayNeeded <= inputs.newPerDay);
    for (int i = 0; i < learningDays; ++i) {
        PlanDay& day = *learning[static_cast<std::size_t>(i)];
        day.newCards = share(inputs.unseenCards, learningDays, i);
        day.newQuestions = share(inputs.unseenQuestions, learningDays, i);
    }

    // Pulled reviews in the final days (or on whatever study days there are besides mocks).
    std::vector<PlanDay*> looking;
    for (auto& day : plan.days) {
        if (!day.mock && daysBeforeExam(day) <= FinalStudyDays) {
            looking.push_back(&day);
        }
    }
    if (looking.empty()) {
        looking.push_back(&plan.days.back());
    }
    const int lookingDays = static_cast<int>(looking.size());
    for (int i = 0; i < lookingDays; ++i) {
        looking[static_cast<std::size_t>(i)]->lastLook = share(inputs.lastLookItems, lookingDays, i);
    }

    // Time: each new item brings its learning step and a follow-up; today also has what is due already.
    const ReviewTimings& timings = inputs.timings;
    for (auto& day : plan.days) {
        const double seconds = day.newCards * timings.newItemSeconds(ItemKind::Card)
            + day.newQuestions * timings.newItemSeconds(ItemKind::Question)
            + day.lastLook * blendedReviewSeconds(timings)
            + (day.day == inputs.today ? inputs.dueToday * blendedReviewSeconds(timings) : 0.0);
        day.minutes = seconds / 60.0 + (day.mock ? inputs.mockMinutes : 0.0);
        if (!day.mock) {
            plan.minutesNeeded = std::max(plan.minutesNeeded, day.minutes);
        }
    }
    plan.onTrack = plan.coverageFeasible && plan.minutesNeeded <= inputs.minutesPerDay + 1e-9;
    return plan;
}

RatingMix RatingMix::fromCounts(const std::array<std::int64_t, 4>& counts)
{
    const std::int64_t total = counts[0] + counts[1] + counts[2] + counts[3];
    if (total < MinRatedReviews) {
        return RatingMix {};
    }
    const auto share
        = [&](std::size_t k) { return static_cast<double>(counts[k]) / static_cast<double>(total); };
    return RatingMix { share(0), share(1), share(2), share(3) };
}

fsrs::Rating RatingMix::pick(double u) const
{
    if (u < again) {
        return fsrs::Rating::Again;
    }
    if (u < again + hard) {
        return fsrs::Rating::Hard;
    }
    return u < again + hard + good ? fsrs::Rating::Good : fsrs::Rating::Easy;
}

ExamForecast forecastExamRecall(const fsrs::Fsrs& model, const std::vector<StudyItem>& items,
    const std::vector<ExamDayItem>& states, std::int64_t today, std::int64_t examDay, int newPerDay,
    double desiredRetention, const RatingMix& mix)
{
    // The exam asks questions: the forecast is over them (over every item for a bundle without any).
    std::vector<StudyItem> scored;
    std::vector<std::size_t> scoredIndex;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].kind == ItemKind::Question) {
            scored.push_back(items[i]);
            scoredIndex.push_back(i);
        }
    }
    if (scored.empty()) {
        scored = items;
        scoredIndex.resize(items.size());
        std::iota(scoredIndex.begin(), scoredIndex.end(), std::size_t { 0 });
    }
    const std::vector<double> weights = examWeights(scored);

    // The day each unseen item is first seen at the pace, in exam-day order over every item.
    std::unordered_map<std::size_t, std::int64_t> introductionDay;
    int rank = 0;
    for (const std::size_t i : examDayNewOrder(items)) {
        if (states[i].phase == Phase::New && newPerDay > 0) {
            introductionDay[i] = today + rank++ / newPerDay;
        }
    }

    // One item's path to the exam, each review rated by `nextRating`.
    const double multiplier = model.intervalMultiplier(desiredRetention);
    auto pathRecall = [&](fsrs::MemoryState memory, std::int64_t lastReview, std::int64_t due,
                          const std::function<fsrs::Rating()>& nextRating) {
        while (true) {
            std::int64_t next = std::max(due, today);
            if (next >= examDay) {
                if (recallOnExamDay(model, memory, lastReview, examDay) >= ExamRecallTarget
                    || examDay - 1 < std::max(today, lastReview + 1)) {
                    break;
                }
                next = examDay - 1;
            }
            memory = model.nextState(memory, static_cast<double>(next - lastReview), nextRating());
            const int interval = examDayInterval(
                model, memory, next, fsrs::Fsrs::intervalDays(memory.stability, multiplier), examDay, 0);
            lastReview = next;
            due = next + interval;
        }
        return recallOnExamDay(model, memory, lastReview, examDay);
    };
    // The mean over the paths the mix gives (one when every review is Good).
    const bool allGood = mix.good >= 1.0;
    auto examRecall = [&](const std::string& itemId, fsrs::MemoryState memory, std::int64_t lastReview,
                          std::int64_t due) {
        if (allGood) {
            return pathRecall(memory, lastReview, due, [] { return fsrs::Rating::Good; });
        }
        SeededRandom random(hashCombine(0, itemId));
        const auto drawn = [&] { return mix.pick(static_cast<double>(random.next() >> 11) * 0x1.0p-53); };
        double sum = 0.0;
        for (int path = 0; path < ForecastPaths; ++path) {
            sum += pathRecall(memory, lastReview, due, drawn);
        }
        return sum / ForecastPaths;
    };

    ExamForecast forecast;
    std::map<std::string, std::pair<double, int>> domainSums;
    for (std::size_t k = 0; k < scored.size(); ++k) {
        const std::size_t i = scoredIndex[k];
        const ExamDayItem& state = states[i];
        double recall = 0.0;
        if (state.memory && state.lastReviewDay) {
            recall = examRecall(items[i].id, *state.memory, *state.lastReviewDay, state.dueDay);
        } else if (const auto found = introductionDay.find(i);
                   found != introductionDay.end() && found->second < examDay) {
            const fsrs::MemoryState first = model.initialState(fsrs::Rating::Good);
            recall = examRecall(items[i].id, first, found->second,
                found->second + fsrs::Fsrs::intervalDays(first.stability, multiplier));
        }
        forecast.recall += weights[k] * recall;
        auto& [sum, count] = domainSums[scored[k].domainId];
        sum += recall;
        ++count;
    }
    const double totalWeight = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (totalWeight > 0.0) {
        forecast.recall /= totalWeight;
    }
    for (const auto& [domain, sum] : domainSums) {
        forecast.byDomain[domain] = sum.first / sum.second;
    }
    return forecast;
}

} // namespace mlaprep::srs
