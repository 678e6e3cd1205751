-- Version 15: mock exams and practice sessions sync between devices as events, each attempt owned by the
-- device that started it. Every attempt has a UUID, so attempts started on two devices never collide;
-- starting one is an exam-started event with that id, ending it (submitted, time-up or abandoned) an
-- exam-finished event carrying the whole attempt. An attempt received from another device keeps that
-- device in owner_device and is read-only here; NULL marks this store's own.
--
-- Attempts made before get ids derived from their content (the row id included, since two attempts may
-- share the rest), so two copies of one store make the same ids, and an exam-started event here. Their
-- exam-finished events are written by the first sync instead (ExamEvents::recordFinishedHistory): that
-- payload holds the attempt's items in order with their answer changes, a nested list that must be the
-- exact canonical text live finishes write, and the SQLite this runs on (3.40) cannot order the rows
-- inside an aggregate; one serialiser in C++ keeps equal attempts equal text.
-- Payloads are spelled as sync::Payload writes them (keys sorted; '%', '&', '=', tab, CR and LF escaped).
ALTER TABLE exam_attempts ADD COLUMN uuid TEXT;
ALTER TABLE exam_attempts ADD COLUMN owner_device TEXT;
UPDATE exam_attempts
SET uuid = 'attempt-' || bundle_id || '-' || bundle_version || '-' || mode || '-' || seed || '-' || started_ms
    || '-' || id;
CREATE UNIQUE INDEX exam_attempts_by_uuid ON exam_attempts (uuid);

INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT uuid, started_ms, 0, 'history', 'exam-started', uuid,
       'bundle=' || replace(replace(replace(replace(replace(replace(bundle_id, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || coalesce('&limit=' || time_limit_ms, '')
           || '&mode=' || mode
           || '&seed=' || seed
           || '&started=' || started_ms
           || '&version=' || replace(replace(replace(replace(replace(replace(bundle_version, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A'),
       'local'
FROM exam_attempts;
