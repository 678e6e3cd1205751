#include "content/NoteBullets.h"

#include <algorithm>
#include <set>

namespace mlaprep {

namespace {

// The slugs of the heading `slug` and of the headings nested under it (until the next heading of the
// same or a higher level).
std::set<std::string> sectionSlugs(const Note& note, const std::string& slug)
{
    std::set<std::string> slugs;
    const auto start = std::find_if(
        note.headings.begin(), note.headings.end(), [&](const Heading& h) { return h.slug == slug; });
    if (start == note.headings.end()) {
        return slugs;
    }
    slugs.insert(start->slug);
    for (auto it = std::next(start); it != note.headings.end() && it->level > start->level; ++it) {
        slugs.insert(it->slug);
    }
    return slugs;
}

} // namespace

std::vector<const Bullet*> bulletsOfNoteSection(
    const Bundle& bundle, const std::string& noteId, const std::string& slug)
{
    const Note* note = bundle.findNote(noteId);
    if (!note) {
        return {};
    }
    const std::set<std::string> slugs = slug.empty() ? std::set<std::string> {} : sectionSlugs(*note, slug);
    const auto cites = [&](const std::string& link) {
        const auto hash = link.find('#');
        if (link.substr(0, hash) != noteId) {
            return false;
        }
        return slug.empty() || (hash != std::string::npos && slugs.count(link.substr(hash + 1)) > 0);
    };
    std::set<std::string> cited;
    const auto collect = [&](const std::string& link, const std::vector<std::string>& bullets) {
        if (cites(link)) {
            cited.insert(bullets.begin(), bullets.end());
        }
    };
    for (const auto& card : bundle.cards) {
        collect(card.note, card.bullets);
    }
    for (const ScoredItem& scored : bundle.scoredItemsWithCases()) {
        collect(scored.note(), scored.item->bullets);
    }
    std::vector<const Bullet*> result;
    for (const Bullet* bullet : bundle.bullets()) {
        if (cited.count(bullet->id)) {
            result.push_back(bullet);
        }
    }
    return result;
}

} // namespace mlaprep
