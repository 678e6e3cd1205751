#include "interop/FsrsReplay.h"

#include "fsrs/Fsrs.h"

#include <cmath>
#include <cstddef>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace mlaprep {

namespace {

// ordered_json keeps each case's fields in their input order, so the output reads like the input.
using Json = nlohmann::ordered_json;

struct ReplayReview {
    fsrs::Rating rating;
    double elapsedDays;
};

struct ReplayCase {
    fsrs::Parameters parameters;
    double desiredRetention;
    std::vector<ReplayReview> reviews;
};

// Reads one case, adding a Problem for every defect instead of stopping at the first.
class CaseReader {
public:
    CaseReader(std::string_view fileLabel, std::size_t index, Problems& problems)
        : m_fileLabel(fileLabel)
        , m_itemId("case[" + std::to_string(index) + "]")
        , m_problems(problems)
    {
    }

    std::optional<ReplayCase> read(const Json& json)
    {
        if (!json.is_object()) {
            addProblem("", "a case must be a JSON object");
            return std::nullopt;
        }
        readId(json);

        const std::size_t problemsBefore = m_problems.size();
        ReplayCase replayCase {};
        readParameters(json, replayCase);
        readDesiredRetention(json, replayCase);
        readReviews(json, replayCase);
        if (m_problems.size() != problemsBefore) {
            return std::nullopt;
        }
        return replayCase;
    }

private:
    void addProblem(std::string field, std::string message)
    {
        Problem problem;
        problem.severity = Severity::Error;
        problem.file = std::string(m_fileLabel);
        problem.itemId = m_itemId;
        problem.field = std::move(field);
        problem.message = std::move(message);
        m_problems.push_back(std::move(problem));
    }

    void readId(const Json& json)
    {
        const auto it = json.find("id");
        if (it == json.end()) {
            addProblem("id", "missing");
        } else if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
            addProblem("id", "must be a non-empty string");
        } else {
            // Later problems name the case by its id, which the author can search for.
            m_itemId = it->get<std::string>();
        }
    }

    void readParameters(const Json& json, ReplayCase& replayCase)
    {
        const auto it = json.find("params");
        if (it == json.end()) {
            addProblem("params", "missing");
            return;
        }
        if (!it->is_array()) {
            addProblem("params", "must be an array of numbers");
            return;
        }
        std::vector<double> weights;
        weights.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i) {
            const Json& weight = (*it)[i];
            if (!weight.is_number()) {
                addProblem("params[" + std::to_string(i) + "]", "must be a number");
                return;
            }
            weights.push_back(weight.get<double>());
        }
        auto parameters = fsrs::checkAndFillParameters(weights);
        if (!parameters) {
            for (const auto& problem : parameters.problems()) {
                addProblem(problem.field, problem.message);
            }
            return;
        }
        replayCase.parameters = parameters.value();
    }

    void readDesiredRetention(const Json& json, ReplayCase& replayCase)
    {
        const auto it = json.find("desired_retention");
        if (it == json.end()) {
            addProblem("desired_retention", "missing");
            return;
        }
        if (!it->is_number()) {
            addProblem("desired_retention", "must be a number");
            return;
        }
        const double retention = it->get<double>();
        if (!(retention > 0.0 && retention < 1.0)) {
            addProblem("desired_retention", "must be greater than 0 and less than 1");
            return;
        }
        replayCase.desiredRetention = retention;
    }

    void readReviews(const Json& json, ReplayCase& replayCase)
    {
        const auto it = json.find("reviews");
        if (it == json.end()) {
            addProblem("reviews", "missing");
            return;
        }
        if (!it->is_array()) {
            addProblem("reviews", "must be an array");
            return;
        }
        replayCase.reviews.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string prefix = "reviews[" + std::to_string(i) + "]";
            const Json& review = (*it)[i];
            if (!review.is_object()) {
                addProblem(prefix, "must be an object with rating and elapsed_days");
                continue;
            }
            const std::optional<fsrs::Rating> rating = readRating(review, prefix + ".rating");
            const std::optional<double> elapsedDays = readElapsedDays(review, prefix + ".elapsed_days");
            if (rating && elapsedDays) {
                replayCase.reviews.push_back(ReplayReview { *rating, *elapsedDays });
            }
        }
    }

    std::optional<fsrs::Rating> readRating(const Json& review, const std::string& field)
    {
        const auto it = review.find("rating");
        if (it == review.end()) {
            addProblem(field, "missing");
            return std::nullopt;
        }
        std::optional<fsrs::Rating> rating;
        if (it->is_number_integer()) {
            // Unsigned values above LLONG_MAX read as negative here and are rejected all the same.
            rating = fsrs::ratingFromGrade(it->get<long long>());
        }
        if (!rating) {
            addProblem(field, "must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
        }
        return rating;
    }

    std::optional<double> readElapsedDays(const Json& review, const std::string& field)
    {
        const auto it = review.find("elapsed_days");
        if (it == review.end()) {
            addProblem(field, "missing");
            return std::nullopt;
        }
        if (!it->is_number()) {
            addProblem(field, "must be a number of days");
            return std::nullopt;
        }
        const double days = it->get<double>();
        if (!std::isfinite(days) || days < 0.0) {
            addProblem(field, "must be 0 or more");
            return std::nullopt;
        }
        return days;
    }

    std::string_view m_fileLabel;
    std::string m_itemId;
    Problems& m_problems;
};

