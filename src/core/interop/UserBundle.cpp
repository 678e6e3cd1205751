#include "interop/UserBundle.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mlaprep::interop {

int dropItemsWithErrors(Bundle& bundle, const Problems& problems)
{
    std::set<std::string> broken;
    for (const auto& problem : problems) {
        if (problem.isError() && !problem.itemId.empty()) {
            broken.insert(problem.itemId);
        }
    }
    const std::size_t before = bundle.cards.size() + bundle.questions.size();
    bundle.cards.erase(std::remove_if(bundle.cards.begin(), bundle.cards.end(),
                           [&](const Card& card) { return broken.count(card.id) > 0; }),
        bundle.cards.end());
    bundle.questions.erase(std::remove_if(bundle.questions.begin(), bundle.questions.end(),
                               [&](const Question& question) {
                                   return broken.count(question.id) > 0
                                       || std::any_of(question.items.begin(), question.items.end(),
                                           [&](const Question& child) { return broken.count(child.id) > 0; });
                               }),
        bundle.questions.end());
    return static_cast<int>(before - bundle.cards.size() - bundle.questions.size());
}

std::filesystem::path userBundleStorePath(const std::filesystem::path& mainStore, const std::string& bundleId)
{
    std::string name;
    for (const char c : bundleId) {
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    }
    return mainStore.parent_path() / "bundles" / (name + ".sqlite");
}

} // namespace mlaprep::interop
