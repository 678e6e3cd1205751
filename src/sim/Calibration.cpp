#include "sim/Calibration.h"

#include "content/Answer.h"
#include "exam/Equating.h"
#include "exam/ExamAssembler.h"
#include "exam/ScaledScore.h"
#include "exam/SimulatedAnswer.h"
#include "services/ExamService.h"
#include "services/ProgressService.h"
#include "services/Store.h"
#include "services/StudyService.h"
#include "sim/SimulatedLearner.h"
#include "srs/StudyItem.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <unordered_map>

namespace mlaprep::sim {

namespace {

using namespace std::chrono_literals;

class SettableClock final : public Clock {
public:
    Instant now() const override { return m_now; }
    int utcOffsetMinutes(Instant) const override { return 0; }
    void set(Instant at) { m_now = at; }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    Instant m_now {};
};

// 2026-09-01 00:00 UTC: every simulated study starts on this day.
const Instant StudyStart = fromEpochMilliseconds(1'788'220'800'000);

// How one learner studies: drawn per learner so the population spans the ways people prepare.
struct StudyPlan {
    int days = 0;
    int answersPerDay = 0;
    int newPerDay = 0;
    int mockEveryDays = 0; // 0: never
    double practiceChance = 0.0;
    double skipChance = 0.0;
};

StudyPlan drawPlan(SeededRandom& random)
{
    StudyPlan plan;
    plan.days = 14 + static_cast<int>(random.below(29));
    plan.answersPerDay = 20 + static_cast<int>(random.below(61));
    plan.newPerDay = 10 + static_cast<int>(random.below(21));
    plan.mockEveryDays = uniform(random) < 0.6 ? 5 + static_cast<int>(random.below(6)) : 0;
    plan.practiceChance = 0.3 * uniform(random);
    plan.skipChance = 0.2 * uniform(random);
    return plan;
}

struct Services {
    SettableClock& clock;
    StudyService& study;
    ExamService& exams;
};

Result<bool> takeExam(
    Services& services, SimulatedLearner& learner, const SimulatedBank& bank, const StartRequest& request)
{
    auto session = services.exams.start(request);
    if (!session) {
        return Result<bool>::failure(session.problems());
    }
    const std::vector<AttemptItem> placedItems = session->attempt().items;
    for (const auto& placed : placedItems) {
        const Question* question = bank.question(placed.item.itemId);
        if (!question) {
            continue;
        }
        services.clock.advance(learner.answerTime(srs::ItemKind::Question));
        const bool right = learner.answerQuestion(*question, services.clock.now());
        const Answer answer = right ? keyOf(*question) : wrongAnswer(*question, placed.item.optionOrder);
        if (auto recorded = services.exams.answer(session.value(), question->id, answer); !recorded) {
            return Result<bool>::failure(recorded.problems());
        }
    }
    if (auto submitted = services.exams.submit(session.value()); !submitted) {
        return Result<bool>::failure(submitted.problems());
    }
    return true;
}

Result<bool> studyDay(Services& services, SimulatedLearner& learner, const SimulatedBank& bank,
    const StudyPlan& plan, int day, std::uint64_t seed)
{
    for (int n = 0; n < plan.answersPerDay; ++n) {
        auto next = services.study.nextItem();
        if (!next) {
            return Result<bool>::failure(next.problems());
        }
        if (!next.value()) {
            break;
        }
        const std::string id = next.value()->itemId;
        const srs::StudyItem* item = services.study.findItem(id);
        if (!item) {
            break;
        }
        fsrs::Rating rating = fsrs::Rating::Good;
        if (const Question* question = bank.question(id)) {
            rating = learner.answerQuestion(*question, services.clock.now()) ? fsrs::Rating::Good
                                                                             : fsrs::Rating::Again;
        } else {
            rating = learner.reviewCard(id, item->taskId, services.clock.now());
        }
        const auto spent = learner.answerTime(item->kind);
        if (auto answered = services.study.answer(id, rating, spent); !answered) {
            return Result<bool>::failure(answered.problems());
        }
        services.clock.advance(spent + 5s);
    }
    if (uniform(learner.random()) < plan.practiceChance) {
        const auto& domains = bank.bundle().domains;
        const auto& domain = domains[learner.random().below(domains.size())];
        StartRequest practice;
        practice.mode = ExamMode::Practice;
        practice.timed = false;
        practice.questions = 10;
        practice.seed = hashCombine(seed, "practice" + std::to_string(day));
        practice.tasks = { domain.tasks[learner.random().below(domain.tasks.size())].id };
        if (auto taken = takeExam(services, learner, bank, practice); !taken) {
            return taken;
        }
    }
    if (plan.mockEveryDays > 0 && (day + 1) % plan.mockEveryDays == 0) {
        StartRequest mock;
        mock.seed = hashCombine(seed, "mock" + std::to_string(day));
        if (auto taken = takeExam(services, learner, bank, mock); !taken) {
            return taken;
        }
    }
    return true;
}

// The learner's result on a fresh blueprint mock at `at`, observed but not studied.
int freshMockResult(SimulatedLearner& learner, const SimulatedBank& bank, Instant at, std::uint64_t seed)
{
    AssemblyRequest request;
    request.seed = seed;
    auto plan = assembleExam(bank.bundle(), request);
    if (!plan || plan->items.empty()) {
        return bank.bundle().exam.scaleMin;
    }
    int right = 0;
    int total = 0;
    for (const auto& placed : plan->items) {
        if (const Question* question = bank.question(placed.itemId)) {
            right += learner.attemptOnly(*question, at) ? 1 : 0;
            ++total;
        }
    }
    return scaledScoreEstimate(total > 0 ? static_cast<double>(right) / total : 0.0, bank.bundle().exam);
}

// How many fresh mocks the oracle averages over: each is exact for its items, the forms vary as the
// assembler draws them.
constexpr int OracleForms = 200;

// The bank's scored items with their shares of a mock, and fixed forms (index lists into them) that the
// oracle of every learner uses: a fresh mock does not depend on who takes it.
struct OracleBank {
    std::vector<const Question*> items;
    std::vector<double> shares;
    std::vector<std::vector<std::size_t>> forms;
};

OracleBank oracleBankOf(const SimulatedBank& bank, std::uint64_t seed)
{
    OracleBank oracle;
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& item : blueprintBank(bank.bundle())) {
        index.emplace(item.question->id, oracle.items.size());
        oracle.items.push_back(item.question);
        oracle.shares.push_back(item.share);
    }
    for (int form = 0; form < OracleForms; ++form) {
        AssemblyRequest request;
        request.seed = hashCombine(seed, "oracle form " + std::to_string(form));
        auto plan = assembleExam(bank.bundle(), request);
        if (!plan) {
            continue;
        }
        std::vector<std::size_t> items;
        for (const auto& placed : plan->items) {
            if (const auto found = index.find(placed.itemId); found != index.end()) {
                items.push_back(found->second);
            }
        }
        oracle.forms.push_back(std::move(items));
    }
    return oracle;
}

// The exact distribution of the number right among items answered right with these chances
// (Poisson binomial).
std::vector<double> rightCountDistribution(const std::vector<double>& chances)
{
    std::vector<double> distribution(chances.size() + 1, 0.0);
    distribution[0] = 1.0;
    for (std::size_t n = 0; n < chances.size(); ++n) {
        for (std::size_t k = n + 1; k > 0; --k) {
            distribution[k] = distribution[k] * (1.0 - chances[n]) + distribution[k - 1] * chances[n];
        }
        distribution[0] *= 1.0 - chances[n];
    }
    return distribution;
}

// The oracle's prediction from the learner's true chances: the distribution of the scaled result over
// the oracle's forms, its median, 10th and 90th percentiles and the probability of passing.
Prediction oracleOf(
    const std::vector<double>& chances, const OracleBank& oracle, const ExamSpec& exam, double interval)
{
    std::vector<double> scaled(static_cast<std::size_t>(std::max(exam.scaleMax, 0)) + 1, 0.0);
    std::vector<double> formChances;
    for (const auto& form : oracle.forms) {
        formChances.clear();
        for (const std::size_t item : form) {
            formChances.push_back(chances[item]);
        }
        const auto distribution = rightCountDistribution(formChances);
        for (std::size_t right = 0; right < distribution.size(); ++right) {
            const int score = scaledScoreEstimate(
                form.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(form.size()), exam);
            scaled[static_cast<std::size_t>(std::clamp(score, 0, exam.scaleMax))]
                += distribution[right] / static_cast<double>(oracle.forms.size());
        }
    }
    Prediction prediction;
    const double lowQuantile = (1.0 - interval) / 2.0;
    const double highQuantile = 1.0 - lowQuantile;
    double cumulative = 0.0;
    bool lowFound = false;
    bool medianFound = false;
    bool highFound = false;
    for (std::size_t score = 0; score < scaled.size(); ++score) {
        cumulative += scaled[score];
        const int value = static_cast<int>(score);
        if (!lowFound && cumulative >= lowQuantile) {
            prediction.low = value;
            lowFound = true;
        }
        if (!medianFound && cumulative >= 0.5) {
            prediction.estimate = value;
            medianFound = true;
        }
        if (!highFound && cumulative >= highQuantile) {
            prediction.high = value;
            highFound = true;
        }
        if (value >= exam.pass) {
            prediction.passProbability += scaled[score];
        }
    }
    return prediction;
}

// Expected fraction right, by the bank's shares, on the items the learner has met and on the rest.
SeenSplit splitBySeen(
    const std::vector<double>& chances, const OracleBank& oracle, const SimulatedLearner& learner)
{
    SeenSplit split;
    double unseenShare = 0.0;
    for (std::size_t i = 0; i < oracle.items.size(); ++i) {
        const double share = oracle.shares[i];
        if (learner.hasMet(oracle.items[i]->id)) {
            split.seenShare += share;
            split.seen += share * chances[i];
        } else {
            unseenShare += share;
            split.unseen += share * chances[i];
        }
    }
    split.seen = split.seenShare > 0.0 ? split.seen / split.seenShare : 0.0;
    split.unseen = unseenShare > 0.0 ? split.unseen / unseenShare : 0.0;
    return split;
}

Result<std::vector<CalibrationForecast>> simulateLearner(const Bundle& bundle, const SimulatedBank& bank,
    const OracleBank& oracle, int index, const CalibrationOptions& options)
{
    const std::uint64_t seed = hashCombine(options.seed, "learner" + std::to_string(index));
    SimulatedLearner learner(bank, seed);
    StudyPlan plan = drawPlan(learner.random());
    const auto path = options.directory / ("learner-" + std::to_string(index) + ".sqlite");
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    auto store = Store::open(path);
    if (!store) {
        return Result<std::vector<CalibrationForecast>>::failure(store.problems());
    }
    SettableClock clock;
    srs::SchedulerConfig config = srs::SchedulerConfig::defaultsForTesting();
    config.newPerDay = plan.newPerDay;
    config.reviewsPerDay = 1000;
    StudyService study(store.value(), srs::studyItemsOf(bundle), clock, config);
    ExamService exams(store.value(), bundle, clock, study.config());
    ProgressService progress(store.value(), bundle, clock, study.config());
    Services services { clock, study, exams };
    const std::set<int> moments { std::max(0, plan.days / 3 - 1), std::max(0, 2 * plan.days / 3 - 1),
        plan.days - 1 };

    std::vector<CalibrationForecast> forecasts;
    for (int day = 0; day < plan.days; ++day) {
        const Instant dayStart = StudyStart + std::chrono::hours(24 * day);
        clock.set(dayStart + 18h);
        if (uniform(learner.random()) >= plan.skipChance) {
            if (auto studied = studyDay(services, learner, bank, plan, day, seed); !studied) {
                return Result<std::vector<CalibrationForecast>>::failure(studied.problems());
            }
        }
        if (moments.count(day)) {
            clock.set(dayStart + 23h);
            auto summary = progress.summary();
            if (!summary) {
                return Result<std::vector<CalibrationForecast>>::failure(summary.problems());
            }
            const auto& readiness = summary->readiness;
            CalibrationForecast forecast;
            forecast.learner = index;
            forecast.day = day + 1;
            forecast.enoughData = readiness.enoughData;
            forecast.forecast = Prediction { readiness.scaled, readiness.scaledLow, readiness.scaledHigh,
                readiness.passProbability };
            forecast.expected
                = SeenSplit { readiness.seenShare, readiness.seenExpected, readiness.unseenExpected };
            std::vector<double> chances;
            chances.reserve(oracle.items.size());
            for (const Question* question : oracle.items) {
                chances.push_back(learner.chanceRight(*question, clock.now()));
            }
            forecast.oracle = oracleOf(chances, oracle, bundle.exam, readiness.interval);
            forecast.truth = splitBySeen(chances, oracle, learner);
            forecast.actual = freshMockResult(
                learner, bank, clock.now(), hashCombine(seed, "fresh" + std::to_string(day)));
            forecast.passed = forecast.actual >= bank.bundle().exam.pass;
            forecasts.push_back(forecast);
        }
        learner.endDay();
    }
    std::filesystem::remove(path, ignored);
    std::filesystem::remove(path.string() + "-wal", ignored);
    std::filesystem::remove(path.string() + "-shm", ignored);
    return forecasts;
}

CalibrationScores scoreOf(
    const std::vector<CalibrationForecast>& forecasts, Prediction CalibrationForecast::*of)
{
    CalibrationScores scores;
    scores.reliability.resize(10);
    for (std::size_t bin = 0; bin < scores.reliability.size(); ++bin) {
        scores.reliability[bin].low = static_cast<double>(bin) / 10.0;
        scores.reliability[bin].high = static_cast<double>(bin + 1) / 10.0;
    }
    for (const auto& forecast : forecasts) {
        const Prediction& prediction = forecast.*of;
        const double outcome = forecast.passed ? 1.0 : 0.0;
        scores.coverage
            += prediction.low <= forecast.actual && forecast.actual <= prediction.high ? 1.0 : 0.0;
        scores.brier += (prediction.passProbability - outcome) * (prediction.passProbability - outcome);
        scores.meanAbsoluteError += std::abs(prediction.estimate - forecast.actual);
        scores.meanError += prediction.estimate - forecast.actual;
        scores.meanWidth += prediction.high - prediction.low;
        const auto bin
            = std::min<std::size_t>(9, static_cast<std::size_t>(prediction.passProbability * 10.0));
        ReliabilityBin& reliability = scores.reliability[bin];
        ++reliability.count;
        reliability.meanPredicted += prediction.passProbability;
        reliability.observedRate += outcome;
    }
    const double count = std::max<double>(1.0, static_cast<double>(forecasts.size()));
    scores.coverage /= count;
    scores.brier /= count;
    scores.meanAbsoluteError /= count;
    scores.meanError /= count;
    scores.meanWidth /= count;
    for (auto& bin : scores.reliability) {
        if (bin.count > 0) {
            bin.meanPredicted /= bin.count;
            bin.observedRate /= bin.count;
        }
    }
    return scores;
}

} // namespace

