-- Version 13: the learner's real exam results, each kept with the readiness forecast made the day before
-- (the history up to the start of the exam day, UTC), so forecasts can be checked against real outcomes.
-- One row per exam date; recording the same date again corrects the result and keeps its forecast.
-- scaled_score is empty when the learner gave only pass or fail.
CREATE TABLE real_exam_results (
    exam_date            TEXT PRIMARY KEY NOT NULL,
    scaled_score         INTEGER,
    passed               INTEGER NOT NULL CHECK (passed IN (0, 1)),
    recorded_ms          INTEGER NOT NULL,
    forecast_estimate    INTEGER NOT NULL,
    forecast_low         INTEGER NOT NULL,
    forecast_high        INTEGER NOT NULL,
    forecast_interval    REAL NOT NULL,
    forecast_p_pass      REAL NOT NULL,
    forecast_enough_data INTEGER NOT NULL CHECK (forecast_enough_data IN (0, 1)),
    forecast_answers     INTEGER NOT NULL,
    forecast_seen_share  REAL NOT NULL
) WITHOUT ROWID;
