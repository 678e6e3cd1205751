#include "content/BundleLoader.h"
#include "content/NoteBullets.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

namespace {

std::vector<std::string> idsOf(const std::vector<const Bullet*>& bullets)
{
    std::vector<std::string> ids;
    for (const Bullet* bullet : bullets) {
        ids.push_back(bullet->id);
    }
    return ids;
}

} // namespace

TEST_CASE("a note section's bullets are the union of the bullets of the items citing it", "[content]")
{
    const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    const Bundle& bundle = loaded.bundle;
    // c-1.1-001 and q-1.1-001 cite #parquet-and-orc (1.1-K1); q-1.1-002 cites the note as a whole.
    CHECK(idsOf(bulletsOfNoteSection(bundle, "n-1.1")) == std::vector<std::string> { "1.1-K1", "1.1-S1" });
    CHECK(idsOf(bulletsOfNoteSection(bundle, "n-1.1", "parquet-and-orc"))
        == std::vector<std::string> { "1.1-K1" });
    CHECK(bulletsOfNoteSection(bundle, "n-1.1", "streaming").empty());
    // A heading's section holds the headings under it, but not links to the note as a whole.
    CHECK(idsOf(bulletsOfNoteSection(bundle, "n-1.1", "data-formats"))
        == std::vector<std::string> { "1.1-K1" });
    // Case children: one cites the section with its own bullets, the other inherits the parent's.
    CHECK(idsOf(bulletsOfNoteSection(bundle, "n-3.1", "serverless-inference"))
        == std::vector<std::string> { "1.1-S1", "3.1-K1" });
    CHECK(bulletsOfNoteSection(bundle, "n-4.1").empty());
    CHECK(bulletsOfNoteSection(bundle, "no-such-note").empty());
    const auto texts = bulletsOfNoteSection(bundle, "n-2.1", "xgboost");
    REQUIRE(texts.size() == 2);
    CHECK(texts[0]->text == "Capabilities of algorithms");
}
