#include "gui/review/OptimiserText.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

TEST_CASE("the optimiser's result reads in plain words", "[gui][review]")
{
    fsrs::Evaluation before;
    before.logLoss = 0.2485;
    before.rmse = 0.0612;
    before.predictions = 1234;
    fsrs::Evaluation after = before;
    after.logLoss = 0.2276;
    after.rmse = 0.0401;
    const QString text = gui::optimiserSummary(before, after);
    CHECK(text.contains(QStringLiteral("Learned from 1234 past reviews of yours.")));
    CHECK(text.contains(QStringLiteral("8 % better")));
    CHECK(text.contains(QStringLiteral("off by 4.0 percentage points (now 6.1)")));
    CHECK_FALSE(text.contains(QStringLiteral("log loss"), Qt::CaseInsensitive));
    CHECK_FALSE(text.contains(QStringLiteral("RMSE")));
}
