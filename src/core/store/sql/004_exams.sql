-- Version 4: mock exams and practice sessions, written on every action so that a crash or a kill loses
-- nothing: the items in order with their shuffled options, the current answer, flags, time used and
-- position, and every change of answer with its time.
CREATE TABLE exam_attempts (
    id             INTEGER PRIMARY KEY,
    bundle_id      TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('exam', 'practice')),
    seed           INTEGER NOT NULL,
    time_limit_ms  INTEGER,                    -- NULL when untimed
    started_ms     INTEGER NOT NULL,
    elapsed_ms     INTEGER NOT NULL DEFAULT 0, -- clock time used, saved with every action
    position       INTEGER NOT NULL DEFAULT 0,
    finished_ms    INTEGER,                    -- NULL while open
    finish_reason  TEXT CHECK (finish_reason IN ('submitted', 'time-up')),
    scored_correct INTEGER,
    scored_total   INTEGER,
    scaled_score   INTEGER
);
CREATE INDEX exam_attempts_open ON exam_attempts (finished_ms);

CREATE TABLE exam_items (
    attempt_id    INTEGER NOT NULL REFERENCES exam_attempts (id) ON DELETE CASCADE,
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

CREATE TABLE exam_answer_changes (
    id         INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES exam_attempts (id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL,
    answer     TEXT,                          -- NULL when the answer was cleared
    changed_ms INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL               -- exam clock at the change
);
CREATE INDEX exam_answer_changes_by_item ON exam_answer_changes (attempt_id, item_id, id);
