-- Version 2: which notes the learner has opened and when (the "read" badge, reopening the last note).
CREATE TABLE note_visits (
    note_id         TEXT PRIMARY KEY NOT NULL,
    first_opened_ms INTEGER NOT NULL,
    last_opened_ms  INTEGER NOT NULL,
    open_count      INTEGER NOT NULL DEFAULT 1 CHECK (open_count >= 1)
) WITHOUT ROWID;
CREATE INDEX note_visits_by_last_opened ON note_visits (last_opened_ms);
