#include "sim/WorkloadSimulation.h"

#include "common/SeededRandom.h"
#include "srs/Scheduler.h"
#include "srs/SchedulerConfig.h"
#include "srs/StudyDay.h"
#include "srs/StudyItem.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace mlaprep::sim {

namespace {

using namespace std::chrono_literals;

// How far a learner's memory lies from the FSRS defaults: log-normal spread of the four initial
// stabilities and of the recall-growth weight w8.
constexpr double InitialStabilityNoise = 0.3;
constexpr double GrowthNoise = 0.15;
// First sights answered right: logit-normal per task around 60 %.
constexpr double FirstSightLogitMean = 0.4;
constexpr double FirstSightLogitSpread = 0.8;
constexpr double HardShare = 0.1;
constexpr double EasyShare = 0.1;
// The simulated calendar: study day 0 is this day number, sessions start at 18:00 UTC.
constexpr std::int64_t FirstDay = 20'000;
constexpr int DayStartHour = 4;

double uniform(SeededRandom& random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

double gaussian(SeededRandom& random)
{
    const double u = std::max(uniform(random), 1e-300);
    const double v = uniform(random);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
}

double days(Instant from, Instant to)
{
    return std::chrono::duration<double, std::ratio<86400>>(to - from).count();
}

std::int64_t dayOf(Instant at)
{
    return srs::studyDay(at, 0, DayStartHour);
}

// The bundle as every learner of a run meets it.
struct Course {
    std::vector<srs::StudyItem> items;
    std::vector<double> weights; // srs::examWeights
    std::vector<std::size_t> scored; // question items, which the exam-day recall is measured on
    std::vector<std::string> domains;
    std::vector<double> domainShares;
    std::vector<int> domainOf; // per item, index into domains (-1 outside the blueprint)
    std::vector<std::size_t> fsrsNewOrder;
    std::vector<std::size_t> examNewOrder;
};

Course courseOf(const Bundle& bundle)
{
    Course course;
    course.items = srs::studyItemsOf(bundle);
    course.weights = srs::examWeights(course.items);
    std::unordered_map<std::string, int> domainIndex;
    for (const auto& domain : bundle.domains) {
        domainIndex.emplace(domain.id, static_cast<int>(course.domains.size()));
        course.domains.push_back(domain.id);
        course.domainShares.push_back(domain.weight);
    }
    for (std::size_t i = 0; i < course.items.size(); ++i) {
        const auto found = domainIndex.find(course.items[i].domainId);
        course.domainOf.push_back(found == domainIndex.end() ? -1 : found->second);
        if (course.items[i].kind == srs::ItemKind::Question) {
            course.scored.push_back(i);
        }
    }
    course.fsrsNewOrder.resize(course.items.size());
    std::iota(course.fsrsNewOrder.begin(), course.fsrsNewOrder.end(), std::size_t { 0 });
    course.examNewOrder = srs::examDayNewOrder(course.items);
    return course;
}

struct LearnerItem {
    srs::ItemState state;
    std::optional<fsrs::MemoryState> truth;
    Instant trueLast {};
};

struct LearnerOutcome {
    std::vector<double> domainRecall;
    std::vector<SimulatedDay> days;
};

fsrs::Parameters learnerParameters(SeededRandom& random)
{
    fsrs::Parameters weights = fsrs::DefaultParameters;
    for (std::size_t k = 0; k < 4; ++k) {
        weights[k] *= std::exp(InitialStabilityNoise * gaussian(random));
    }
    std::sort(weights.begin(), weights.begin() + 4);
    weights[8] *= std::exp(GrowthNoise * gaussian(random));
    return weights;
}

LearnerOutcome simulateLearner(
    const Course& course, Policy policy, const PlanSimOptions& options, std::uint64_t learnerSeed)
{
    SeededRandom random(learnerSeed);
    const fsrs::Fsrs truthModel(learnerParameters(random));
    std::unordered_map<std::string, double> firstSight;
    for (const auto& item : course.items) {
        if (!firstSight.count(item.taskId)) {
            const double logit = FirstSightLogitMean + FirstSightLogitSpread * gaussian(random);
            firstSight[item.taskId] = 1.0 / (1.0 + std::exp(-logit));
        }
    }

    srs::SchedulerConfig config;
    config.desiredRetention = options.retention;
    config.dayStartHour = DayStartHour;
    const std::int64_t examDay = FirstDay + options.daysToExam;
    if (policy == Policy::ExamDay) {
        config.examDay = examDay;
    }
    const fsrs::Fsrs scheduleModel(config.parameters);
    const std::vector<std::size_t>& newOrder
        = policy == Policy::ExamDay ? course.examNewOrder : course.fsrsNewOrder;
    std::size_t nextNew = 0;

    std::vector<LearnerItem> items(course.items.size());
    LearnerOutcome outcome;
    const double budget = options.minutesPerDay * 60.0;
    const auto later = [&](std::size_t a, std::size_t b) { return items[a].state.due > items[b].state.due; };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> learning(later);

    for (int d = 0; d < options.daysToExam; ++d) {
        const std::int64_t today = FirstDay + d;
        const Instant start = srs::startOfStudyDay(today, 0, DayStartHour) + 14h;

        std::vector<std::size_t> reviews;
        if (policy == Policy::ExamDay) {
            std::vector<srs::ExamDayItem> states;
            states.reserve(items.size());
            for (std::size_t i = 0; i < items.size(); ++i) {
                const srs::ItemState& state = items[i].state;
                srs::ExamDayItem item = srs::unseenItem(course.weights[i]);
                item.phase = state.phase;
                item.memory = state.memory;
                if (state.lastReview) {
                    item.lastReviewDay = dayOf(*state.lastReview);
                }
                item.dueDay = dayOf(state.due);
                item.kind = course.items[i].kind;
                states.push_back(item);
            }
            std::optional<double> newItemWorth;
            if (nextNew < newOrder.size()) {
                const std::size_t next = newOrder[nextNew];
                newItemWorth = srs::firstSightWorth(scheduleModel, course.weights[next],
                    course.items[next].kind, today, examDay, options.timings);
            }
            reviews = srs::examDayReviewOrder(
                scheduleModel, states, today, examDay, newItemWorth, options.timings);
        } else {
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (items[i].state.phase == srs::Phase::Review && dayOf(items[i].state.due) <= today) {
                    reviews.push_back(i);
                }
            }
            std::stable_sort(reviews.begin(), reviews.end(),
                [&](std::size_t a, std::size_t b) { return items[a].state.due < items[b].state.due; });
        }
        std::size_t nextReview = 0;

        SimulatedDay record;
        record.day = d;
        double spent = 0.0;
        while (true) {
            const Instant now = start + std::chrono::milliseconds(static_cast<long long>(spent * 1000.0));
            std::optional<std::size_t> chosen;
            if (!learning.empty() && items[learning.top()].state.due <= now) {
                chosen = learning.top();
                learning.pop();
            } else if (nextReview < reviews.size()) {
                chosen = reviews[nextReview++];
            } else if (nextNew < newOrder.size()) {
                chosen = newOrder[nextNew++];
            } else if (!learning.empty() && items[learning.top()].state.due <= now + config.learnAhead) {
                chosen = learning.top();
                learning.pop();
            }
            if (!chosen) {
                break;
            }
            LearnerItem& item = items[*chosen];
            const srs::StudyItem& studyItem = course.items[*chosen];
            const bool first = item.state.phase == srs::Phase::New;
            const double cost = options.timings.seconds(studyItem.kind, first);
            if (spent + cost > budget) {
                // The look does not fit today: it waits (a learning step stays due, a review or new item
                // comes back in tomorrow's lists).
                if (item.state.phase == srs::Phase::Learning || item.state.phase == srs::Phase::Relearning) {
                    learning.push(*chosen);
                } else if (first) {
                    --nextNew;
                }
                break;
            }
            const double chance = item.truth
                ? truthModel.retrievability(*item.truth, days(item.trueLast, now))
                : firstSight[studyItem.taskId];
            const bool recalled = uniform(random) < chance;
            fsrs::Rating rating = fsrs::Rating::Again;
            if (recalled) {
                const double u = uniform(random);
                rating = u < HardShare          ? fsrs::Rating::Hard
                    : u < HardShare + EasyShare ? fsrs::Rating::Easy
                                                : fsrs::Rating::Good;
            }
            const int elapsed = item.truth ? srs::elapsedStudyDays(item.trueLast, now, 0, DayStartHour) : 0;
            item.truth = truthModel.nextState(item.truth, elapsed, rating);
            item.trueLast = now;
            item.state = srs::apply(
                item.state, rating, now, 0, config, srs::fuzzSeed(studyItem.id, item.state.reps));
            if (item.state.phase == srs::Phase::Learning || item.state.phase == srs::Phase::Relearning) {
                learning.push(*chosen);
            }
            spent += cost;
            (first ? record.newItems : record.reviews) += 1.0;
        }
        record.minutes = spent / 60.0;
        outcome.days.push_back(record);
    }

    const Instant examStart = srs::startOfStudyDay(examDay, 0, DayStartHour);
    std::vector<double> sums(course.domains.size(), 0.0);
    std::vector<int> counts(course.domains.size(), 0);
    for (const std::size_t i : course.scored) {
        const int domain = course.domainOf[i];
        if (domain < 0) {
            continue;
        }
        const LearnerItem& item = items[i];
        sums[static_cast<std::size_t>(domain)]
            += item.truth ? truthModel.retrievability(*item.truth, days(item.trueLast, examStart)) : 0.0;
        ++counts[static_cast<std::size_t>(domain)];
    }
    for (std::size_t k = 0; k < sums.size(); ++k) {
        outcome.domainRecall.push_back(counts[k] > 0 ? sums[k] / counts[k] : 0.0);
    }
    return outcome;
}

void appendNumber(std::ostringstream& out, double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    out << buffer;
}

void appendQuoted(std::ostringstream& out, const std::string& text)
{
    out << '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out << '\\';
        }
        out << c;
    }
    out << '"';
}

