#include "interop/QuestionBank.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>

namespace mlaprep::interop {

namespace {

using nlohmann::ordered_json;

// Plain text as Markdown that renders the same: the characters Markdown would act on are escaped.
std::string plainToMarkdown(const std::string& text)
{
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos || (lineStart && c == '#')) {
            out += '\\';
        }
        out += c;
        lineStart = c == '\n';
    }
    return out;
}

std::string lowerKey(std::string key)
{
    for (auto& c : key) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::string idText(const ordered_json& value)
{
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<long long>());
    }
    return {};
}

std::string slug(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

// "1.2" → {1, 2} for ordering; nothing when the text is not N.M.
std::optional<std::pair<int, int>> taskNumbers(const std::string& task)
{
    const std::size_t dot = task.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 >= task.size()) {
        return std::nullopt;
    }
    const std::string domain = task.substr(0, dot);
    const std::string rest = task.substr(dot + 1);
    if (!std::all_of(domain.begin(), domain.end(), ::isdigit) || !std::all_of(rest.begin(), rest.end(), ::isdigit)) {
        return std::nullopt;
    }
    if (domain.size() > 4 || rest.size() > 4) {
        return std::nullopt; // no exam has task 99999.1; and stoi would throw on a number beyond int
    }
    return std::pair { std::stoi(domain), std::stoi(rest) };
}

struct Mapper {
    std::string file;
    Problems& problems;

    void report(const std::string& id, const std::string& field, const std::string& message, Severity severity = Severity::Warning)
    {
        problems.push_back(Problem { severity, file, id, field, message });
    }

    // Options {"A": "text", …} (or an array of {id|key, text}) as mlaprep options; empty on failure.
    std::optional<ordered_json> options(const ordered_json& question, const std::string& id)
    {
        const auto found = question.find("options");
        if (found == question.end()) {
            report(id, "options", "missing; the question is left out");
            return std::nullopt;
        }
        ordered_json result = ordered_json::array();
        if (found->is_object()) {
            for (const auto& [key, text] : found->items()) {
                if (!text.is_string()) {
                    report(id, "options." + key, "not a string; the question is left out");
                    return std::nullopt;
                }
                result.push_back(ordered_json { { "id", lowerKey(key) }, { "text", plainToMarkdown(text.get<std::string>()) } });
            }
        } else {
            report(id, "options", "expected an object keyed A, B, …; the question is left out");
            return std::nullopt;
        }
        if (result.size() < 2) {
            report(id, "options", "fewer than two options; the question is left out");
            return std::nullopt;
        }
        return result;
    }

    std::optional<std::vector<std::string>> keys(const ordered_json& value, const std::string& id, const std::string& field)
    {
        std::vector<std::string> result;
        if (value.is_string()) {
            result.push_back(lowerKey(value.get<std::string>()));
        } else if (value.is_array()) {
            for (const auto& key : value) {
                if (!key.is_string()) {
                    report(id, field, "expected option keys as strings; the question is left out");
                    return std::nullopt;
                }
                result.push_back(lowerKey(key.get<std::string>()));
            }
        } else {
            report(id, field, "expected a key or an array of keys; the question is left out");
            return std::nullopt;
        }
        return result;
    }
};

