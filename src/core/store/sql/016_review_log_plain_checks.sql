-- Version 16: review_log's CHECK on source, spelled as comparisons. SQLite evaluates `x IN (a, b, c)` with
-- three or more constants by building a temporary b-tree of the constants for every row it checks, which
-- made each insert into review_log about four times as slow as the insert itself (a sync that replays
-- 100,000 answers spent most of its time there). Two-value IN lists compile to comparisons already. The
-- rule is the same; SQLite cannot change a CHECK in place, so the table is rebuilt with every row and id.
CREATE TABLE review_log_v16 (
    id                    INTEGER PRIMARY KEY,
    item_id               TEXT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN ('card', 'question')),
    reviewed_ms           INTEGER NOT NULL,
    rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    source                TEXT NOT NULL CHECK (source = 'review' OR source = 'exam' OR source = 'practice'),
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
    due_after_ms          INTEGER NOT NULL,
    event_uuid            TEXT
);
INSERT INTO review_log_v16 (id, item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms,
                            phase_before, step_before, stability_before, difficulty_before, due_before_ms,
                            last_review_before_ms, reps_before, lapses_before, phase_after, step_after,
                            stability_after, difficulty_after, due_after_ms, event_uuid)
SELECT id, item_id, kind, reviewed_ms, rating, source, elapsed_days, duration_ms, phase_before, step_before,
       stability_before, difficulty_before, due_before_ms, last_review_before_ms, reps_before, lapses_before,
       phase_after, step_after, stability_after, difficulty_after, due_after_ms, event_uuid
FROM review_log;
DROP TABLE review_log;
ALTER TABLE review_log_v16 RENAME TO review_log;
CREATE INDEX review_log_by_item ON review_log (item_id, reviewed_ms);
CREATE INDEX review_log_by_time ON review_log (reviewed_ms);
CREATE INDEX review_log_by_source_phase_time ON review_log (source, phase_before, reviewed_ms);
