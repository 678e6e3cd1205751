#include "interop/FsrsReplay.h"

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mlaprep;
using Json = nlohmann::ordered_json;

namespace {

std::string readTestFile(const std::string& relativePath)
{
    std::ifstream file(std::string(MLAPREP_TEST_DATA_DIR) + "/" + relativePath, std::ios::binary);
    REQUIRE(file.good());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

const std::string DefaultParams
    = "[0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,"
      " 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]";

std::string oneCase(
    const std::string& params, const std::string& reviews, const std::string& retention = "0.9")
{
    return R"([{"id": "c1", "params": )" + params + R"(, "desired_retention": )" + retention
        + R"(, "reviews": )" + reviews + "}]";
}

Json replayed(const std::string& input)
{
    const auto result = replayFsrsCases(input);
    REQUIRE(result.ok());
    return Json::parse(result.value());
}

Problem singleProblem(const std::string& input)
{
    const auto result = replayFsrsCases(input);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems().size() == 1);
    return result.problems()[0];
}

} // namespace

TEST_CASE("Every sample vector case replays to its expected steps", "[fsrs]")
{
    const Json cases = replayed(readTestFile("fsrs/sample_vectors.json"));
    REQUIRE(cases.size() == 13);
    for (const Json& replayCase : cases) {
        const std::string id = replayCase.at("id").get<std::string>();
        DYNAMIC_SECTION(id)
        {
            const Json& steps = replayCase.at("steps");
            const Json& expected = replayCase.at("expected");
            REQUIRE(steps.size() == expected.size());
            for (std::size_t i = 0; i < steps.size(); ++i) {
                INFO("step " << i);
                const Json& step = steps[i];
                const Json& want = expected[i];
                CHECK(step.at("stability").get<double>()
                    == Approx(want.at("stability").get<double>()).epsilon(1e-4).margin(0.0));
                CHECK(step.at("difficulty").get<double>()
                    == Approx(want.at("difficulty").get<double>()).epsilon(1e-4).margin(0.0));
                if (want.at("retrievability").is_null()) {
                    CHECK(step.at("retrievability").is_null());
                } else {
                    CHECK(step.at("retrievability").get<double>()
                        == Approx(want.at("retrievability").get<double>()).epsilon(0.0).margin(1e-4));
                }
                CHECK(step.at("interval_days").get<int>() == want.at("interval_days").get<int>());
            }
        }
    }
}

TEST_CASE("Replay keeps every input field in order and appends steps", "[fsrs]")
{
    const Json cases = replayed(R"([{"note": {"a": [1, 2]}, "id": "c1", "params": )" + DefaultParams
        + R"(, "desired_retention": 0.9, "extra": "kept",)"
        + R"( "reviews": [{"rating": 3, "elapsed_days": 0, "x": true}]}])");
    REQUIRE(cases.size() == 1);
    std::vector<std::string> keys;
    for (const auto& item : cases[0].items()) {
        keys.push_back(item.key());
    }
    CHECK(keys
        == std::vector<std::string> {
            "note", "id", "params", "desired_retention", "extra", "reviews", "steps" });
    CHECK(cases[0]["note"] == Json::parse(R"({"a": [1, 2]})"));
    CHECK(cases[0]["extra"] == "kept");
    CHECK(cases[0]["reviews"][0]["x"] == true);
}

TEST_CASE(
    "Each step has stability, difficulty, retrievability and interval, null R on the first review", "[fsrs]")
{
    const Json cases = replayed(
        oneCase(DefaultParams, R"([{"rating": 3, "elapsed_days": 0}, {"rating": 3, "elapsed_days": 2}])"));
    const Json& steps = cases[0]["steps"];
    REQUIRE(steps.size() == 2);
    std::vector<std::string> keys;
    for (const auto& item : steps[0].items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == std::vector<std::string> { "stability", "difficulty", "retrievability", "interval_days" });
    CHECK(steps[0]["retrievability"].is_null());
    CHECK(steps[0]["interval_days"] == 2);
    CHECK(steps[1]["retrievability"].is_number());
    CHECK(steps[1]["interval_days"].is_number_integer());
}

TEST_CASE("Replay accepts 19 FSRS-5 weights", "[fsrs]")
{
    const std::string fsrs5
        = "[0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575,"
          " 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621]";
    const Json cases = replayed(oneCase(fsrs5, R"([{"rating": 3, "elapsed_days": 0}])"));
    CHECK(cases[0]["steps"][0]["stability"] == 3.173);
}

