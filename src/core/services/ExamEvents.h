#pragma once

#include "common/Clock.h"
#include "sync/Event.h"

#include <cstdint>

namespace mlaprep {

class Database;
class EventRepository;
struct AttemptRow;

// Mock exams and practice sessions as sync events. An attempt belongs to the device that started it:
// the others receive an exam-started event when it starts and one exam-finished event when it ends
// (submitted, time-up or abandoned), and keep it read-only. The finish carries the whole attempt (its
// items in order with option order, scored flag, case, answer, flag, strikes, time, result and answer
// changes; the clock, reason and scores) in one event rather than one event per answer: another device
// shows an attempt only once it is over, one event is applied all-or-nothing so no device ever holds
// half an attempt, and a mock's 65 items fit one payload. The item list is one field of canonical JSON
// (interop/AttemptItemsJson.h), so equal attempts make equal text. The answers themselves reach the
// scheduler as review events, as local ones do; materialising an attempt records none.
// None of these open a transaction: the caller's holds the events with the table rows. Throw DbError.

// The exam-started payload of a new attempt: bundle, version, mode, seed, limit (timed only), started.
sync::Payload examStartedPayload(const AttemptRow& attempt);

// Records the exam-finished event of this store's attempt `attemptId`, just ended at `at`, from its rows.
void recordExamFinished(Database& database, EventRepository& events, std::int64_t attemptId, Instant at);

// Records exam-finished events for this store's attempts that ended before attempts synced (migration 15
// leaves them to this): history events (sync::HistoryDevice) with the id "<attempt uuid>/finished" and
// the attempt's end as their stamp, so two copies of one store make the same ones. Run before exporting.
void recordFinishedHistory(Database& database, EventRepository& events);

// Stores another device's finished attempt from its exam-finished event (already in `events`), read-only
// and owned by that device. False, changing nothing, when the attempt is this store's own (never
// overwritten), when another finish of it that is earlier by HLC is here, or when the payload is not
// one recordExamFinished could have written.
bool applyExamFinished(Database& database, EventRepository& events, const sync::Event& event);

} // namespace mlaprep
