#include "content/BundleLoader.h"
#include "exam/Blueprint.h"
#include "exam/ExamAssembler.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace mlaprep;

namespace {

const Bundle& shippedBundle()
{
    static const LoadedBundle loaded = loadBundle(MLAPREP_CONTENT_DIR, test::ManualClock());
    return loaded.bundle;
}

std::map<std::string, int> countByDomain(const ExamPlan& plan)
{
    std::map<std::string, int> counts;
    for (const auto& item : plan.items) {
        counts[item.domainId] += 1;
    }
    return counts;
}

} // namespace

TEST_CASE("largest remainder splits 65 items 18/17/14/16 over the exam weights", "[exam]")
{
    CHECK(apportion(65, { 0.28, 0.26, 0.22, 0.24 }) == std::vector<int> { 18, 17, 14, 16 });
    CHECK(apportion(50, { 0.28, 0.26, 0.22, 0.24 }) == std::vector<int> { 14, 13, 11, 12 });
    CHECK(apportion(10, { 1, 1, 1 }) == std::vector<int> { 4, 3, 3 });
    CHECK(apportion(0, { 0.5, 0.5 }) == std::vector<int> { 0, 0 });
    for (int total = 1; total <= 200; ++total) {
        const auto counts = apportion(total, { 0.28, 0.26, 0.22, 0.24 });
        CHECK(counts[0] + counts[1] + counts[2] + counts[3] == total);
    }
}

TEST_CASE("mock exams follow the blueprint over hundreds of seeds", "[exam]")
{
    const Bundle& bundle = shippedBundle();
    REQUIRE(bundle.questions.size() > 100);
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        AssemblyRequest request;
        request.seed = seed;
        auto plan = assembleExam(bundle, request);
        REQUIRE(plan.ok());
        REQUIRE(plan->items.size() == 65);
        const auto domains = countByDomain(plan.value());
        CHECK(domains.at("1") == 18);
        CHECK(domains.at("2") == 17);
        CHECK(domains.at("3") == 14);
        CHECK(domains.at("4") == 16);
        std::set<std::string> ids;
        std::set<std::string> tasks;
        for (const auto& item : plan->items) {
            ids.insert(item.itemId);
            tasks.insert(item.taskId);
        }
        CHECK(ids.size() == 65);
        CHECK(tasks.size() >= 11);
    }
}

TEST_CASE("the same seed gives the same exam and another seed another", "[exam]")
{
    AssemblyRequest request;
    request.seed = 42;
    const auto first = assembleExam(shippedBundle(), request);
    const auto again = assembleExam(shippedBundle(), request);
    request.seed = 43;
    const auto other = assembleExam(shippedBundle(), request);
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    REQUIRE(other.ok());
    std::vector<std::string> a, b, c;
    for (std::size_t i = 0; i < first->items.size(); ++i) {
        a.push_back(first->items[i].itemId);
        b.push_back(again->items[i].itemId);
        c.push_back(other->items[i].itemId);
        CHECK(first->items[i].optionOrder == again->items[i].optionOrder);
    }
    CHECK(a == b);
    CHECK(a != c);
}

TEST_CASE("case study children are counted as items and kept together", "[exam]")
{
    int casesSeen = 0;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        AssemblyRequest request;
        request.seed = seed;
        const auto plan = assembleExam(shippedBundle(), request);
        REQUIRE(plan.ok());
        std::map<std::string, std::vector<std::size_t>> positions;
        for (std::size_t i = 0; i < plan->items.size(); ++i) {
            if (!plan->items[i].caseId.empty()) {
                positions[plan->items[i].caseId].push_back(i);
            }
        }
        for (const auto& [caseId, where] : positions) {
            ++casesSeen;
            REQUIRE(where.size() >= 2);
            CHECK(where.back() - where.front() == where.size() - 1); // adjacent
        }
    }
    CHECK(casesSeen > 0);
}

TEST_CASE("items from recent attempts are avoided while the bank allows it", "[exam]")
{
    AssemblyRequest request;
    request.seed = 7;
    const auto first = assembleExam(shippedBundle(), request);
    REQUIRE(first.ok());
    for (const auto& item : first->items) {
        request.recentlySeen.insert(item.itemId);
    }
    request.seed = 8;
    const auto second = assembleExam(shippedBundle(), request);
    REQUIRE(second.ok());
    int repeated = 0;
    for (const auto& item : second->items) {
        repeated += request.recentlySeen.count(item.itemId) ? 1 : 0;
    }
    CHECK(repeated == 0);
}

TEST_CASE("a bank too small for a domain is a clear error, not a short exam", "[exam]")
{
    const LoadedBundle minimal = loadBundle(test::minimalBundleDir(), test::ManualClock());
    AssemblyRequest request;
    request.seed = 1;
    const auto plan = assembleExam(minimal.bundle, request);
    REQUIRE_FALSE(plan.ok());
    const auto& problem = plan.problems().front();
    CHECK(problem.itemId == "1");
    CHECK(problem.message.find("needs 18 items but the bank has only") != std::string::npos);
}

TEST_CASE("options are shuffled per attempt and an ordering item never starts at its answer", "[exam]")
{
    const Bundle& bundle = shippedBundle();
    int shuffled = 0;
    int orderingSeen = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        AssemblyRequest request;
        request.seed = seed;
        const auto plan = assembleExam(bundle, request);
        REQUIRE(plan.ok());
        for (const auto& item : plan->items) {
            for (const Question* question : bundle.scoredItems()) {
                if (question->id != item.itemId) {
                    continue;
                }
                std::vector<std::string> authored;
                for (const auto& option : question->options) {
                    authored.push_back(option.id);
                }
                std::vector<std::string> sortedOrder = item.optionOrder;
                std::sort(sortedOrder.begin(), sortedOrder.end());
                std::sort(authored.begin(), authored.end());
                CHECK(sortedOrder == authored);
                shuffled += item.optionOrder != authored ? 1 : 0;
                if (question->type == QuestionType::Ordering) {
                    ++orderingSeen;
                    CHECK(item.optionOrder != question->answerIds);
                }
            }
        }
    }
    CHECK(shuffled > 0);
    CHECK(orderingSeen > 0);
}

TEST_CASE("the realism option marks 15 items unscored", "[exam]")
{
    AssemblyRequest request;
    request.seed = 3;
    request.unscored = 15;
    const auto plan = assembleExam(shippedBundle(), request);
    REQUIRE(plan.ok());
    const auto unscored
        = std::count_if(plan->items.begin(), plan->items.end(), [](const ExamItem& i) { return !i.scored; });
    CHECK(unscored == 15);
}

TEST_CASE("practice filters restrict domains, tasks and types", "[exam]")
{
    AssemblyRequest request;
    request.seed = 9;
    request.questions = 20;
    request.tasks = { "2.2", "4.3" };
    request.types = { QuestionType::Single };
    const auto plan = assembleExam(shippedBundle(), request);
    REQUIRE(plan.ok());
    REQUIRE(plan->items.size() == 20);
    for (const auto& item : plan->items) {
        CHECK((item.taskId == "2.2" || item.taskId == "4.3"));
        CHECK(item.type == QuestionType::Single);
    }
    request.tasks = { "9.9" };
    CHECK_FALSE(assembleExam(shippedBundle(), request).ok());
}
