#include "interop/AttemptItemsJson.h"

#include <nlohmann/json.hpp>

#include <set>

namespace mlaprep {

namespace {

using nlohmann::json;

json optionalText(const std::optional<std::string>& text)
{
    return text ? json(*text) : json(nullptr);
}

std::optional<std::string> textOrNone(const json& value)
{
    return value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
}

} // namespace

std::string attemptItemsJson(const AttemptItems& attempt)
{
    json items = json::array();
    for (const auto& row : attempt.items) {
        json changes = json::array();
        for (const auto& change : attempt.changes) {
            if (change.itemId == row.item.itemId) {
                changes.push_back({ { "answer", optionalText(change.answer) }, { "at", change.changedMs },
                    { "elapsed", change.elapsedMs } });
            }
        }
        items.push_back({ { "answer", optionalText(row.answer) }, { "case", row.item.caseId },
            { "changes", std::move(changes) },
            { "correct", row.correct ? json(*row.correct) : json(nullptr) }, { "flagged", row.flagged },
            { "id", row.item.itemId }, { "options", row.item.optionOrder }, { "scored", row.item.scored },
            { "struck", row.struck }, { "time", row.timeSpentMs } });
    }
    return items.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<AttemptItems> attemptItemsFromJson(std::string_view text)
{
    AttemptItems attempt;
    std::set<std::string> ids; // the store holds an item once per attempt
    try {
        for (const auto& item : json::parse(text)) {
            ExamItemRow row;
            row.item.itemId = item.at("id").get<std::string>();
            row.item.caseId = item.at("case").get<std::string>();
            row.item.optionOrder = item.at("options").get<std::vector<std::string>>();
            row.item.scored = item.at("scored").get<bool>();
            row.answer = textOrNone(item.at("answer"));
            row.flagged = item.at("flagged").get<bool>();
            row.timeSpentMs = item.at("time").get<long long>();
            row.struck = item.at("struck").get<std::vector<std::string>>();
            if (!item.at("correct").is_null()) {
                row.correct = item.at("correct").get<bool>();
            }
            for (const auto& change : item.at("changes")) {
                attempt.changes.push_back({ row.item.itemId, textOrNone(change.at("answer")),
                    change.at("at").get<long long>(), change.at("elapsed").get<long long>() });
            }
            if (!ids.insert(row.item.itemId).second) {
                return std::nullopt;
            }
            attempt.items.push_back(std::move(row));
        }
    } catch (const json::exception&) {
        return std::nullopt;
    }
    return attempt;
}

} // namespace mlaprep
