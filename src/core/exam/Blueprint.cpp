#include "exam/Blueprint.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mlaprep {

std::vector<int> apportion(int total, const std::vector<double>& weights)
{
    std::vector<int> counts(weights.size(), 0);
    const double weightSum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (weights.empty() || weightSum <= 0.0 || total <= 0) {
        return counts;
    }
    std::vector<std::pair<double, std::size_t>> remainders;
    int assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / weightSum;
        counts[i] = static_cast<int>(std::floor(exact));
        assigned += counts[i];
        remainders.emplace_back(exact - counts[i], i);
    }
    std::stable_sort(
        remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; assigned < total; k = (k + 1) % remainders.size()) {
        counts[remainders[k].second] += 1;
        ++assigned;
    }
    return counts;
}

std::map<std::string, int> domainTargets(const Bundle& bundle, int questions)
{
    std::vector<double> weights;
    for (const auto& domain : bundle.domains) {
        weights.push_back(domain.weight);
    }
    const auto counts = apportion(questions, weights);
    std::map<std::string, int> targets;
    for (std::size_t i = 0; i < bundle.domains.size(); ++i) {
        targets[bundle.domains[i].id] = counts[i];
    }
    return targets;
}

} // namespace mlaprep