// Indented JSON with a final newline. Text that is not UTF-8 (a Latin-1 file name, a title pasted from
// one) is written with U+FFFD in place of each bad byte: the JSON writer would otherwise throw.
std::string jsonText(const ordered_json& document)
{
    return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Result<ConvertedBank> convertUnguarded(
    const std::vector<QuestionBankFile>& files, const QuestionBankOptions& options)
{
    ConvertedBank bank;
    Problems errors;
    std::map<std::string, ordered_json> byTask; // task id → questions array
    std::set<std::string> usedIds;
    for (const auto& file : files) {
        Mapper mapper { file.name, bank.problems };
        std::string bytes = file.bytes;
        if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
            bytes.erase(0, 3);
        }
        const ordered_json document = ordered_json::parse(bytes, nullptr, false);
        if (document.is_discarded()) {
            errors.push_back(Problem { Severity::Error, file.name, "", "", "not valid JSON" });
            continue;
        }
        if (!document.is_array()) {
            errors.push_back(Problem { Severity::Error, file.name, "", "", "expected a JSON array of questions" });
            continue;
        }
        int index = 0;
        for (const auto& question : document) {
            ++index;
            if (!question.is_object()) {
                mapper.report("[" + std::to_string(index) + "]", "", "not an object; left out");
                continue;
            }
            const std::string sourceId = question.contains("id") ? idText(question["id"]) : std::string();
            const std::string where = sourceId.empty() ? "[" + std::to_string(index) + "]" : sourceId;
            const std::string task = question.contains("taskStatement") && question["taskStatement"].is_string()
                ? question["taskStatement"].get<std::string>()
                : std::string();
            if (!taskNumbers(task)) {
                mapper.report(where, "taskStatement", "missing or not of the form N.M; the question is left out");
                continue;
            }
            if (!question.contains("question") || !question["question"].is_string()
                || question["question"].get<std::string>().empty()) {
                mapper.report(where, "question", "missing or empty; the question is left out");
                continue;
            }
            std::string type;
            if (const auto found = question.find("type"); found != question.end() && !found->is_null()) {
                if (found->is_string()) {
                    type = found->get<std::string>();
                } else {
                    mapper.report(where, "type", "not a string; read as a choice question");
                }
            }
            bool multi = false;
            if (const auto found = question.find("isMultiAnswer"); found != question.end() && !found->is_null()) {
                if (found->is_boolean()) {
                    multi = found->get<bool>();
                } else {
                    mapper.report(where, "isMultiAnswer", "not true or false; ignored");
                }
            }
            ordered_json out;
            std::string id = "q-" + task + "-" + (sourceId.empty() ? std::to_string(index) : slug(sourceId));
            if (!usedIds.insert(id).second) {
                const std::string base = id;
                for (int n = 2; !usedIds.insert(id = base + "-" + std::to_string(n)).second; ++n) {
                }
                mapper.report(where, "id", "the id is used twice; this one becomes " + id);
            }
            out["id"] = id;
            out["task"] = task;
            out["stem"] = plainToMarkdown(question["question"].get<std::string>());

            auto mappedOptions = mapper.options(question, where);
            if (!mappedOptions) {
                usedIds.erase(id);
                continue;
            }
            if (type == "matching") {
                const auto prompts = question.find("prompts");
                const auto answer = question.find("answer");
                if (prompts == question.end() || !prompts->is_object() || answer == question.end() || !answer->is_object()) {
                    mapper.report(where, "type", "a matching question needs \"prompts\" (an object) and an \"answer\" "
                                                 "object pairing prompt keys with option keys; left out");
                    usedIds.erase(id);
                    continue;
                }
                ordered_json promptList = ordered_json::array();
                ordered_json pairs = ordered_json::object();
                bool allStrings = true;
                for (const auto& [key, text] : prompts->items()) {
                    allStrings = allStrings && text.is_string();
                    if (text.is_string()) {
                        promptList.push_back(ordered_json { { "id", lowerKey(key) }, { "text", plainToMarkdown(text.get<std::string>()) } });
                    }
                }
                for (const auto& [key, value] : answer->items()) {
                    allStrings = allStrings && value.is_string();
                    if (value.is_string()) {
                        pairs[lowerKey(key)] = lowerKey(value.get<std::string>());
                    }
                }
                if (!allStrings) {
                    mapper.report(where, "prompts", "prompt texts and answer keys must be strings; left out");
                    usedIds.erase(id);
                    continue;
                }
                out["type"] = "matching";
                out["prompts"] = promptList;
                out["options"] = *mappedOptions;
                out["answer"] = pairs;
            } else if (type == "ordering") {
                const auto order = question.find("correctOrder");
                if (order == question.end()) {
                    mapper.report(where, "correctOrder", "an ordering question needs correctOrder; left out");
                    usedIds.erase(id);
                    continue;
                }
                auto keys = mapper.keys(*order, where, "correctOrder");
                if (!keys) {
                    usedIds.erase(id);
                    continue;
                }
                out["type"] = "ordering";
                out["options"] = *mappedOptions;
                out["answer"] = *keys;
            } else {
                if (!type.empty() && type != "single" && type != "multiple" && type != "multi" && type != "mcq") {
                    mapper.report(where, "type", "unknown type \"" + type + "\"; read as a choice question");
                }
                const auto answer = question.find("answer");
                if (answer == question.end()) {
                    mapper.report(where, "answer", "missing; the question is left out");
                    usedIds.erase(id);
                    continue;
                }
                auto keys = mapper.keys(*answer, where, "answer");
                if (!keys) {
                    usedIds.erase(id);
                    continue;
                }
                out["type"] = (multi || keys->size() > 1) ? "multi" : "single";
                out["options"] = *mappedOptions;
                out["answer"] = *keys;
            }
            if (question.contains("explanation") && question["explanation"].is_string()
                && !question["explanation"].get<std::string>().empty()) {
                out["explanation"] = plainToMarkdown(question["explanation"].get<std::string>());
            }
            if (question.contains("services") && question["services"].is_array()) {
                ordered_json services = ordered_json::array();
                for (const auto& service : question["services"]) {
                    if (service.is_string()) {
                        services.push_back(service);
                    }
                }
                if (!services.empty()) {
                    out["services"] = services;
                }
            }
            if (question.contains("difficulty") && question["difficulty"].is_number_integer()) {
                out["difficulty"] = question["difficulty"];
            }
            for (const auto& [key, value] : question.items()) {
                static const std::set<std::string> Known { "id", "question", "options", "answer", "explanation",
                    "taskStatement", "services", "isMultiAnswer", "type", "correctOrder", "prompts", "difficulty",
                    "domain" };
                if (!Known.count(key)) {
                    mapper.report(where, key, "not mapped (mlaprep has no field for it)");
                }
            }
            byTask[task].push_back(out);
            ++bank.questions;
        }
    }
    if (!errors.empty()) {
        return Result<ConvertedBank>::failure(errors);
    }
    if (bank.questions == 0) {
        return Result<ConvertedBank>::failure(Problem { Severity::Error, files.empty() ? "" : files.front().name, "", "",
            "no question could be mapped" });
    }

    std::vector<std::string> tasks;
    for (const auto& [task, questions] : byTask) {
        tasks.push_back(task);
    }
    std::sort(tasks.begin(), tasks.end(), [](const std::string& a, const std::string& b) { return taskNumbers(a) < taskNumbers(b); });
    std::vector<std::string> domains;
    for (const auto& task : tasks) {
        const std::string domain = std::to_string(taskNumbers(task)->first);
        if (std::find(domains.begin(), domains.end(), domain) == domains.end()) {
            domains.push_back(domain);
        }
    }
    std::vector<double> weights = options.weights;
    if (weights.empty()) {
        weights.assign(domains.size(), 1.0 / static_cast<double>(domains.size()));
    } else if (weights.size() != domains.size()) {
        return Result<ConvertedBank>::failure(Problem { Severity::Error, "", "", "--weights",
            "the bank has " + std::to_string(domains.size()) + " domains but " + std::to_string(weights.size())
                + " weights were given" });
    } else {
        double sum = 0.0;
        for (const double weight : weights) {
            sum += weight;
        }
        if (std::fabs(sum - 1.0) > 0.001 || std::any_of(weights.begin(), weights.end(), [](double w) { return w <= 0.0; })) {
            return Result<ConvertedBank>::failure(Problem { Severity::Error, "", "", "--weights",
                "weights must be positive and sum to 1 (they sum to " + std::to_string(sum) + ")" });
        }
    }

    ordered_json manifest;
    std::string id = options.bundleId;
    if (id.empty()) {
        id = "imported-" + slug(std::filesystem::path(files.front().name).stem().string());
    }
    std::string source;
    for (const auto& file : files) {
        source += (source.empty() ? "" : ", ") + std::filesystem::path(file.name).filename().string();
    }
    manifest["format"] = "mlaprep-bundle/1";
    manifest["id"] = id;
    manifest["title"] = options.title.empty() ? "Imported question bank" : options.title;
    manifest["version"] = "1";
    manifest["origin"] = "imported";
    manifest["source"] = "converted by mlaprep-cli import-questions from " + source;
    ordered_json domainList = ordered_json::array();
    for (std::size_t i = 0; i < domains.size(); ++i) {
        ordered_json taskList = ordered_json::array();
        for (const auto& task : tasks) {
            if (std::to_string(taskNumbers(task)->first) == domains[i]) {
                taskList.push_back(ordered_json { { "id", task }, { "title", "Task " + task } });
            }
        }
        domainList.push_back(ordered_json {
            { "id", domains[i] }, { "title", "Domain " + domains[i] }, { "weight", weights[i] }, { "tasks", taskList } });
    }
    manifest["domains"] = domainList;
    manifest["notes"] = ordered_json::array();
    manifest["cards"] = ordered_json::array();
    ordered_json questionFiles = ordered_json::array();
    for (const auto& task : tasks) {
        const std::string path = "questions/" + task + ".json";
        questionFiles.push_back(path);
        bank.files[path] = jsonText(byTask[task]);
    }
    manifest["questions"] = questionFiles;
    bank.files["bundle.json"] = jsonText(manifest);
    bank.domains = domains;
    bank.tasks = tasks;
    return bank;
}

} // namespace

