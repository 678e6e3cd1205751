-- Version 1: learner settings as key/value pairs (exam date, theme, desired retention, ...).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