void appendSettings(std::ostringstream& out, const PlanSimOptions& options)
{
    out << "\"days_to_exam\":" << options.daysToExam << ",\"minutes_per_day\":" << options.minutesPerDay
        << ",\"retention\":";
    appendNumber(out, options.retention);
    out << ",\"learners\":" << options.learners << ",\"seed\":" << options.seed << ",\"seconds_per_look\":{";
    out << "\"card_first\":";
    appendNumber(out, options.timings.cardFirstSight);
    out << ",\"card_review\":";
    appendNumber(out, options.timings.cardReview);
    out << ",\"question_first\":";
    appendNumber(out, options.timings.questionFirstSight);
    out << ",\"question_review\":";
    appendNumber(out, options.timings.questionReview);
    out << '}';
}

void appendResult(std::ostringstream& out, const PlanSimResult& result)
{
    out << "{\"policy\":\"" << policyName(result.policy) << "\",";
    appendSettings(out, result.options);
    out << ",\"exam_day_recall\":";
    appendNumber(out, result.examDayRecall);
    out << ",\"exam_day_recall_by_domain\":{";
    bool firstDomain = true;
    for (const auto& [domain, recall] : result.examDayRecallByDomain) {
        out << (firstDomain ? "" : ",");
        firstDomain = false;
        appendQuoted(out, domain);
        out << ':';
        appendNumber(out, recall);
    }
    out << "},\"total_minutes\":";
    appendNumber(out, result.totalMinutes);
    out << ",\"total_reviews\":";
    appendNumber(out, result.totalReviews);
    out << ",\"days\":[";
    for (std::size_t i = 0; i < result.days.size(); ++i) {
        const SimulatedDay& day = result.days[i];
        out << (i ? "," : "") << "{\"day\":" << day.day << ",\"reviews\":";
        appendNumber(out, day.reviews);
        out << ",\"new\":";
        appendNumber(out, day.newItems);
        out << ",\"minutes\":";
        appendNumber(out, day.minutes);
        out << '}';
    }
    out << "]}";
}

} // namespace

