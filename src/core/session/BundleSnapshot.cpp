#include "session/BundleSnapshot.h"

namespace mlaprep {

BundleSnapshot::BundleSnapshot(Key, LoadedBundle loaded)
    : m_loaded(std::move(loaded))
    , m_index(m_loaded.bundle)
{
}

std::shared_ptr<const BundleSnapshot> BundleSnapshot::make(LoadedBundle loaded)
{
    return std::make_shared<const BundleSnapshot>(Key {}, std::move(loaded));
}

std::shared_ptr<const BundleSnapshot> BundleSnapshot::withCards(const std::vector<Card>& cards) const
{
    LoadedBundle next = m_loaded;
    for (const auto& card : cards) {
        if (!m_index.card(card.id)) {
            next.bundle.cards.push_back(card);
        }
    }
    return make(std::move(next));
}

} // namespace mlaprep
