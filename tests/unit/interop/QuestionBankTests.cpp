#include "content/BundleLoader.h"
#include "interop/QuestionBank.h"
#include "interop/UserBundle.h"
#include "support/BundleFixture.h"
#include "support/TempDir.h"
#include "support/ManualClock.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace mlaprep;
using namespace mlaprep::interop;

namespace {

QuestionBankFile bankFile(const std::string& name)
{
    const auto path = test::testDataDir() / "interop" / "cloudcertprep" / name;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return QuestionBankFile { name, bytes.str() };
}

std::vector<std::string> formatted(const Problems& problems)
{
    std::vector<std::string> lines;
    for (const auto& problem : problems) {
        lines.push_back(formatProblem(problem));
    }
    return lines;
}

} // namespace

TEST_CASE("a CloudCertPrep bank becomes an imported bundle that validates", "[interop]")
{
    auto bank = convertQuestionBank({ bankFile("domain1.json"), bankFile("domain2.json") }, {});
    INFO(bank.firstError());
    REQUIRE(bank.ok());
    CHECK(bank->questions == 5);
    CHECK(bank->domains == std::vector<std::string> { "1", "2" });
    CHECK(bank->tasks == std::vector<std::string> { "1.1", "1.2", "1.3", "2.1" });
    // What could not be mapped is reported, not invented.
    CHECK(formatted(bank->problems)
        == std::vector<std::string> {
            "warning: domain1.json: 3: source: not mapped (mlaprep has no field for it)",
            "warning: domain1.json: 4: type: a matching question needs \"prompts\" (an object) and an \"answer\" "
            "object pairing prompt keys with option keys; left out",
            "warning: domain2.json: [2]: taskStatement: missing or not of the form N.M; the question is left out",
        });

    test::TempDir dir;
    REQUIRE(writeConvertedBank(bank.value(), dir / "bank").ok());
    const LoadedBundle loaded = loadBundle(dir / "bank", test::ManualClock());
    for (const auto& problem : loaded.problems) {
        INFO(formatProblem(problem));
        CHECK_FALSE(problem.isError());
    }
    CHECK(loaded.bundle.isImported());
    CHECK(loaded.bundle.id == "imported-domain1");
    REQUIRE(loaded.bundle.domains.size() == 2);
    CHECK(loaded.bundle.domains[0].title == "Domain 1");
    CHECK(loaded.bundle.domains[0].weight == Approx(0.5));
    CHECK(loaded.bundle.domains[0].tasks[1].title == "Task 1.2");
    REQUIRE(loaded.bundle.questions.size() == 5);

    const Question& multi = loaded.bundle.questions[1];
    CHECK(multi.id == "q-1.1-2");
    CHECK(multi.type == QuestionType::Multi);
    CHECK(multi.answerIds == std::vector<std::string> { "a", "c" });
    CHECK(multi.options.size() == 5);
    CHECK(multi.options[0].why.empty());
    CHECK(multi.services == std::vector<std::string> { "Amazon Data Firehose", "AWS Glue" });
    CHECK(multi.difficulty == 0);
    CHECK(multi.refs.empty());

    const Question& ordering = loaded.bundle.questions[2];
    CHECK(ordering.type == QuestionType::Ordering);
    CHECK(ordering.answerIds == std::vector<std::string> { "a", "b", "c" });
    // Markdown characters in plain text are escaped, so the text renders as written.
    CHECK(loaded.bundle.questions[3].stem == "What does a \\* in a glob such as s3://bucket/\\_raw/\\*.csv match?");
    CHECK_FALSE(writeConvertedBank(bank.value(), dir / "bank").ok());
}

TEST_CASE("question bank weights must fit the domains and bad files fail whole", "[interop]")
{
    auto weighted = convertQuestionBank({ bankFile("domain1.json"), bankFile("domain2.json") }, { { 0.6, 0.4 }, "", "" });
    REQUIRE(weighted.ok());
    auto wrongCount = convertQuestionBank({ bankFile("domain1.json") }, { { 0.5, 0.5 }, "", "" });
    REQUIRE_FALSE(wrongCount.ok());
    CHECK(wrongCount.firstError() == "-: -: --weights: the bank has 1 domains but 2 weights were given");
    auto notArray = convertQuestionBank({ QuestionBankFile { "d.json", "{\"id\": 1}" } }, {});
    REQUIRE_FALSE(notArray.ok());
    CHECK(notArray.firstError() == "d.json: -: -: expected a JSON array of questions");
    auto broken = convertQuestionBank({ QuestionBankFile { "d.json", "[{\"id\": 1," } }, {});
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.firstError() == "d.json: -: -: not valid JSON");
}

TEST_CASE("a user bundle with problems keeps its valid items and its own store", "[interop]")
{
    test::BundleFixture broken("answer-not-option");
    LoadedBundle loaded = loadBundle(broken.root(), test::ManualClock());
    REQUIRE(loaded.hasErrors());
    const std::size_t before = loaded.bundle.questions.size();
    CHECK(dropItemsWithErrors(loaded.bundle, loaded.problems) == 1);
    CHECK(loaded.bundle.questions.size() == before - 1);
    CHECK(userBundleStorePath("/data/progress.sqlite", "imported/bank 1") == "/data/bundles/imported_bank_1.sqlite");
}

TEST_CASE("a bank whose file name or title is not UTF-8 converts instead of throwing from the JSON writer",
    "[interop]")
{
    // A Latin-1 file name ("banque-été.json") as a Linux file system hands it over, and a title pasted from
    // such a file: the manifest quotes both, and nlohmann::json refuses to write invalid UTF-8.
    const std::string latin1Name = "banque-\xE9t\xE9.json";
    QuestionBankFile file = bankFile("domain1.json");
    file.name = latin1Name;
    QuestionBankOptions options;
    options.title = "Questions d'\xE9t\xE9";
    Result<ConvertedBank> bank = Result<ConvertedBank>::failure(Problem {});
    REQUIRE_NOTHROW(bank = convertQuestionBank({ file }, options));
    REQUIRE(bank.ok());
    const std::string manifest = bank->files.at("bundle.json");
    CHECK(
        manifest.find("banque-\xEF\xBF\xBDt\xEF\xBF\xBD.json") != std::string::npos); // U+FFFD for each byte
    CHECK(manifest.find("Questions d'\xEF\xBF\xBDt\xEF\xBF\xBD") != std::string::npos);
}
