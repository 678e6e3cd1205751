#include "content/Freshness.h"

#include <algorithm>

namespace mlaprep {

bool isStale(CalendarDate verified, CalendarDate today)
{
    return verified < monthsBefore(today, StaleAfterMonths);
}

std::vector<VerifiedItem> stalestItems(const Bundle& bundle, std::size_t limit)
{
    std::vector<VerifiedItem> dated;
    auto add = [&](const std::string& id, const std::optional<CalendarDate>& verified) {
        if (verified) {
            dated.push_back(VerifiedItem { id, *verified });
        }
    };
    for (const auto& question : bundle.questions) {
        add(question.id, question.verified);
        for (const auto& child : question.items) {
            if (!child.inheritsVerified) {
                add(child.id, child.verified);
            }
        }
    }
    for (const auto& card : bundle.cards) {
        add(card.id, card.verified);
    }
    const auto older = [](const VerifiedItem& a, const VerifiedItem& b) {
        return a.verified == b.verified ? a.id < b.id : a.verified < b.verified;
    };
    const std::size_t kept = std::min(limit, dated.size());
    std::partial_sort(dated.begin(), dated.begin() + static_cast<std::ptrdiff_t>(kept), dated.end(), older);
    dated.resize(kept);
    return dated;
}

} // namespace mlaprep
