#include "exam/ExamAssembler.h"

#include "common/SeededRandom.h"
#include "exam/Blueprint.h"

#include <algorithm>
#include <map>

namespace mlaprep {

namespace {

constexpr int MaxCasesPerDomain = 1;

// A top-level question as the assembler places it: one item, or a case study's children together.
struct Unit {
    const Question* top = nullptr;
    std::vector<const Question*> members;
    bool recent = false;

    bool isCase() const { return top->isCase(); }
    int size() const { return static_cast<int>(members.size()); }
};

bool passes(const Question& item, const AssemblyRequest& request)
{
    return (request.tasks.empty() || request.tasks.count(item.task))
        && (request.types.empty() || request.types.count(item.type))
        && (!request.onlyItems || request.onlyItems->count(item.id))
        && (request.bullet.empty()
            || std::find(item.bullets.begin(), item.bullets.end(), request.bullet) != item.bullets.end());
}

bool hasFilters(const AssemblyRequest& request)
{
    return !request.domains.empty() || !request.tasks.empty() || !request.types.empty()
        || request.onlyItems.has_value() || !request.bullet.empty();
}

std::vector<std::string> optionOrderFor(const Question& item, std::uint64_t seed)
{
    std::vector<std::string> order;
    for (const auto& option : item.options) {
        order.push_back(option.id);
    }
    SeededRandom random(hashCombine(seed, item.id));
    random.shuffle(order);
    if (item.type == QuestionType::Ordering && order.size() > 1 && order == item.answerIds) {
        std::rotate(order.begin(), order.begin() + 1, order.end()); // never start at the answer
    }
    return order;
}

class Assembler {
public:
    Assembler(const Bundle& bundle, const AssemblyRequest& request)
        : m_bundle(bundle)
        , m_request(request)
        , m_random(request.seed)
    {
    }

    Result<ExamPlan> run()
    {
        collectUnits();
        const auto targets = targetsByDomain();
        if (targets.empty()) {
            return Result<ExamPlan>::failure(
                Problem { Severity::Error, "", "", "filters", "no item in the bank matches these choices" });
        }
        Problems problems;
        std::vector<const Unit*> chosen;
        for (const auto& [domainId, target] : targets) {
            selectForDomain(domainId, target, chosen, problems);
        }
        if (!problems.empty()) {
            return Result<ExamPlan>::failure(std::move(problems));
        }
        m_random.shuffle(chosen);
        return buildPlan(chosen);
    }

private:
    void collectUnits()
    {
        for (const auto& question : m_bundle.questions) {
            const Domain* domain = m_bundle.domainOfTask(question.task);
            if (!domain || (!m_request.domains.empty() && !m_request.domains.count(domain->id))) {
                continue;
            }
            Unit unit;
            unit.top = &question;
            if (question.isCase()) {
                for (const auto& child : question.items) {
                    if (passes(child, m_request)) {
                        unit.members.push_back(&child);
                    }
                }
            } else if (passes(question, m_request)) {
                unit.members.push_back(&question);
            }
            if (unit.members.empty()) {
                continue;
            }
            unit.recent = std::any_of(unit.members.begin(), unit.members.end(),
                [&](const Question* q) { return m_request.recentlySeen.count(q->id) > 0; });
            m_matching[domain->id] += unit.size();
            m_units[domain->id].push_back(unit);
        }
    }

    // Domains that take part: all of them for a full mock (so a thin domain is an error, not a skew),
    // only those with matching items when the learner filtered.
    std::map<std::string, int> targetsByDomain() const
    {
        const bool drillsBullet = !m_request.bullet.empty();
        std::vector<const Domain*> taking;
        std::vector<double> weights;
        for (const auto& domain : m_bundle.domains) {
            const bool selected = m_request.domains.empty() || m_request.domains.count(domain.id);
            if (selected && (!hasFilters(m_request) || m_units.count(domain.id))) {
                taking.push_back(&domain);
                weights.push_back(drillsBullet ? m_matching.at(domain.id) : domain.weight);
            }
        }
        int questions = m_request.questions;
        if (drillsBullet) {
            int matching = 0;
            for (const auto& [domainId, count] : m_matching) {
                matching += count;
            }
            questions = std::min(questions, matching);
        }
        const auto counts = apportion(questions, weights);
        std::map<std::string, int> targets;
        for (std::size_t i = 0; i < taking.size(); ++i) {
            targets[taking[i]->id] = counts[i];
        }
        return targets;
    }

