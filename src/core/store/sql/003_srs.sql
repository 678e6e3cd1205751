-- Version 3: spaced-repetition state per item (cards and questions alike) and a log row per answer, with
-- the state before and after it, so a rating can be undone and the whole history replayed or optimised.
CREATE TABLE item_states (
    item_id        TEXT PRIMARY KEY NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('card', 'question')),
    phase          INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 3), -- 0 new, 1 learning, 2 review, 3 relearning
    step           INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),   -- position in the (re)learning steps
    stability      REAL,                                           -- NULL until the first answer
    difficulty     REAL,
    due_ms         INTEGER NOT NULL,
    last_review_ms INTEGER,
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX item_states_by_due ON item_states (due_ms);

CREATE TABLE review_log (
    id                    INTEGER PRIMARY KEY,
    item_id               TEXT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN ('card', 'question')),
    reviewed_ms           INTEGER NOT NULL,
    rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    source                TEXT NOT NULL CHECK (source IN ('review', 'exam', 'practice')),
    elapsed_days          REAL NOT NULL,
    duration_ms           INTEGER NOT NULL,
    phase_before          INTEGER NOT NULL,
    step_before           INTEGER NOT NULL,
    stability_before      REAL,
    difficulty_before     REAL,
    due_before_ms         INTEGER,
    last_review_before_ms INTEGER,
    reps_before           INTEGER NOT NULL,
    lapses_before         INTEGER NOT NULL,
    phase_after           INTEGER NOT NULL,
    step_after            INTEGER NOT NULL,
    stability_after       REAL NOT NULL,
    difficulty_after      REAL NOT NULL,
    due_after_ms          INTEGER NOT NULL
);
CREATE INDEX review_log_by_item ON review_log (item_id, reviewed_ms);
CREATE INDEX review_log_by_time ON review_log (reviewed_ms);
