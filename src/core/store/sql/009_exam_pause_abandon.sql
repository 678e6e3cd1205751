-- Version 9: an attempt can be abandoned (kept in history, never scored) and paused. A running attempt's
-- clock is elapsed_ms plus the wall time since running_since_ms, so it keeps running while the app is
-- closed, as the real exam's does; pausing folds that time into elapsed_ms and sets running_since_ms to
-- NULL. SQLite cannot change a CHECK in place, so exam_attempts is rebuilt. Its children are rebuilt with
-- it: migrations run with foreign keys on inside one transaction, and dropping a parent table would
-- cascade-delete their rows. Every row keeps its id; attempts left open by version 8, whose clock stopped
-- with the app, come back paused.
CREATE TABLE exam_attempts_v9 (
    id               INTEGER PRIMARY KEY,
    bundle_id        TEXT NOT NULL,
    bundle_version   TEXT NOT NULL,
    mode             TEXT NOT NULL CHECK (mode IN ('exam', 'practice')),
    seed             INTEGER NOT NULL,
    time_limit_ms    INTEGER,                    -- NULL when untimed
    started_ms       INTEGER NOT NULL,
    elapsed_ms       INTEGER NOT NULL DEFAULT 0, -- clock time used up to running_since_ms
    running_since_ms INTEGER,                    -- NULL while paused or finished
    position         INTEGER NOT NULL DEFAULT 0,
    finished_ms      INTEGER,                    -- NULL while open
    finish_reason    TEXT CHECK (finish_reason IN ('submitted', 'time-up', 'abandoned')),
    scored_correct   INTEGER,                    -- NULL for an abandoned attempt
    scored_total     INTEGER,
    scaled_score     INTEGER
);
INSERT INTO exam_attempts_v9 (id, bundle_id, bundle_version, mode, seed, time_limit_ms, started_ms,
                              elapsed_ms, running_since_ms, position, finished_ms, finish_reason,
                              scored_correct, scored_total, scaled_score)
SELECT id, bundle_id, bundle_version, mode, seed, time_limit_ms, started_ms, elapsed_ms, NULL, position,
       finished_ms, finish_reason, scored_correct, scored_total, scaled_score
FROM exam_attempts;

CREATE TABLE exam_items_v9 (
    attempt_id    INTEGER NOT NULL REFERENCES exam_attempts_v9 (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    item_id       TEXT NOT NULL,
    case_id       TEXT,                       -- the case study this child belongs to
    option_order  TEXT NOT NULL,              -- option ids in display order, comma-separated
    scored        INTEGER NOT NULL DEFAULT 1, -- 0 for the unscored items of the realism option
    flagged       INTEGER NOT NULL DEFAULT 0,
    answer        TEXT,                       -- NULL when unanswered; see ExamAnswer's text form
    time_spent_ms INTEGER NOT NULL DEFAULT 0,
    correct       INTEGER,                    -- set when the attempt is finished
    PRIMARY KEY (attempt_id, position),
    UNIQUE (attempt_id, item_id)
) WITHOUT ROWID;
INSERT INTO exam_items_v9 SELECT attempt_id, position, item_id, case_id, option_order, scored, flagged,
                                 answer, time_spent_ms, correct
FROM exam_items;

CREATE TABLE exam_answer_changes_v9 (
    id         INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES exam_attempts_v9 (id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL,
    answer     TEXT,                          -- NULL when the answer was cleared
    changed_ms INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL               -- exam clock at the change
);
INSERT INTO exam_answer_changes_v9 SELECT id, attempt_id, item_id, answer, changed_ms, elapsed_ms
FROM exam_answer_changes;

-- Children first, so that dropping the parent finds nothing to cascade to.
DROP TABLE exam_answer_changes;
DROP TABLE exam_items;
DROP TABLE exam_attempts;
-- Renaming a parent rewrites the REFERENCES clauses that name it, so the children end up pointing at
-- exam_attempts again.
ALTER TABLE exam_attempts_v9 RENAME TO exam_attempts;
ALTER TABLE exam_items_v9 RENAME TO exam_items;
ALTER TABLE exam_answer_changes_v9 RENAME TO exam_answer_changes;
CREATE INDEX exam_attempts_open ON exam_attempts (finished_ms);
CREATE INDEX exam_answer_changes_by_item ON exam_answer_changes (attempt_id, item_id, id);
