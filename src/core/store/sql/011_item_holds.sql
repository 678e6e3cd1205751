-- Version 11: suspend, bury and reset from Review. A suspended item leaves every queue until it is
-- unsuspended; a buried one comes back at buried_until_ms (the start of the next study day). A row exists
-- only while an item is held.
CREATE TABLE item_holds (
    item_id         TEXT PRIMARY KEY NOT NULL,
    suspended       INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    buried_until_ms INTEGER
) WITHOUT ROWID;

-- Each suspend, unsuspend, bury and reset done from Review, with the hold and the item_states row from
-- before it, so Undo takes it back as it takes back a rating. after_log_id is the newest review_log id
-- when it was done: a Review-screen rating with a larger id came after it.
CREATE TABLE item_actions (
    id                     INTEGER PRIMARY KEY,
    item_id                TEXT NOT NULL,
    action                 TEXT NOT NULL CHECK (action IN ('suspend', 'unsuspend', 'bury', 'reset')),
    at_ms                  INTEGER NOT NULL,
    after_log_id           INTEGER NOT NULL,
    suspended_before       INTEGER NOT NULL CHECK (suspended_before IN (0, 1)),
    buried_until_before_ms INTEGER,
    phase_before           INTEGER NOT NULL,
    step_before            INTEGER NOT NULL,
    stability_before       REAL,
    difficulty_before      REAL,
    due_before_ms          INTEGER NOT NULL,
    last_review_before_ms  INTEGER,
    reps_before            INTEGER NOT NULL,
    lapses_before          INTEGER NOT NULL
);
