#include "analytics/Mastery.h"

#include "content/Bundle.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace mlaprep::analytics {

namespace {

struct Tally {
    double successes = 0.0;
    double trials = 0.0;
};

Estimate posterior(const Tally& tally, const MasteryConfig& config)
{
    const double alpha = config.priorMean * config.priorStrength + tally.successes;
    const double total = config.priorStrength + tally.trials;
    Estimate estimate;
    estimate.mean = alpha / total;
    estimate.variance = estimate.mean * (1.0 - estimate.mean) / (total + 1.0);
    estimate.evidence = tally.trials;
    return estimate;
}

} // namespace

double recencyWeight(double ageDays, double halfLifeDays)
{
    if (ageDays <= 0.0 || halfLifeDays <= 0.0) {
        return 1.0;
    }
    return std::exp2(-ageDays / halfLifeDays);
}

const TaskMastery* MasteryReport::findTask(const std::string& taskId) const
{
    const auto found = std::find_if(
        tasks.begin(), tasks.end(), [&](const TaskMastery& task) { return task.taskId == taskId; });
    return found == tasks.end() ? nullptr : &*found;
}

const TaskMastery* MasteryReport::weakestTask() const
{
    const TaskMastery* weakest = nullptr;
    double worst = -1.0;
    for (const auto& task : tasks) {
        double weight = 0.0;
        for (const auto& domain : domains) {
            if (domain.domainId == task.domainId) {
                weight = domain.weight;
            }
        }
        const double value = weight * (1.0 - task.estimate.mean);
        if (value > worst + 1e-12) {
            worst = value;
            weakest = &task;
        }
    }
    return weakest;
}

MasteryReport computeMastery(const Bundle& bundle, const std::vector<AnswerRecord>& answers,
    const std::vector<ItemRecall>& recalls, Instant now, const MasteryConfig& config)
{
    MasteryReport report;
    std::map<std::string, std::size_t> taskIndex;
    for (const auto& domain : bundle.domains) {
        for (const auto& task : domain.tasks) {
            taskIndex.emplace(task.id, report.tasks.size());
            TaskMastery mastery;
            mastery.taskId = task.id;
            mastery.domainId = domain.id;
            report.tasks.push_back(mastery);
        }
    }
    std::vector<Tally> tallies(report.tasks.size());

    for (const auto& answer : answers) {
        const auto found = taskIndex.find(answer.taskId);
        if (found == taskIndex.end()) {
            continue;
        }
        TaskMastery& task = report.tasks[found->second];
        const double ageDays = std::chrono::duration<double, std::ratio<86400>>(now - answer.at).count();
        const double weight = recencyWeight(ageDays, config.halfLifeDays)
            * (answer.kind == srs::ItemKind::Card ? config.cardAnswerWeight : 1.0);
        tallies[found->second].trials += weight;
        tallies[found->second].successes += answer.correct ? weight : 0.0;
        ++task.answers;
        task.correct += answer.correct ? 1 : 0;
        if (answer.kind == srs::ItemKind::Question) {
            ++task.questionAnswers;
            task.questionCorrect += answer.correct ? 1 : 0;
        }
        ++report.answers;
    }

    for (const auto& item : recalls) {
        const auto found = taskIndex.find(item.taskId);
        if (found == taskIndex.end()) {
            continue;
        }
        TaskMastery& task = report.tasks[found->second];
        ++task.items;
        if (item.kind == srs::ItemKind::Card) {
            ++task.cards;
        }
        if (!item.recall) {
            continue;
        }
        const double recall = std::clamp(*item.recall, 0.0, 1.0);
        ++task.itemsSeen;
        if (item.kind == srs::ItemKind::Card && recall >= config.masteredRecall
            && item.stabilityDays >= config.masteredStabilityDays) {
            ++task.cardsMastered;
        }
        tallies[found->second].trials += config.recallWeight;
        tallies[found->second].successes += config.recallWeight * recall;
    }

    for (std::size_t i = 0; i < report.tasks.size(); ++i) {
        TaskMastery& task = report.tasks[i];
        const Estimate seen = posterior(tallies[i], config);
        // Items never met are not known as well as the ones practised: they count at the prior moved part
        // of the way toward the practised level, with an uncertainty that more practice cannot remove.
        const double coverage
            = task.items > 0 ? static_cast<double>(std::min(task.itemsSeen, task.items)) / task.items : 1.0;
        const double unseenMean = config.priorMean + config.transfer * (seen.mean - config.priorMean);
        const double unseenVariance
            = config.transfer * config.transfer * seen.variance + config.unseenSpread * config.unseenSpread;
        task.estimate.mean = coverage * seen.mean + (1.0 - coverage) * unseenMean;
        task.estimate.variance
            = coverage * coverage * seen.variance + (1.0 - coverage) * (1.0 - coverage) * unseenVariance;
        task.estimate.evidence = seen.evidence;
        task.coverage = coverage;
    }

    for (const auto& domain : bundle.domains) {
        DomainMastery mastery;
        mastery.domainId = domain.id;
        mastery.title = domain.title;
        mastery.weight = domain.weight;
        double meanSum = 0.0;
        double varianceSum = 0.0;
        int count = 0;
        for (const auto& task : report.tasks) {
            if (task.domainId != domain.id) {
                continue;
            }
            meanSum += task.estimate.mean;
            varianceSum += task.estimate.variance;
            mastery.estimate.evidence += task.estimate.evidence;
            mastery.answers += task.answers;
            mastery.itemsSeen += task.itemsSeen;
            mastery.items += task.items;
            ++count;
        }
        if (count > 0) {
            mastery.estimate.mean = meanSum / count;
            mastery.estimate.variance = varianceSum / (static_cast<double>(count) * count);
        }
        report.domains.push_back(mastery);
    }
    return report;
}

} // namespace mlaprep::analytics