const char* policyName(Policy policy)
{
    return policy == Policy::ExamDay ? "exam-day" : "fsrs";
}

PlanSimResult simulatePlan(const Bundle& bundle, Policy policy, const PlanSimOptions& options,
    const std::function<bool()>& cancelled)
{
    const Course course = courseOf(bundle);
    PlanSimResult result;
    result.policy = policy;
    result.options = options;
    result.days.resize(static_cast<std::size_t>(options.daysToExam));
    std::vector<double> domainSums(course.domains.size(), 0.0);
    int simulated = 0;
    for (int learner = 0; learner < options.learners; ++learner) {
        if (cancelled && cancelled()) {
            break;
        }
        // The learner's seed depends on the run's seed and the learner only, so both policies meet the
        // same learners.
        const LearnerOutcome outcome = simulateLearner(
            course, policy, options, hashCombine(options.seed, "learner " + std::to_string(learner)));
        for (std::size_t d = 0; d < outcome.days.size(); ++d) {
            result.days[d].day = outcome.days[d].day;
            result.days[d].reviews += outcome.days[d].reviews;
            result.days[d].newItems += outcome.days[d].newItems;
            result.days[d].minutes += outcome.days[d].minutes;
        }
        for (std::size_t k = 0; k < domainSums.size(); ++k) {
            domainSums[k] += outcome.domainRecall[k];
        }
        ++simulated;
    }
    if (simulated == 0) {
        return result;
    }
    for (auto& day : result.days) {
        day.reviews /= simulated;
        day.newItems /= simulated;
        day.minutes /= simulated;
        result.totalMinutes += day.minutes;
        result.totalReviews += day.reviews;
    }
    double shareSum = 0.0;
    for (std::size_t k = 0; k < domainSums.size(); ++k) {
        const double mean = domainSums[k] / simulated;
        result.examDayRecallByDomain[course.domains[k]] = mean;
        result.examDayRecall += course.domainShares[k] * mean;
        shareSum += course.domainShares[k];
    }
    if (shareSum > 0.0) {
        result.examDayRecall /= shareSum;
    }
    return result;
}

