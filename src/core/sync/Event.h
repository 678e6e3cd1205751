#pragma once

#include "sync/HybridClock.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mlaprep::sync {

// What kind of thing an event records. The text is what segments and the events table hold.
namespace EventKind {
inline constexpr std::string_view Review = "review"; // an answer: rating, time, duration, source
// Undo of the answer or reset `target`.
inline constexpr std::string_view ReviewRetraction = "review-retraction";
// A progress reset from Review: the item is New again from here, its earlier answers kept in the log.
inline constexpr std::string_view Reset = "reset";
// What holds the item out of the queues: suspended=0|1, buried_until=ms (0: not buried); newest wins.
inline constexpr std::string_view Hold = "hold";
inline constexpr std::string_view Bookmark = "bookmark"; // on=1 added, on=0 removed; item "kind:target"
inline constexpr std::string_view Setting = "setting"; // item is the key, payload value=…
// What the learner calls a device: item is the device id, payload name=…; newest wins.
inline constexpr std::string_view DeviceName = "device-name";
// A filed error report: the event's uuid is the report's; item "kind:id", payload at, bundle, version,
// reason, comment. Removing it is an ErrorReportRetraction with target=<uuid>.
inline constexpr std::string_view ErrorReport = "error-report";
inline constexpr std::string_view ErrorReportRetraction = "error-report-retraction";
// A mock exam or practice session started: the event's uuid and item are the attempt's uuid; payload
// bundle, version, mode, seed, limit (none: untimed), started. The device that stamps it owns the attempt.
inline constexpr std::string_view ExamStarted = "exam-started";
// The attempt ended (submitted, time-up, abandoned): item is the attempt's uuid, the payload the whole
// attempt as ExamEvents.h writes it, so another device can show it and its report read-only.
inline constexpr std::string_view ExamFinished = "exam-finished";
// An imported deck: item is the deck's uuid, payload format, imported, name, source, task.
inline constexpr std::string_view DeckImport = "deck-import";
// A card of an imported deck: item is the card's item id ("u-" and a UUID), payload anki-deck, back,
// created, deck (its deck's uuid), front, guid, note-key, position (in the new-card queue), tags, task.
inline constexpr std::string_view UserCard = "user-card";
} // namespace EventKind

// The device of events made from history that predates events (migrations, and the first sync after
// one): their ids and stamps come from their content, so every copy of a store makes the same events.
inline constexpr std::string_view HistoryDevice = "history";

// One thing the learner did that must survive on every device, in the order the hybrid clock gives it.
struct Event {
    std::string uuid;
    Hlc hlc;
    std::string kind;
    std::string itemId;
    // Payload::encode() text: the event's fields, canonical so equal events are equal text.
    std::string payload;

    bool operator==(const Event&) const = default;
};

// An event's fields as key=value pairs, written sorted by key with '%', '&', '=', tab and line breaks
// percent-escaped: one line, and the same text for the same fields on every device.
class Payload {
public:
    Payload() = default;

    Payload& set(std::string_view key, std::string_view value);
    Payload& set(std::string_view key, long long value);

    std::optional<std::string> get(std::string_view key) const;
    std::optional<long long> getInteger(std::string_view key) const;

    std::string encode() const;
    // Nothing when `text` is not a payload encode() could have written.
    static std::optional<Payload> decode(std::string_view text);

private:
    std::map<std::string, std::string, std::less<>> m_fields;
};

// Percent-escapes '%', '&', '=', tab, CR and LF: the text then fits in one field of one line.
std::string escapeField(std::string_view text);
std::optional<std::string> unescapeField(std::string_view text);

} // namespace mlaprep::sync