Json replaySteps(const ReplayCase& replayCase)
{
    const fsrs::Fsrs model(replayCase.parameters);
    const double multiplier = model.intervalMultiplier(replayCase.desiredRetention);

    Json steps = Json::array();
    std::optional<fsrs::MemoryState> state;
    for (const ReplayReview& review : replayCase.reviews) {
        Json retrievability = nullptr;
        if (state) {
            const fsrs::ReviewStep step = model.review(*state, review.elapsedDays, review.rating);
            state = step.state;
            retrievability = step.retrievability;
        } else {
            state = model.initialState(review.rating);
        }
        Json step = Json::object();
        step["stability"] = state->stability;
        step["difficulty"] = state->difficulty;
        step["retrievability"] = std::move(retrievability);
        step["interval_days"] = fsrs::Fsrs::intervalDays(state->stability, multiplier);
        steps.push_back(std::move(step));
    }
    return steps;
}

Problem inputProblem(std::string_view fileLabel, std::string message)
{
    Problem problem;
    problem.severity = Severity::Error;
    problem.file = std::string(fileLabel);
    problem.message = std::move(message);
    return problem;
}

} // namespace

Result<std::string> replayFsrsCases(const std::string& inputJson, std::string_view fileLabel)
{
    try {
        Json cases;
        try {
            cases = Json::parse(inputJson);
        } catch (const Json::parse_error& error) {
            // nlohmann's message carries the byte position, which is what an author needs here.
            return Result<std::string>::failure(
                inputProblem(fileLabel, std::string("malformed JSON: ") + error.what()));
        }
        if (!cases.is_array()) {
            return Result<std::string>::failure(
                inputProblem(fileLabel, "the input must be a JSON array of cases"));
        }

        Problems problems;
        std::vector<ReplayCase> replayCases;
        replayCases.reserve(cases.size());
        for (std::size_t i = 0; i < cases.size(); ++i) {
            CaseReader reader(fileLabel, i, problems);
            if (auto replayCase = reader.read(cases[i])) {
                replayCases.push_back(std::move(*replayCase));
            }
        }
        if (!problems.empty()) {
            return Result<std::string>::failure(std::move(problems));
        }

        for (std::size_t i = 0; i < cases.size(); ++i) {
            cases[i]["steps"] = replaySteps(replayCases[i]);
        }
        return cases.dump(2, ' ', false, Json::error_handler_t::replace);
    } catch (const std::exception& error) {
        // Nothing above should throw for any input; this keeps a library surprise from crashing the CLI.
        return Result<std::string>::failure(
            inputProblem(fileLabel, std::string("cannot replay: ") + error.what()));
    } catch (...) {
        return Result<std::string>::failure(inputProblem(fileLabel, "cannot replay: unknown error"));
    }
}

} // namespace mlaprep
