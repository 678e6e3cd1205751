#include "content/BundleLoader.h"
#include "services/QuestionBankService.h"
#include "support/BundleFixture.h"
#include "support/ManualClock.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

using namespace mlaprep;

namespace {

std::filesystem::path bankPath(const std::string& name)
{
    return test::testDataDir() / "interop" / "cloudcertprep" / name;
}

} // namespace

TEST_CASE("a question bank imported from files becomes a bundle that opens", "[services][interop]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto out = dir / "imported";
    auto imported
        = QuestionBankService(clock).importFiles({ bankPath("domain1.json"), bankPath("domain2.json") }, out);
    REQUIRE(imported.ok());
    CHECK(imported->bundleProblems.empty());
    const LoadedBundle loaded = loadBundle(out, clock);
    CHECK_FALSE(hasErrors(loaded.problems));
    CHECK(static_cast<int>(loaded.bundle.questions.size()) == imported->bank.questions);
    CHECK(imported->bank.questions > 0);
}

TEST_CASE("every file that cannot be read is named, and nothing is written", "[services][interop]")
{
    test::TempDir dir;
    test::ManualClock clock;
    const auto out = dir / "imported";
    const auto missing = dir / "missing.json";
    const auto folder = dir / "folder.json";
    std::filesystem::create_directory(folder);
    auto imported
        = QuestionBankService(clock).importFiles({ missing, bankPath("domain1.json"), folder }, out);
    REQUIRE_FALSE(imported.ok());
    REQUIRE(imported.problems().size() == 2);
    CHECK(imported.problems()[0].file == missing.string());
    CHECK(imported.problems()[0].message == "cannot read the file");
    CHECK(imported.problems()[1].file == folder.string());
    CHECK(imported.problems()[1].message.find("not a regular file") != std::string::npos);
    CHECK(imported.problems()[1].kind == ProblemKind::UserInput);
    CHECK_FALSE(std::filesystem::exists(out));
}