Result<ConvertedBank> convertQuestionBank(
    const std::vector<QuestionBankFile>& files, const QuestionBankOptions& options)
{
    // The converter walks arbitrary JSON; whatever the JSON library still throws on it is reported, not
    // let out into the caller's event loop.
    try {
        return convertUnguarded(files, options);
    } catch (const nlohmann::json::exception& error) {
        return Result<ConvertedBank>::failure(Problem { Severity::Error,
            files.empty() ? "" : files.front().name, "", "",
            std::string("the bank could not be converted: ") + error.what(), 0, 0, ProblemKind::Internal });
    }
}

Result<bool> writeConvertedBank(const ConvertedBank& bank, const std::filesystem::path& dir)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::exists(dir, error) && !fs::is_empty(dir, error)) {
        return Result<bool>::failure(Problem { Severity::Error, dir.string(), "", "--out",
            "the folder is not empty; give a new folder for the imported bundle" });
    }
    const bool created = !fs::exists(dir, error);
    auto cleanUp = [&]() {
        if (created) {
            fs::remove_all(dir, error);
        }
    };
    for (const auto& [relative, contents] : bank.files) {
        const fs::path path = dir / relative;
        fs::create_directories(path.parent_path(), error);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << contents;
        if (!out.flush()) {
            cleanUp();
            return Result<bool>::failure(Problem { Severity::Error, path.string(), "", "", "cannot write the file" });
        }
    }
    return true;
}

} // namespace mlaprep::interop
