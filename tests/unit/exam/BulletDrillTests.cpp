#include "content/BundleLoader.h"
#include "exam/ExamAssembler.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <set>

using namespace mlaprep;

namespace {

const Bundle& minimal()
{
    static const LoadedBundle loaded = loadBundle(test::minimalBundleDir(), test::ManualClock());
    return loaded.bundle;
}

std::set<std::string> idsOf(const ExamPlan& plan)
{
    std::set<std::string> ids;
    for (const auto& item : plan.items) {
        ids.insert(item.itemId);
    }
    return ids;
}

} // namespace

TEST_CASE("a bullet drill takes only the items that cite the bullet, from every domain", "[exam]")
{
    AssemblyRequest request;
    request.questions = 10;
    request.seed = 7;
    request.bullet = "1.1-S1"; // q-1.1-002 in domain 1, the case child q-3.1-001-1 in domain 3
    const auto plan = assembleExam(minimal(), request);
    REQUIRE(plan.ok());
    CHECK(idsOf(plan.value()) == std::set<std::string> { "q-1.1-002", "q-3.1-001-1" });
    for (const auto& item : plan.value().items) {
        if (item.itemId == "q-3.1-001-1") {
            CHECK(item.caseId == "q-3.1-001");
        }
    }
}

TEST_CASE("a bullet drill asks for no more than the bank has and combines with other filters", "[exam]")
{
    AssemblyRequest request;
    request.seed = 3;
    request.bullet = "1.1-K1"; // q-1.1-001 (single) and q-1.1-002 (multi)
    request.questions = 1;
    auto plan = assembleExam(minimal(), request);
    REQUIRE(plan.ok());
    CHECK(plan.value().items.size() == 1);

    request.questions = 5;
    request.types = { QuestionType::Multi };
    plan = assembleExam(minimal(), request);
    REQUIRE(plan.ok());
    CHECK(idsOf(plan.value()) == std::set<std::string> { "q-1.1-002" });

    request.bullet = "4.1-K1"; // declared, but no item trains it yet
    request.types.clear();
    CHECK_FALSE(assembleExam(minimal(), request).ok());
}
