#include "interop/HistoryJsonl.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace mlaprep {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    if (at + count > text.size()) {
        return false;
    }
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

std::optional<HistoryEntry> parseEntry(const nlohmann::json& json, std::string& why)
{
    if (!json.is_object()) {
        why = "not a JSON object";
        return std::nullopt;
    }
    HistoryEntry entry;
    const auto item = json.find("item");
    if (item == json.end() || !item->is_string() || item->get<std::string>().empty()) {
        why = "\"item\" must be an item id (a string)";
        return std::nullopt;
    }
    entry.item = item->get<std::string>();
    const auto at = json.find("at");
    const auto atMs
        = at != json.end() && at->is_string() ? parseRfc3339(at->get<std::string>()) : std::nullopt;
    if (!atMs) {
        why = "\"at\" must be an RFC 3339 time with Z or an offset, like 2026-11-20T10:15:00Z";
        return std::nullopt;
    }
    entry.atMs = *atMs;
    const auto source = json.find("source");
    const auto parsedSource = source != json.end() && source->is_string()
        ? srs::reviewSourceFromString(source->get<std::string>())
        : std::nullopt;
    if (!parsedSource) {
        why = "\"source\" must be \"review\", \"practice\" or \"exam\"";
        return std::nullopt;
    }
    entry.source = *parsedSource;
    if (const auto correct = json.find("correct"); correct != json.end()) {
        if (!correct->is_boolean()) {
            why = "\"correct\" must be true or false";
            return std::nullopt;
        }
        entry.correct = correct->get<bool>();
    }
    if (const auto rating = json.find("rating"); rating != json.end()) {
        if (!rating->is_number_integer() || rating->get<int>() < 1 || rating->get<int>() > 4) {
            why = "\"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)";
            return std::nullopt;
        }
        entry.rating = rating->get<int>();
    }
    if (const auto seconds = json.find("seconds"); seconds != json.end()) {
        if (!seconds->is_number() || seconds->get<double>() < 0.0 || seconds->get<double>() > 86'400.0) {
            why = "\"seconds\" must be a number from 0 to 86400";
            return std::nullopt;
        }
        entry.seconds = seconds->get<double>();
    }
    if (entry.source == srs::ReviewSource::Exam) {
        const auto attempt = json.find("attempt");
        if (attempt == json.end() || !(attempt->is_string() || attempt->is_number_integer())
            || (attempt->is_string() && attempt->get<std::string>().empty())) {
            why = "an exam answer needs \"attempt\": the id its mock's lines share";
            return std::nullopt;
        }
        entry.attempt
            = attempt->is_string() ? attempt->get<std::string>() : std::to_string(attempt->get<long long>());
    }
    return entry;
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' || !digits(text, 5, 2, month)
        || text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't')
        || !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':'
        || !digits(text, 17, 2, second)) {
        return std::nullopt;
    }
    std::size_t at = 19;
    int millis = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        int scale = 100;
        const std::size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            millis += scale * (text[at] - '0');
            scale /= 10;
            ++at;
        }
        if (at == first) {
            return std::nullopt;
        }
    }
    int offsetMinutes = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z') && at + 1 == text.size()) {
        offsetMinutes = 0;
    } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':') {
        int offsetHours = 0;
        int offsetMins = 0;
        if (!digits(text, at + 1, 2, offsetHours) || !digits(text, at + 4, 2, offsetMins) || offsetHours > 23
            || offsetMins > 59) {
            return std::nullopt;
        }
        offsetMinutes = (text[at] == '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    } else {
        return std::nullopt;
    }
    const std::chrono::year_month_day date { std::chrono::year(year),
        std::chrono::month(static_cast<unsigned>(month)), std::chrono::day(static_cast<unsigned>(day)) };
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    const auto days = std::chrono::sys_days(date).time_since_epoch().count();
    return ((static_cast<std::int64_t>(days) * 24 + hour) * 60 + minute - offsetMinutes) * 60'000
        + static_cast<std::int64_t>(second) * 1000 + millis;
}

std::string formatRfc3339(std::int64_t ms)
{
    const auto days = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)));
    const std::chrono::year_month_day date(days);
    const std::int64_t inDay
        = ms - std::chrono::sys_time<std::chrono::milliseconds>(days).time_since_epoch().count();
    char text[40];
    const int written = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d",
        static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
        static_cast<int>(inDay / 3'600'000), static_cast<int>(inDay / 60'000 % 60),
        static_cast<int>(inDay / 1000 % 60));
    std::string result(text, static_cast<std::size_t>(written));
    if (inDay % 1000 != 0) {
        std::snprintf(text, sizeof text, ".%03d", static_cast<int>(inDay % 1000));
        result += text;
    }
    return result + "Z";
}

HistoryFile parseHistory(std::string_view text, const std::string& fileName)
{
    HistoryFile file;
    int lineNumber = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        ++lineNumber;
        start = end + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            if (end == text.size()) {
                break;
            }
            continue;
        }
        ++file.read;
        std::string why;
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            why = "not valid JSON";
        } else if (auto entry = parseEntry(json, why)) {
            entry->line = lineNumber;
            file.entries.push_back(std::move(*entry));
        }
        if (!why.empty()) {
            file.errors.push_back(fileName + ":" + std::to_string(lineNumber) + ": " + why);
        }
        if (end == text.size()) {
            break;
        }
    }
    return file;
}

std::string historyLine(const HistoryEntry& entry, bool question)
{
    nlohmann::ordered_json json;
    json["item"] = entry.item;
    json["at"] = formatRfc3339(entry.atMs);
    if (question && entry.correct) {
        json["correct"] = *entry.correct;
    }
    if (entry.rating) {
        json["rating"] = *entry.rating;
    }
    json["seconds"] = std::round(entry.seconds * 1000.0) / 1000.0;
    json["source"] = std::string(srs::toString(entry.source));
    if (!entry.attempt.empty()) {
        json["attempt"] = entry.attempt;
    }
    return json.dump();
}

} // namespace mlaprep
