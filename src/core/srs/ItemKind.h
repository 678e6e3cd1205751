#pragma once

// srs/ owns scheduling around the FSRS memory model: item phases, learning steps, the study day, the
// daily queue and rating inference. Pure values in and out; it never includes store/ or <sqlite3.h>
// and reads no clock (callers pass the instant and the UTC offset).

#include <optional>
#include <string_view>

namespace mlaprep::srs {

// Cards and questions are scheduled alike; the kind only decides how an item is shown and is stored
// with it ("card" / "question").
enum class ItemKind { Card, Question };

constexpr std::string_view toString(ItemKind kind)
{
    return kind == ItemKind::Card ? "card" : "question";
}

constexpr std::optional<ItemKind> itemKindFromString(std::string_view text)
{
    if (text == "card") {
        return ItemKind::Card;
    }
    if (text == "question") {
        return ItemKind::Question;
    }
    return std::nullopt;
}

} // namespace mlaprep::srs