    void selectForDomain(
        const std::string& domainId, int target, std::vector<const Unit*>& chosen, Problems& problems)
    {
        std::vector<Unit>& units = m_units[domainId];
        std::vector<Unit*> order;
        for (auto& unit : units) {
            order.push_back(&unit);
        }
        m_random.shuffle(order);
        std::stable_partition(order.begin(), order.end(), [](const Unit* u) { return !u->recent; });

        // Task statements in proportion to the bank's items for them.
        std::map<std::string, int> bankPerTask;
        for (const auto& unit : units) {
            for (const Question* member : unit.members) {
                bankPerTask[member->task] += 1;
            }
        }
        std::vector<std::string> taskIds;
        std::vector<double> taskWeights;
        for (const auto& [taskId, count] : bankPerTask) {
            taskIds.push_back(taskId);
            taskWeights.push_back(count);
        }
        const auto taskCounts = apportion(target, taskWeights);
        std::map<std::string, int> taskTargets;
        for (std::size_t i = 0; i < taskIds.size(); ++i) {
            taskTargets[taskIds[i]] = taskCounts[i];
        }

        int remaining = target;
        int cases = 0;
        std::map<std::string, int> taken;
        std::vector<bool> accepted(order.size(), false);
        auto accept = [&](std::size_t index) {
            accepted[index] = true;
            remaining -= order[index]->size();
            cases += order[index]->isCase() ? 1 : 0;
            for (const Question* member : order[index]->members) {
                taken[member->task] += 1;
            }
            chosen.push_back(order[index]);
        };
        auto fits = [&](std::size_t index) {
            const Unit* unit = order[index];
            return !accepted[index] && unit->size() <= remaining
                && (!unit->isCase() || cases < MaxCasesPerDomain);
        };
        // First within the task statements' shares, then anything that fits: singles before cases.
        for (std::size_t i = 0; i < order.size() && remaining > 0; ++i) {
            if (!fits(i)) {
                continue;
            }
            std::map<std::string, int> after = taken;
            bool withinShares = true;
            for (const Question* member : order[i]->members) {
                withinShares &= ++after[member->task] <= taskTargets[member->task];
            }
            if (withinShares) {
                accept(i);
            }
        }
        for (bool allowCases : { false, true }) {
            for (std::size_t i = 0; i < order.size() && remaining > 0; ++i) {
                if (fits(i) && (allowCases || !order[i]->isCase())) {
                    accept(i);
                }
            }
        }
        if (remaining > 0) {
            const Domain* domain = m_bundle.findDomain(domainId);
            problems.push_back(Problem { Severity::Error, "", domainId, "questions",
                "domain " + domainId + (domain ? " (" + domain->title + ")" : "") + " needs "
                    + std::to_string(target) + " items but the bank has only "
                    + std::to_string(target - remaining) + " that fit" });
        }
    }

    Result<ExamPlan> buildPlan(const std::vector<const Unit*>& chosen)
    {
        ExamPlan plan;
        plan.seed = m_request.seed;
        for (const Unit* unit : chosen) {
            for (const Question* member : unit->members) {
                ExamItem item;
                item.itemId = member->id;
                item.caseId = unit->isCase() ? unit->top->id : std::string();
                item.taskId = member->task;
                const Domain* domain = m_bundle.domainOfTask(member->task);
                item.domainId = domain ? domain->id : std::string();
                item.type = member->type;
                item.optionOrder = optionOrderFor(*member, m_request.seed);
                plan.items.push_back(std::move(item));
            }
        }
        const int unscored = std::clamp(m_request.unscored, 0, static_cast<int>(plan.items.size()));
        std::vector<std::size_t> positions(plan.items.size());
        for (std::size_t i = 0; i < positions.size(); ++i) {
            positions[i] = i;
        }
        m_random.shuffle(positions);
        for (int i = 0; i < unscored; ++i) {
            plan.items[positions[static_cast<std::size_t>(i)]].scored = false;
        }
        return plan;
    }

    const Bundle& m_bundle;
    const AssemblyRequest& m_request;
    SeededRandom m_random;
    std::map<std::string, std::vector<Unit>> m_units;
    std::map<std::string, int> m_matching; // items that pass the filters, per domain
};

} // namespace

Result<ExamPlan> assembleExam(const Bundle& bundle, const AssemblyRequest& request)
{
    if (request.questions <= 0) {
        return Result<ExamPlan>::failure(
            Problem { Severity::Error, "", "", "questions", "an exam needs at least one question" });
    }
    return Assembler(bundle, request).run();
}

} // namespace mlaprep