TEST_CASE("An empty case list and a case without reviews replay to empty results", "[fsrs]")
{
    CHECK(replayed("[]") == Json::array());
    CHECK(replayed(oneCase(DefaultParams, "[]"))[0]["steps"] == Json::array());
}

TEST_CASE("Malformed JSON gives a failure, not a crash", "[fsrs]")
{
    const char* inputs[] = { "", "[", "{", "nul", "[1,]", "[{\"id\": }]", "\xff\xfe", "[\"\xc3\x28\"]" };
    for (const char* input : inputs) {
        INFO("input " << input);
        const Problem problem = singleProblem(input);
        CHECK(problem.isError());
        CHECK(problem.file == "-");
    }
}

TEST_CASE("Input that is not an array of case objects is rejected", "[fsrs]")
{
    CHECK_FALSE(replayFsrsCases("{}").ok());
    CHECK_FALSE(replayFsrsCases("42").ok());
    CHECK(singleProblem("[1]").itemId == "case[0]");
}

TEST_CASE("Problems name the file label, the case id and the field", "[fsrs]")
{
    struct Defect {
        std::string input;
        std::string field;
    };
    const Defect defects[] = {
        { oneCase(DefaultParams, R"([{"rating": 5, "elapsed_days": 0}])"), "reviews[0].rating" },
        { oneCase(DefaultParams, R"([{"rating": 0, "elapsed_days": 0}])"), "reviews[0].rating" },
        { oneCase(DefaultParams, R"([{"rating": 3.5, "elapsed_days": 0}])"), "reviews[0].rating" },
        { oneCase(DefaultParams, R"([{"rating": "3", "elapsed_days": 0}])"), "reviews[0].rating" },
        { oneCase(DefaultParams, R"([{"elapsed_days": 0}])"), "reviews[0].rating" },
        { oneCase(DefaultParams, R"([{"rating": 3, "elapsed_days": 0}, {"rating": 3, "elapsed_days": -1}])"),
            "reviews[1].elapsed_days" },
        { oneCase(DefaultParams, R"([{"rating": 3, "elapsed_days": null}])"), "reviews[0].elapsed_days" },
        { oneCase(DefaultParams, R"([3])"), "reviews[0]" },
        { oneCase(DefaultParams, R"({"rating": 3})"), "reviews" },
        { oneCase("[1, 2, 3]", "[]"), "params" },
        { oneCase(R"("defaults")", "[]"), "params" },
        { oneCase(R"([0.212, "x"])", "[]"), "params[1]" },
        { oneCase(DefaultParams, "[]", "1.5"), "desired_retention" },
        { oneCase(DefaultParams, "[]", R"("0.9")"), "desired_retention" },
        { R"([{"id": "c1", "params": )" + DefaultParams + R"(, "reviews": []}])", "desired_retention" },
    };
    for (const Defect& defect : defects) {
        INFO(defect.input);
        const auto result = replayFsrsCases(defect.input, "cases.json");
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.problems().size() == 1);
        const Problem& problem = result.problems()[0];
        CHECK(problem.isError());
        CHECK(problem.file == "cases.json");
        CHECK(problem.itemId == "c1");
        CHECK(problem.field == defect.field);
        CHECK_FALSE(problem.message.empty());
    }
}

TEST_CASE("A case without an id is named by its position", "[fsrs]")
{
    const auto result = replayFsrsCases(
        R"([{"params": )" + DefaultParams + R"(, "desired_retention": 0.9, "reviews": []}])");
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems().size() == 1);
    CHECK(result.problems()[0].itemId == "case[0]");
    CHECK(result.problems()[0].field == "id");
}

TEST_CASE("Replay reports every defect in every case, not only the first", "[fsrs]")
{
    const std::string input = R"([{"id": "a", "params": [1], "desired_retention": 2, "reviews": []},)"
                              R"( {"id": "b", "params": )"
        + DefaultParams
        + R"(, "desired_retention": 0.9, "reviews": [{"rating": 9, "elapsed_days": 0}, {"rating": 3, "elapsed_days": -2}]}])";
    const auto result = replayFsrsCases(input);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems().size() == 4);
    CHECK(result.problems()[0].itemId == "a");
    CHECK(result.problems()[1].itemId == "a");
    CHECK(result.problems()[2].field == "reviews[0].rating");
    CHECK(result.problems()[3].field == "reviews[1].elapsed_days");
}
