#include "srs/QueuePolicy.h"
#include "srs/RatingInference.h"

#include <algorithm>

#include <catch2/catch.hpp>

using namespace mlaprep;
using namespace mlaprep::srs;
using namespace std::chrono_literals;

TEST_CASE("learning items that are due come before reviews and new items", "[srs]")
{
    QueueSituation situation;
    situation.learningDueNow = true;
    situation.newLeft = 5;
    situation.reviewLeft = 5;
    CHECK(pickQueue(situation) == Queue::Learning);
}

TEST_CASE("new items are spread evenly through the day's reviews", "[srs]")
{
    QueueSituation situation;
    situation.newLeft = 2;
    situation.reviewLeft = 6;
    std::string order;
    while (auto queue = pickQueue(situation)) {
        if (*queue == Queue::New) {
            order += 'n';
            --situation.newLeft;
            ++situation.newDoneToday;
        } else {
            order += 'r';
            --situation.reviewLeft;
            ++situation.reviewsDoneToday;
        }
    }
    CHECK(order == "nrrrnrrr");
}

TEST_CASE("learning items due soon are shown only when nothing else is left", "[srs]")
{
    QueueSituation situation;
    situation.learningDueSoon = true;
    situation.reviewLeft = 1;
    CHECK(pickQueue(situation) == Queue::Review);
    situation.reviewLeft = 0;
    CHECK(pickQueue(situation) == Queue::Learning);
    situation.learningDueSoon = false;
    CHECK_FALSE(pickQueue(situation).has_value());
}

TEST_CASE("daily limits cut what is left today", "[srs]")
{
    CHECK(remainingToday(20, 0, 100) == 20);
    CHECK(remainingToday(20, 15, 100) == 5);
    CHECK(remainingToday(20, 25, 100) == 0);
    CHECK(remainingToday(20, 0, 3) == 3);
}

TEST_CASE("rating inference: wrong is Again, flagged or slow is Hard, right is Good", "[srs]")
{
    CHECK(inferRating(false, false, 5s, 90s) == fsrs::Rating::Again);
    CHECK(inferRating(false, true, 5s, 90s) == fsrs::Rating::Again);
    CHECK(inferRating(true, true, 5s, 90s) == fsrs::Rating::Hard);
    CHECK(inferRating(true, false, 120s, 90s) == fsrs::Rating::Hard);
    CHECK(inferRating(true, false, 90s, 90s) == fsrs::Rating::Good);
}

TEST_CASE("weak tasks are ranked by domain share times weakness", "[srs]")
{
    const std::vector<WeakAreaCandidate> candidates {
        { "a1", "1.1", 0.28, 0.95 },
        { "a2", "1.1", 0.28, 0.85 },
        { "b1", "2.1", 0.26, 0.40 },
        { "c1", "3.1", 0.22, std::nullopt },
    };
    const auto tasks = rankWeakTasks(candidates);
    REQUIRE(tasks.size() == 3);
    CHECK(tasks[0].taskId == "2.1");
    CHECK(tasks[0].weight == Approx(0.26 * 0.6));
    CHECK(tasks[1].taskId == "3.1");
    CHECK(tasks[2].taskId == "1.1");
    CHECK(tasks[2].meanRecall == Approx(0.9));
}

TEST_CASE("a weak-area session takes most items from the weakest task, lowest recall first", "[srs]")
{
    std::vector<WeakAreaCandidate> candidates;
    for (int i = 0; i < 10; ++i) {
        candidates.push_back({ "weak-" + std::to_string(i), "2.1", 0.26, 0.2 + 0.01 * i });
        candidates.push_back({ "strong-" + std::to_string(i), "1.1", 0.28, 0.9 });
    }
    const auto session = weakAreaSession(candidates, 6);
    REQUIRE(session.size() == 6);
    CHECK(session[0] == "weak-0");
    const auto weak = std::count_if(
        session.begin(), session.end(), [](const std::string& id) { return id.rfind("weak-", 0) == 0; });
    CHECK(weak >= 5);
}

TEST_CASE("a weak-area session never repeats an item and stops when candidates run out", "[srs]")
{
    const std::vector<WeakAreaCandidate> candidates { { "a", "1.1", 0.28, 0.3 },
        { "b", "2.1", 0.26, std::nullopt } };
    const auto session = weakAreaSession(candidates, 10);
    CHECK(session.size() == 2);
}

TEST_CASE("counts and the next item come from the same candidate lists", "[srs][queue]")
{
    const Instant now = fromEpochMilliseconds(1'000'000'000);
    QueueCandidates candidates;
    QueueLimits limits;
    limits.newPerDay = 2;
    limits.reviewsPerDay = 10;
    limits.learnAhead = 20min;
    CHECK(countQueue(candidates, limits) == QueueCounts { 0, 0, 0 });
    CHECK_FALSE(nextInQueue(candidates, limits, now).has_value());

    candidates.newItems = { { "n-1", now }, { "n-2", now }, { "n-3", now } };
    CHECK(countQueue(candidates, limits) == QueueCounts { 2, 0, 0 });
    CHECK(nextInQueue(candidates, limits, now) == "n-1");
    limits.newDoneToday = 2;
    CHECK(countQueue(candidates, limits) == QueueCounts { 0, 0, 0 });
    CHECK_FALSE(nextInQueue(candidates, limits, now).has_value());

    candidates.reviews = { { "r-1", now - 24h } };
    candidates.learning = { { "l-1", now + 30min } };
    CHECK(countQueue(candidates, limits) == QueueCounts { 0, 1, 1 });
    CHECK(nextInQueue(candidates, limits, now) == "r-1");
}

TEST_CASE("a learning item is shown early only within the learn-ahead window", "[srs][queue]")
{
    const Instant now = fromEpochMilliseconds(1'000'000'000);
    QueueCandidates candidates;
    candidates.learning = { { "l-1", now + 21min } };
    QueueLimits limits;
    limits.learnAhead = 20min;
    CHECK_FALSE(nextInQueue(candidates, limits, now).has_value());
    CHECK(nextInQueue(candidates, limits, now + 1min) == "l-1");
    // Due now it comes before a review.
    candidates.reviews = { { "r-1", now } };
    limits.reviewsPerDay = 10;
    CHECK(nextInQueue(candidates, limits, now + 1min) == "r-1");
    CHECK(nextInQueue(candidates, limits, now + 21min) == "l-1");
}