Result<CalibrationReport> runCalibration(const Bundle& bundle, const CalibrationOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    std::error_code ignored;
    std::filesystem::create_directories(options.directory, ignored);
    const SimulatedBank bank(bundle, options.seed);
    const OracleBank oracle = oracleBankOf(bank, options.seed);
    CalibrationReport report;
    report.learners = options.learners;
    report.seed = options.seed;
    for (int learner = 0; learner < options.learners; ++learner) {
        auto forecasts = simulateLearner(bundle, bank, oracle, learner, options);
        if (!forecasts) {
            return Result<CalibrationReport>::failure(forecasts.problems());
        }
        report.forecasts.insert(report.forecasts.end(), forecasts->begin(), forecasts->end());
        if (options.log && (learner + 1) % 50 == 0) {
            options.log("simulated " + std::to_string(learner + 1) + " learners");
        }
    }
    std::filesystem::remove_all(options.directory, ignored);

    report.forecast = scoreOf(report.forecasts, &CalibrationForecast::forecast);
    report.oracle = scoreOf(report.forecasts, &CalibrationForecast::oracle);
    const double count = std::max<double>(1.0, static_cast<double>(report.forecasts.size()));
    for (const auto& forecast : report.forecasts) {
        const SeenSplit& expected = forecast.expected;
        const SeenSplit& truth = forecast.truth;
        report.passRate += forecast.passed ? 1.0 / count : 0.0;
        report.seenShare += expected.seenShare / count;
        report.seenBiasPoints += 100.0 * expected.seenShare * (expected.seen - truth.seen) / count;
        report.unseenBiasPoints
            += 100.0 * (1.0 - expected.seenShare) * (expected.unseen - truth.unseen) / count;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace mlaprep::sim