std::string planSimJson(const PlanSimResult& result)
{
    std::ostringstream out;
    appendResult(out, result);
    return out.str();
}

std::string planSimJson(const std::vector<PlanSimResult>& results)
{
    std::ostringstream out;
    out << '{';
    if (!results.empty()) {
        appendSettings(out, results.front().options);
        out << ',';
    }
    out << "\"policies\":{";
    for (std::size_t i = 0; i < results.size(); ++i) {
        out << (i ? "," : "") << '"' << policyName(results[i].policy) << "\":";
        appendResult(out, results[i]);
    }
    out << "}}";
    return out.str();
}

std::vector<RetentionPoint> retentionCurves(const Bundle& bundle, const std::vector<double>& retentions,
    const std::vector<int>& minutes, PlanSimOptions base, const std::function<bool()>& cancelled)
{
    std::vector<RetentionPoint> points;
    for (const double retention : retentions) {
        for (const int perDay : minutes) {
            if (cancelled && cancelled()) {
                return points;
            }
            base.retention = retention;
            base.minutesPerDay = perDay;
            const PlanSimResult result = simulatePlan(bundle, Policy::ExamDay, base, cancelled);
            points.push_back(RetentionPoint { retention, perDay, result.examDayRecall });
        }
    }
    return points;
}

} // namespace mlaprep::sim
