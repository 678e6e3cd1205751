#include "interop/ExamJson.h"

#include <nlohmann/json.hpp>

namespace mlaprep {

using Json = nlohmann::ordered_json;

std::string examPlanJson(const Bundle& bundle, const ExamPlan& plan)
{
    Json items = Json::array();
    for (const auto& item : plan.items) {
        Json entry { { "id", item.itemId }, { "task", item.taskId }, { "domain", item.domainId },
            { "type", toString(item.type) } };
        if (!item.caseId.empty()) {
            entry["case"] = item.caseId;
        }
        if (!item.scored) {
            entry["scored"] = false;
        }
        items.push_back(std::move(entry));
    }
    Json document { { "minutes", bundle.exam.minutes }, { "seed", plan.seed },
        { "items", std::move(items) } };
    return document.dump(2);
}

std::string attemptStatusJson(const AttemptState& state, Instant now)
{
    Json answered = Json::array();
    Json flagged = Json::array();
    for (const auto& item : state.items) {
        if (item.answer) {
            answered.push_back(item.item.itemId);
        }
        if (item.flagged) {
            flagged.push_back(item.item.itemId);
        }
    }
    Json document { { "attempt", state.id }, { "mode", state.mode == ExamMode::Exam ? "exam" : "practice" },
        { "finished", state.isFinished() }, { "paused", state.isPaused() }, { "items", state.items.size() },
        { "answered", std::move(answered) }, { "flagged", std::move(flagged) },
        { "position", state.position }, { "elapsed_ms", state.elapsedMsAt(now) } };
    document["finish_reason"] = state.finished ? Json(finishReasonName(*state.finished)) : Json(nullptr);
    const auto remaining = state.remainingMsAt(now);
    document["remaining_ms"] = remaining ? Json(*remaining) : Json(nullptr);
    return document.dump(2);
}

} // namespace mlaprep
